/**
 * A `FileSink` that writes in a thread of its own. Creating a file costs this machine's kernel
 * most of a millisecond, in a folder of its own twice that: the 8,000 redirect pages of a
 * 1,000-entry catalog took 7 s of a build's thread. Written from another thread while Astro
 * renders in this one, they use the core that rendering leaves idle. One thread, writing one
 * file after another, because creating files in parallel made each creation slower still.
 */
import { Worker } from 'node:worker_threads';
import type { FileSink } from './file-sink.ts';
import type { WriterMessage, WriterReply } from './background-writes-worker.ts';

const WORKER = new URL('./background-writes-worker.ts', import.meta.url);
/** Files handed to the thread in one message: fewer messages, and the thread starts early. */
const BATCH = 200;

export class BackgroundWrites implements FileSink {
  private readonly worker = new Worker(WORKER);
  private batch: [string, string | Uint8Array][] = [];
  private failure: Error | undefined;
  private flushed: Promise<void> | undefined;

  constructor() {
    this.worker.on('message', (reply: WriterReply) => {
      if (reply.type === 'failed') this.failure ??= new Error(reply.message);
    });
    this.worker.on('error', (error) => (this.failure ??= error));
    // A build that fails before `flush` must not wait for this thread to exit.
    this.worker.unref();
  }

  write(path: string, content: string | Uint8Array): void {
    if (this.flushed) throw new Error('Files were given to a background writer after its flush.');
    this.batch.push([path, content]);
    if (this.batch.length >= BATCH) this.send();
  }

  /** Waits for every file to be written, then stops the thread. */
  flush(): Promise<void> {
    this.flushed ??= new Promise<void>((resolve, reject) => {
      let settled = false;
      const settle = () => {
        if (settled) return;
        settled = true;
        void this.worker.terminate();
        if (this.failure) reject(this.failure);
        else resolve();
      };
      this.worker.on('message', (reply: WriterReply) => {
        if (reply.type === 'flushed') settle();
      });
      // A thread that died answers nothing: its error is the failure.
      this.worker.once('exit', settle);
      this.send();
      this.worker.ref();
      this.worker.postMessage({ type: 'flush' } satisfies WriterMessage);
    });
    return this.flushed;
  }

  private send(): void {
    if (this.batch.length === 0) return;
    this.worker.postMessage({ type: 'write', files: this.batch } satisfies WriterMessage);
    this.batch = [];
  }
}
