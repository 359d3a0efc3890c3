/**
 * Where build caches live: one folder per output folder and content folder, under
 * node_modules/.cache/errata/. Each folder records the two folders it is for, so that a cache
 * whose content folder is gone (a renamed tree, a test's temporary one) can be removed: nothing
 * will ever build from it again, and a large catalog's cache takes hundreds of megabytes.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fingerprint } from './fingerprint.ts';

const OWNER_FILE = 'folders.json';
/** Cache folders are named by a fingerprint; other names there (Node's compile cache) are not ours. */
const CACHE_NAME = /^[0-9a-f]{16}$/;

interface Owner {
  readonly outputDir: string;
  readonly contentDir: string;
}

export function cacheRoot(projectRoot: string): string {
  return join(projectRoot, 'node_modules', '.cache', 'errata');
}

export function cacheFolder(projectRoot: string, outputDir: string, contentDir: string): string {
  return join(cacheRoot(projectRoot), fingerprint(outputDir, contentDir).slice(0, 16));
}

/** The cache folder of a build, made if need be, with the folders it is for recorded in it. */
export function claimCacheFolder(projectRoot: string, outputDir: string, contentDir: string): string {
  const folder = cacheFolder(projectRoot, outputDir, contentDir);
  mkdirSync(folder, { recursive: true });
  const owner: Owner = { outputDir: resolve(outputDir), contentDir: resolve(contentDir) };
  writeFileSync(join(folder, OWNER_FILE), `${JSON.stringify(owner)}\n`);
  return folder;
}

/**
 * Cache folders whose content folder no longer exists. A folder that records no owner (made
 * before caches recorded one) is left alone: it may be a build's that is starting right now.
 */
export function abandonedCacheFolders(projectRoot: string): string[] {
  const root = cacheRoot(projectRoot);
  if (!existsSync(root)) return [];
  return readdirSync(root)
    .filter((name) => CACHE_NAME.test(name))
    .map((name) => join(root, name))
    .filter((folder) => {
      const owner = readOwner(folder);
      return owner !== undefined && !existsSync(owner.contentDir);
    });
}

function readOwner(folder: string): Owner | undefined {
  try {
    const owner = JSON.parse(readFileSync(join(folder, OWNER_FILE), 'utf8')) as Partial<Owner>;
    return typeof owner.contentDir === 'string' && typeof owner.outputDir === 'string' ? (owner as Owner) : undefined;
  } catch {
    return undefined;
  }
}
