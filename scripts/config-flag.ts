/**
 * `--config FILE`, the one option of `npm run build` and `npm run dev`: the site's config, when
 * it is not content/_config.yml. Returns the command's context (see src/lib/context.ts). Bad
 * usage exits with status 2.
 */
import { parseArgs } from 'node:util';
import { contextFromEnvironment, type ErrataContext } from '../src/lib/context.ts';

export function contextWithConfigFlag(command: string): ErrataContext {
  try {
    const { values } = parseArgs({ options: { config: { type: 'string' } } });
    return contextFromEnvironment(process.env, process.cwd(), { configFile: values.config });
  } catch (error) {
    console.error(`${(error as Error).message}\nUsage: npm run ${command} -- [--config file]`);
    process.exit(2);
  }
}
