/**
 * `npm run build`: builds the site into a fresh folder beside the output and swaps it into
 * place only when the whole build (check, pages, search indexes) succeeded. A failed or
 * interrupted build leaves the previous output exactly as it was; a half-written folder from
 * a killed build is removed by the next one. Astro runs in this process, so killing the
 * build kills all of it.
 *
 * The output folder is `dist/`, or ERRATA_OUT_DIR.
 */
import { resolve } from 'node:path';
import { build } from 'astro';
import { removeStaleBuilds, swapIntoPlace, stagingFolder } from '../src/server/atomic-output.ts';

const target = resolve(process.env['ERRATA_OUT_DIR'] ?? 'dist');
removeStaleBuilds(target);
const staging = stagingFolder(target, process.pid);
// astro.config.mjs reads the output folder from here.
process.env['ERRATA_OUT_DIR'] = staging;

let swapped = false;
// Every way out that is not a swap (an error, the content check's exit, Ctrl+C) leaves the
// previous output as it was and removes this build's half.
process.on('exit', (code) => {
  if (swapped) return;
  removeStaleBuilds(target, { includeOwn: true });
  console.error(`Build ${code === 130 || code === 143 ? 'interrupted' : 'failed'}; ${target} is unchanged.`);
});
process.once('SIGINT', () => process.exit(130));
process.once('SIGTERM', () => process.exit(143));

try {
  await build({ root: process.cwd() });
  swapIntoPlace(staging, target);
  swapped = true;
  console.log(`Built into ${target}`);
} catch (error) {
  console.error(error instanceof Error ? (error.stack ?? error.message) : error);
  process.exitCode = 1;
}
