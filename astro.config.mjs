// @ts-check
// The config Astro's own commands and editor tools read. `npm run build` and `npm run dev` give
// Astro the same config inline (see src/integrations/astro-config.ts).
import { astroConfig } from './src/integrations/astro-config.ts';
import { contextFromEnvironment } from './src/lib/context.ts';

export default astroConfig(contextFromEnvironment(process.env, process.cwd()));
