/**
 * What an output folder was made from. Each `npm run build` records, for every file it wrote,
 * a stamp: for an entry page the fingerprint of its inputs, for any other file a hash of its
 * bytes. The next build leaves in place every file whose stamp is unchanged, writes only the
 * rest and deletes what is gone (see `output-writer.ts` and `atomic-output.ts`).
 * Nothing is reused across code versions or from an output folder replaced since.
 */
import { existsSync, mkdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { deserialize, serialize } from 'node:v8';
import { writeFileAtomic } from './write-atomic.ts';

/** One part of a language's Pagefind index (see `search/index-parts.ts`), as a rebuild can keep it. */
export interface SearchIndexPart {
  /** The fingerprint of the pages the part was built from. */
  readonly fingerprint: string;
  /** Its files, relative to the output folder, with their stamps. */
  readonly files: ReadonlyMap<string, string>;
  /** Its value in `pagefind-entry.json`'s `languages`. */
  readonly entry: unknown;
}

/** Files a build made from one set of inputs, as a rebuild can keep them. */
export interface FileGroup {
  /** A hash of what the files were made from. */
  readonly inputs: string;
  /** Its files, relative to the output folder (their stamps are among the manifest's files). */
  readonly files: readonly string[];
  /** What making them reported. */
  readonly message: string;
}

export interface BuildManifest {
  /** A new id for every build. */
  readonly buildId: string;
  readonly codeVersion: string;
  /** Every file of the output (relative path, `/`-separated) and its stamp. */
  readonly files: ReadonlyMap<string, string>;
  /** Each part of each language's Pagefind index, by its key (`en/0`). */
  readonly searchParts: ReadonlyMap<string, SearchIndexPart>;
  /** The fields of `pagefind-entry.json` that every language shares (version, characters). */
  readonly searchEntry: Readonly<Record<string, unknown>> | undefined;
  /** Groups of files made from one set of inputs (redirect pages, signature indexes), by name. */
  readonly groups: ReadonlyMap<string, FileGroup>;
}

interface StoredManifest extends BuildManifest {
  /** The output folder's inode: the manifest describes that folder only. */
  readonly outputInode: number;
}

const FILE = 'build-manifest.v8';

/** The manifest of `outputDir`, when the one in `cacheDir` still describes it under this code. */
export function readManifest(cacheDir: string, outputDir: string, codeVersion: string): BuildManifest | undefined {
  const file = join(cacheDir, FILE);
  if (!existsSync(file) || !existsSync(outputDir)) return undefined;
  try {
    const manifest = deserialize(readFileSync(file)) as StoredManifest;
    if (manifest.codeVersion !== codeVersion || manifest.outputInode !== statSync(outputDir).ino) return undefined;
    return manifest;
  } catch {
    // An unreadable manifest only means a full build.
    return undefined;
  }
}

/** Forgets the manifest: done before the output changes, so a crash cannot leave a wrong one. */
export function discardManifest(cacheDir: string): void {
  rmSync(join(cacheDir, FILE), { force: true });
}

export function saveManifest(cacheDir: string, outputDir: string, manifest: BuildManifest): void {
  mkdirSync(cacheDir, { recursive: true });
  const file = join(cacheDir, FILE);
  const stored: StoredManifest = { ...manifest, outputInode: statSync(outputDir).ino };
  writeFileAtomic(file, serialize(stored));
}
