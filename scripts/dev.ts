/**
 * `npm run dev -- [--config file]`: Astro's dev server over content/ on http://localhost:4321
 * (PORT and HOST override). Saving a file of the tree or its config updates the open pages;
 * problems are printed here and shown on every page (see src/integrations/dev-content.ts).
 */
import { astroConfig } from '../src/integrations/astro-config.ts';
import { contextWithConfigFlag } from './config-flag.ts';

const context = contextWithConfigFlag('dev');
process.env['ASTRO_TELEMETRY_DISABLED'] ??= '1';

const { dev } = await import('astro');
await dev({
  ...astroConfig(context),
  configFile: false,
  server: { port: Number(process.env['PORT'] ?? 4321), host: process.env['HOST'] ?? 'localhost' },
});
