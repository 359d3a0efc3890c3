/** The thread of a `BackgroundWrites`: writes the files it is given, in order, and says when it is done. */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { parentPort } from 'node:worker_threads';

export type WriterMessage = { type: 'write'; files: [string, string | Uint8Array][] } | { type: 'flush' };
export type WriterReply = { type: 'failed'; message: string } | { type: 'flushed' };

/** Folders made already: most files share theirs with others, or with a page's. */
const made = new Set<string>();
let failed = false;

parentPort?.on('message', (message: WriterMessage) => {
  if (message.type === 'flush') {
    parentPort?.postMessage({ type: 'flushed' } satisfies WriterReply);
    return;
  }
  // After a failure the build fails: writing on would only leave more to remove.
  if (failed) return;
  try {
    for (const [path, content] of message.files) {
      const folder = dirname(path);
      if (!made.has(folder)) {
        mkdirSync(folder, { recursive: true });
        made.add(folder);
      }
      writeFileSync(path, content);
    }
  } catch (error) {
    failed = true;
    parentPort?.postMessage({ type: 'failed', message: error instanceof Error ? error.message : String(error) } satisfies WriterReply);
  }
});
