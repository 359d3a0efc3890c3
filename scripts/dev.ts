/**
 * `npm run dev -- [--config file]`: Astro's dev server over content/ on http://localhost:4321
 * (PORT and HOST override). Saving a file of the tree or its config updates the open pages;
 * problems are printed here and shown on every page (see src/integrations/dev-content.ts).
 */
import { takeConfigFlag } from './config-flag.ts';

takeConfigFlag('dev');
process.env['ASTRO_TELEMETRY_DISABLED'] ??= '1';

const { dev } = await import('astro');
await dev({ root: process.cwd(), server: { port: Number(process.env['PORT'] ?? 4321), host: process.env['HOST'] ?? 'localhost' }, devToolbar: { enabled: false } });
