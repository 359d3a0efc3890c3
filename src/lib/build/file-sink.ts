/**
 * Where an `OutputWriter` puts a file's bytes: at once, in this thread, or in a thread of its
 * own (`BackgroundWrites`), so that a build writes thousands of small files while it renders.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';

export interface FileSink {
  /** Writes `content` to `path` (absolute), making its folder; may return before it is written. */
  write(path: string, content: string | Uint8Array): void;
  /** Settles once every file given so far is written; rejects with the first failure. */
  flush(): Promise<void>;
}

/** Writes each file before `write` returns. */
export const WRITE_NOW: FileSink = {
  write(path, content) {
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, content);
  },
  flush: () => Promise.resolve(),
};
