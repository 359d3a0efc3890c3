import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { astroConfig } from '../../src/integrations/astro-config.ts';
import { bundleRefusal } from '../../src/integrations/render-bundle.ts';
import { contextFromEnvironment } from '../../src/lib/context.ts';
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

// Rebuilds render with Astro's kept render bundle through Astro's build internals
// (src/integrations/render-bundle.ts): an Astro upgrade must be a decision, made with this test.
it('builds with the exact Astro version the rebuild path was written for, whose internals are where it reads them', async () => {
  const manifest = JSON.parse(readFileSync(join(PROJECT_ROOT, 'package.json'), 'utf8')) as { dependencies: Record<string, string> };
  const installed = JSON.parse(readFileSync(join(PROJECT_ROOT, 'node_modules/astro/package.json'), 'utf8')) as { version: string };
  expect(manifest.dependencies['astro']).toBe('7.3.5');
  expect(installed.version).toBe('7.3.5');
  const { StaticPaths } = (await import(join(PROJECT_ROOT, 'node_modules/astro/dist/runtime/prerender/static-paths.js'))) as { StaticPaths?: unknown };
  expect(typeof StaticPaths).toBe('function');
});

// A rebuild without Astro runs no integration's hooks but errata's: a site with any other
// keeps no render bundle, and every rebuild starts Astro.
it('keeps a render bundle only for a site whose one integration is errata, as errata’s own config is', () => {
  expect(bundleRefusal(['errata'])).toBeUndefined();
  expect(bundleRefusal(['errata', '@astrojs/sitemap'])).toBe('the site has other integrations (@astrojs/sitemap), whose hooks only Astro runs');
  const names = (astroConfig(contextFromEnvironment({}, PROJECT_ROOT)).integrations ?? []).flat().flatMap((integration) => (integration ? [integration.name] : []));
  expect(names).toEqual(['errata']);
});
