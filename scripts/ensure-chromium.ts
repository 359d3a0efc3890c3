/**
 * Runs before `npm test`: the browser tests need Debian's Chromium. When it is missing and this
 * machine can install it (apt-get, as root or with sudo), install it; otherwise say how.
 * Never skips: a test run without a browser would hide a broken search page.
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

const path = process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium';
if (!existsSync(path)) {
  const isRoot = process.getuid?.() === 0;
  const hasSudo = spawnSync('sudo', ['-n', 'true']).status === 0;
  const hasApt = spawnSync('apt-get', ['--version']).status === 0;
  if (!hasApt || (!isRoot && !hasSudo)) {
    console.error(`Chromium is needed for the browser tests and was not found at ${path}.`);
    console.error('Install it with "sudo apt-get install -y chromium", or set CHROMIUM_PATH to a Chromium binary.');
    process.exit(1);
  }
  console.log('Chromium is missing; installing Debian\'s chromium package for the browser tests…');
  const prefix = isRoot ? [] : ['sudo', '-n'];
  for (const args of [['apt-get', 'update'], ['apt-get', 'install', '-y', 'chromium']]) {
    const [command = 'apt-get', ...rest] = [...prefix, ...args];
    const result = spawnSync(command, rest, { stdio: 'inherit', env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } });
    if (result.status !== 0) process.exit(result.status ?? 1);
  }
}
