/**
 * Where the content tree is: `content/` in the working directory, unless `ERRATA_CONTENT_DIR`
 * names another folder (the tests build fixture trees this way, with the same config).
 */
import { join, resolve } from 'node:path';

export function contentDir(): string {
  return resolve(process.env['ERRATA_CONTENT_DIR'] ?? join(process.cwd(), 'content'));
}
