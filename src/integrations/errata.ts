/**
 * The Astro integration that makes a build an errata build: the content check runs before
 * anything is rendered, and the search indexes, redirects and sitemap are written after (see
 * `build-steps.ts`). Under `npm run build` the build is incremental (see `incremental-build.ts`),
 * and the pages' render bundle is kept for rebuilds that need not start Astro (`render-bundle.ts`).
 */
import { relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { finishBuild, prepareBuild, type SignatureIndexes } from './build-steps.ts';
import { DevContent } from './dev-content.ts';
import { IncrementalBuild } from './incremental-build.ts';
import { keepRenderBundle, renderOrigin } from './render-bundle.ts';

export default function errata(): AstroIntegration {
  let indexes: SignatureIndexes | undefined;
  let incremental: IncrementalBuild | undefined;
  let origin = '';
  let dev: DevContent | undefined;
  /** Astro's page map, which its build fills with each page's stylesheets. */
  let pages: ReadonlyMap<string, { styles: unknown[] }> = new Map();
  return {
    name: 'errata',
    hooks: {
      'astro:config:setup': async ({ logger, command }) => {
        if (command === 'dev') {
          // The dev server keeps running whatever the content holds (see dev-content.ts).
          dev = new DevContent(logger, process.cwd());
          dev.load();
          return;
        }
        incremental = command === 'build' ? IncrementalBuild.fromEnvironment(process.cwd()) : undefined;
        indexes = await prepareBuild(logger, incremental);
      },
      'astro:server:setup': ({ server }) => {
        dev?.attach(server);
      },
      'astro:config:done': ({ config }) => {
        origin = renderOrigin(config.site, config.server.port);
      },
      'astro:build:setup': ({ pages: built }) => {
        pages = built;
      },
      'astro:build:generated': ({ dir, logger }) => {
        if (!incremental) return;
        const kept = keepRenderBundle(fileURLToPath(dir), incremental.cacheDir, { key: incremental.renderKey, origin }, pages);
        if (!kept) logger.warn('Astro left no render bundle to keep: the next rebuild starts Astro again.');
      },
      'astro:build:done': async ({ dir, assets, logger }) => {
        const outDir = fileURLToPath(dir);
        const rendered = new Set([...assets.values()].flat().map((url) => relative(outDir, fileURLToPath(url)).split('\\').join('/')));
        await finishBuild(outDir, logger, incremental, indexes, { astroPages: rendered });
      },
    },
  };
}
