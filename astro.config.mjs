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
  build: { format: 'directory' },
  devToolbar: { enabled: false },
  integrations: [errata()],
});
