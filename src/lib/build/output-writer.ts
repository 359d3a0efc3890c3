/**
 * Writes the files of a build that are made outside Astro (search indexes, redirect pages,
 * sitemaps…) into the staging folder, and keeps the new manifest. On a rebuild, a file whose
 * bytes equal the previous output's is not written at all: it is already in place.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { BuildManifest, FileGroup } from './build-manifest.ts';
import { type FileSink, WRITE_NOW } from './file-sink.ts';
import { fingerprint } from './fingerprint.ts';

/** The output a rebuild builds upon, and what it was made from. */
export interface PreviousOutput {
  readonly dir: string;
  readonly manifest: BuildManifest;
}

export class OutputWriter {
  /** Stamp of every file of the new output. */
  readonly files = new Map<string, string>();
  readonly stagingDir: string;
  /** The groups of files of the new output (see `group`). */
  readonly groups = new Map<string, FileGroup>();
  private readonly previous: PreviousOutput | undefined;
  private readonly sink: FileSink;
  /** The files of the group being made. */
  private grouped: string[] | undefined;
  written = 0;

  /** `sink`: where the bytes go; the files are whole only once `flush` has settled. */
  constructor(stagingDir: string, previous: PreviousOutput | undefined, sink: FileSink = WRITE_NOW) {
    this.stagingDir = stagingDir;
    this.previous = previous;
    this.sink = sink;
  }

  /** Writes `file` (relative, `/`-separated) unless the previous output has the same bytes; returns its stamp. */
  write(sitePath: string, content: string | Uint8Array): string {
    const file = sitePath.replace(/^\/+/, '');
    const stamp = fingerprint(content);
    this.record(file, stamp);
    // Still there, too: a file deleted from the output by hand is written again.
    if (this.previous?.manifest.files.get(file) === stamp && existsSync(join(this.previous.dir, file))) return stamp;
    this.sink.write(join(this.stagingDir, file), content);
    this.written++;
    return stamp;
  }

  /** Settles once every file written so far is on disk. */
  flush(): Promise<void> {
    return this.sink.flush();
  }

  /** The stamp of a file already in the staging folder: a hash of its bytes. */
  stampOf(file: string): string {
    return fingerprint(readFileSync(join(this.stagingDir, file)));
  }

  /** Records a file that is already where it belongs: staged by Astro, or kept from the previous output. */
  record(file: string, stamp: string): void {
    this.files.set(file, stamp);
    this.grouped?.push(file);
  }

  /**
   * Makes a group of files with `make`, which writes them and says what it did; or, when the
   * previous output's group was made from the same `inputs` and its files are all still there,
   * keeps those without making anything. `inputs` undefined, or `reuse` false: always made.
   */
  group(name: string, inputs: string | undefined, make: () => string, { reuse = true } = {}): string {
    const manifest = this.previous?.manifest;
    const previous = manifest?.groups.get(name);
    if (reuse && inputs !== undefined && previous?.inputs === inputs && this.stillThere(previous.files)) {
      for (const file of previous.files) this.record(file, manifest?.files.get(file) ?? '');
      this.groups.set(name, previous);
      return previous.message;
    }
    const files: string[] = [];
    this.grouped = files;
    try {
      const message = make();
      this.groups.set(name, { inputs: inputs ?? '', files, message });
      return message;
    } finally {
      this.grouped = undefined;
    }
  }

  /**
   * Whether every one of `files` is in the previous output, by its manifest and on disk: what
   * keeping files made by an earlier build takes (one may have been deleted by hand since).
   */
  stillThere(files: Iterable<string>): boolean {
    return stillThere(this.previous, files);
  }

  /** Files of the previous output that the new one does not have. */
  deletedFiles(): string[] {
    return this.previous ? [...this.previous.manifest.files.keys()].filter((file) => !this.files.has(file)) : [];
  }
}

/** Whether every one of `files` is in the `previous` output, by its manifest and on disk. */
export function stillThere(previous: PreviousOutput | undefined, files: Iterable<string>): boolean {
  if (!previous) return false;
  for (const file of files) if (!previous.manifest.files.has(file) || !existsSync(join(previous.dir, file))) return false;
  return true;
}
