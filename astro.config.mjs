// @ts-check
import { defineConfig } from 'astro/config';
import errata from './src/integrations/errata.ts';
import { readSiteUrl } from './src/lib/content/site-url.ts';

const site = readSiteUrl();

export default defineConfig({
  ...(site ? { site } : {}),
  // Tests build fixture trees into their own folder; everyone else gets dist/.
  outDir: process.env.ERRATA_OUT_DIR ?? './dist',
  trailingSlash: 'always',
  // No inline <script> or <style>: a Content-Security-Policy without 'unsafe-inline' must
  // be able to allow the site. Astro inlines scripts below Vite's assetsInlineLimit otherwise.
  build: { format: 'directory', inlineStylesheets: 'never', concurrency: 4 },
  vite: { build: { assetsInlineLimit: 0 } },
  devToolbar: { enabled: false },
  integrations: [errata()],
});
