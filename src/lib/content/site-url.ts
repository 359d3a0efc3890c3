/** The site's absolute URL from its config (see `content-dir.ts`), for Astro's `site` option. */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { configFile, contentDir } from './content-dir.ts';

export function readSiteUrl(path = configFile() ?? join(contentDir(), '_config.yml')): string | undefined {
  if (!existsSync(path)) return undefined;
  try {
    const url = (parse(readFileSync(path, 'utf8'), { uniqueKeys: false }) as Record<string, unknown> | null)?.['url'];
    return typeof url === 'string' ? url : undefined;
  } catch {
    // A broken config is reported by the content check, with its position.
    return undefined;
  }
}
