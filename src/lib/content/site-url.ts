/** The site's absolute URL from its config file (see `siteConfigPath`), for Astro's `site` option. */
import { existsSync, readFileSync } from 'node:fs';
import { parse } from 'yaml';

export function readSiteUrl(path: string): string | undefined {
  if (!existsSync(path)) return undefined;
  try {
    const url = (parse(readFileSync(path, 'utf8'), { uniqueKeys: false }) as Record<string, unknown> | null)?.['url'];
    return typeof url === 'string' ? url : undefined;
  } catch {
    // A broken config is reported by the content check, with its position.
    return undefined;
  }
}
