/**
 * The Astro integration that makes a build an errata build: the content check runs before
 * anything is rendered, and the search indexes, redirects and sitemap are written after (see
 * `build-steps.ts`). It works in the `ErrataContext` it is given; the pages read what it loaded
 * from `virtual:errata/session` (see `session-module.ts`). Under `npm run build` the build is
 * incremental (see `incremental-build.ts`), and the pages' render bundle is kept for rebuilds
 * that need not start Astro (`render-bundle.ts`); the build's plan goes to `onBuilt`.
 */
import { relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import type { BuildPlan } from '../lib/build/build-plan.ts';
import type { ErrataContext } from '../lib/context.ts';
import { finishBuild, prepareBuild, type PreparedBuild, type SiteFiles, startSiteFiles } from './build-steps.ts';
import { DevContent } from './dev-content.ts';
import type { IncrementalBuild } from './incremental-build.ts';
import { bundleRefusal, forgetRenderBundle, keepRenderBundle, renderOrigin } from './render-bundle.ts';
import { publishSession, sessionModule } from './session-module.ts';

/**
 * A build `npm run build` started: the site it loaded and checked before starting Astro, its
 * incremental build, and what receives the plan once everything is written.
 */
export interface StartedBuild {
  readonly prepared: PreparedBuild;
  readonly incremental: IncrementalBuild;
  readonly onBuilt: (plan: BuildPlan) => void;
}

export interface ErrataOptions {
  readonly context: ErrataContext;
  /** Under `npm run build`; without it (Astro's own `astro build`), the build is a full one. */
  readonly started?: StartedBuild | undefined;
}

export default function errata({ context, started }: ErrataOptions): AstroIntegration {
  let prepared = started?.prepared;
  const incremental = started?.incremental;
  let origin = '';
  /** Why this build's render bundle must not be kept, if it must not. */
  let refusal: string | undefined;
  let dev: DevContent | undefined;
  /** Astro's page map, which its build fills with each page's stylesheets. */
  let pages: ReadonlyMap<string, { styles: unknown[] }> = new Map();
  let outDir = '';
  /** Written while Astro renders (see `startSiteFiles`). */
  let siteFiles: SiteFiles | undefined;
  return {
    name: 'errata',
    hooks: {
      'astro:config:setup': async ({ logger, command, updateConfig }) => {
        updateConfig({ vite: { plugins: [sessionModule()] } });
        if (command === 'dev') {
          // The dev server keeps running whatever the content holds (see dev-content.ts).
          dev = new DevContent(context, logger);
          dev.load();
          return;
        }
        prepared ??= await prepareBuild(context, logger, undefined);
        publishSession(prepared.session);
      },
      'astro:server:setup': ({ server }) => {
        dev?.attach(server);
      },
      'astro:config:done': ({ config }) => {
        outDir = fileURLToPath(config.outDir);
        origin = renderOrigin(config.site, config.server.port);
        refusal = bundleRefusal(config.integrations.map((integration) => integration.name));
      },
      'astro:build:setup': ({ pages: built }) => {
        pages = built;
        // Astro has emptied the output folder by now, and is about to render into it.
        if (prepared) siteFiles ??= startSiteFiles(prepared, outDir, incremental);
      },
      'astro:build:generated': ({ dir, logger }) => {
        if (!incremental) return;
        if (refusal) {
          forgetRenderBundle(incremental.cacheDir);
          logger.info(`No render bundle kept: ${refusal}; every rebuild starts Astro.`);
          return;
        }
        const kept = keepRenderBundle({ outDir: fileURLToPath(dir), rootDir: context.rootDir }, incremental.cacheDir, { key: incremental.renderKey, origin }, pages);
        if (!kept) logger.warn('Astro left no render bundle to keep: the next rebuild starts Astro again.');
      },
      'astro:build:done': async ({ dir, assets, logger }) => {
        if (!prepared) throw new Error('The errata integration did not load the site before the build.');
        const built = fileURLToPath(dir);
        const rendered = new Set([...assets.values()].flat().map((url) => relative(built, fileURLToPath(url)).split('\\').join('/')));
        const plan = await finishBuild(context, prepared, built, logger, incremental, { astroPages: rendered }, siteFiles);
        if (plan) started?.onBuilt(plan);
      },
    },
  };
}
