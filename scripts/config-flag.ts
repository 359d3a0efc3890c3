/**
 * `--config FILE`, the one option of `npm run build` and `npm run dev`: the site's config, when
 * it is not content/_config.yml. It is handed on as ERRATA_CONFIG (see content-dir.ts), which
 * the build's and the dev server's modules read. Bad usage exits with status 2.
 */
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';

export function takeConfigFlag(command: string): void {
  try {
    const { values } = parseArgs({ options: { config: { type: 'string' } } });
    if (values.config) process.env['ERRATA_CONFIG'] = resolve(values.config);
  } catch (error) {
    console.error(`${(error as Error).message}\nUsage: npm run ${command} -- [--config file]`);
    process.exit(2);
  }
}
