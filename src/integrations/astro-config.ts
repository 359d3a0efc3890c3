/**
 * Astro's config for an errata site working in `context`: `astro.config.mjs` uses it for
 * Astro's own commands, and `npm run build` and `npm run dev` hand it to Astro inline.
 */
import type { AstroInlineConfig } from 'astro';
import { type ErrataContext, siteConfigPath } from '../lib/context.ts';
import { readSiteUrl } from '../lib/content/site-url.ts';
import errata, { type StartedBuild } from './errata.ts';

/** How many pages Astro renders at once; a rebuild without Astro renders as many. */
export const RENDER_CONCURRENCY = 4;

export function astroConfig(context: ErrataContext, started?: StartedBuild): AstroInlineConfig {
  const site = readSiteUrl(siteConfigPath(context));
  return {
    root: context.rootDir,
    ...(site ? { site } : {}),
    outDir: context.outDir,
    trailingSlash: 'always',
    // No inline <script> or <style>: a Content-Security-Policy without 'unsafe-inline' must
    // be able to allow the site. Astro inlines scripts below Vite's assetsInlineLimit otherwise.
    build: { format: 'directory', inlineStylesheets: 'never', concurrency: RENDER_CONCURRENCY },
    vite: { build: { assetsInlineLimit: 0 } },
    devToolbar: { enabled: false },
    integrations: [errata({ context, started })],
  };
}
