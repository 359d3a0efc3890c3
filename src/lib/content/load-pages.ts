/**
 * Loads the pages that are not in the cache: parsing Markdown is most of a cold build's
 * checking time, and it is independent per file, so a large batch is shared with a worker
 * thread (`load-worker.ts`) while this thread loads its own half. Synchronous to its callers:
 * this thread waits for the worker with `Atomics.wait`.
 */
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { MessageChannel, receiveMessageOnPort, Worker } from 'node:worker_threads';
import { type Diagnostic, DiagnosticSink } from '../validation/diagnostic.ts';
import { type LoadedPage, storePage } from './page-cache.ts';
import type { SiteSources } from './site-sources.ts';

/** What loading one file needs: the site's sources and what is built from them once. */
export interface PageLoader {
  readonly sources: SiteSources;
  /** Loads one file, reporting its problems to `sink`; undefined when it is not a page. */
  load(file: string, contentPath: string, source: string, sink: DiagnosticSink): LoadedPage | undefined;
}

export interface LoadJob {
  readonly contentPath: string;
  /** The path messages show. */
  readonly file: string;
  readonly source: string;
}

export interface LoadResult {
  /** The page as `storePage` writes it; undefined when the file is not a page. */
  readonly stored: string | undefined;
  readonly diagnostics: readonly Diagnostic[];
  /** True when the worker thread loaded it. */
  readonly byWorker?: boolean;
}

/** What a worker needs to build its own `PageLoader`. */
export interface WorkerInput {
  readonly contentDir: string;
  readonly rootDir: string;
  readonly configFile?: string | undefined;
  readonly jobs: readonly LoadJob[];
}

/** Below this many files, starting a worker costs more than it saves. */
const PARALLEL_FROM = 300;
const WORKER = fileURLToPath(new URL('./load-worker.ts', import.meta.url));
const WORKER_TIME_LIMIT_MS = 30 * 60 * 1000;

export function loadJob(loader: PageLoader, job: LoadJob): LoadResult {
  const sink = new DiagnosticSink();
  sink.levels = loader.sources.settings.levels;
  const loaded = loader.load(job.file, job.contentPath, job.source, sink);
  return { stored: loaded ? storePage(loaded) : undefined, diagnostics: sink.diagnostics };
}

/** Each job's result, by content path. */
export function loadPages(loader: PageLoader, folders: Omit<WorkerInput, 'jobs'>, jobs: readonly LoadJob[]): Map<string, LoadResult> {
  const results = new Map<string, LoadResult>();
  // The worker takes a little less than half: it starts later, loading its modules.
  const split = jobs.length >= PARALLEL_FROM && existsSync(WORKER) ? Math.floor(jobs.length * 0.45) : 0;
  const worker = split > 0 ? startWorker({ ...folders, jobs: jobs.slice(0, split) }) : undefined;
  for (const job of jobs.slice(split)) results.set(job.contentPath, loadJob(loader, job));
  if (worker) {
    const fromWorker = worker.wait();
    jobs.slice(0, split).forEach((job, index) => {
      // A worker that failed leaves its share to this thread.
      const result = fromWorker?.[index];
      results.set(job.contentPath, result ? { ...result, byWorker: true } : loadJob(loader, job));
    });
  }
  return results;
}

function startWorker(input: WorkerInput): { wait(): readonly LoadResult[] | undefined } {
  const done = new Int32Array(new SharedArrayBuffer(4));
  const { port1, port2 } = new MessageChannel();
  const worker = new Worker(WORKER, { workerData: { input, port: port2, done }, transferList: [port2] });
  worker.unref();
  return {
    wait() {
      // The worker signals however it ends (see load-worker.ts); the time limit is a last resort.
      Atomics.wait(done, 0, 0, WORKER_TIME_LIMIT_MS);
      const message = receiveMessageOnPort(port1)?.message as readonly LoadResult[] | undefined;
      port1.close();
      void worker.terminate();
      return message;
    },
  };
}
