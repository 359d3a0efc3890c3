/** The site's absolute URL from `content/_config.yml`, for Astro's `site` option. */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { contentDir as defaultContentDir } from './content-dir.ts';
import { parse } from 'yaml';

export function readSiteUrl(contentDir = defaultContentDir()): string | undefined {
  const path = join(contentDir, '_config.yml');
  if (!existsSync(path)) return undefined;
  try {
    const url = (parse(readFileSync(path, 'utf8')) as Record<string, unknown> | null)?.['url'];
    return typeof url === 'string' ? url : undefined;
  } catch {
    // A broken _config.yml is reported by the content check, with its position.
    return undefined;
  }
}
