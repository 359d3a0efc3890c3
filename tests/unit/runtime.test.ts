import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { PROJECT_ROOT } from '../helpers/build-site.ts';

// npm scripts run the Node that the `node` dev dependency installs; without its install
// script they silently fall back to the machine's Node, which may be older than Astro 7 needs.
it('runs on the pinned Node 24, the version the lockfile installs, not the machine default', () => {
  const lock = JSON.parse(readFileSync(join(PROJECT_ROOT, 'package-lock.json'), 'utf8')) as { packages: Record<string, { version?: string }> };
  const locked = lock.packages['node_modules/node']?.version;
  expect(locked).toMatch(/^24\./);
  expect(process.versions.node).toBe(locked);
  expect(process.versions.node.split('.')[0]).toBe('24');
});
