/**
 * A fingerprint of everything besides the content that decides what a build writes: the
 * project's source, public files, configuration and locked dependencies. Cached build results
 * are only reused under the same code version.
 */
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { listFiles } from './list-files.ts';

const CODE_FOLDERS = ['src', 'public', 'scripts'];
const CODE_FILES = ['astro.config.mjs', 'package.json', 'package-lock.json', 'tsconfig.json'];

export function codeVersion(projectRoot: string): string {
  const hash = createHash('sha256');
  const files = [
    ...CODE_FOLDERS.flatMap((folder) => listFiles(join(projectRoot, folder)).map((file) => `${folder}/${file}`)),
    ...CODE_FILES.filter((file) => existsSync(join(projectRoot, file))),
  ].sort();
  for (const file of files) {
    hash.update(file).update('\0').update(readFileSync(join(projectRoot, file))).update('\0');
  }
  hash.update(process.version);
  return hash.digest('hex');
}
