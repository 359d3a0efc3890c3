/** Where build caches live: one folder per output folder and content folder. */
import { join } from 'node:path';
import { fingerprint } from './fingerprint.ts';

export function cacheFolder(projectRoot: string, outputDir: string, contentDir: string): string {
  return join(projectRoot, 'node_modules', '.cache', 'errata', fingerprint(outputDir, contentDir).slice(0, 16));
}
