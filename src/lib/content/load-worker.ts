/**
 * The worker thread of `load-pages.ts`: loads its share of the files and posts the results.
 * It signals the waiting thread however it ends, even when a module fails to load: that
 * thread is blocked and could not hear about an error otherwise.
 */
import type { MessagePort } from 'node:worker_threads';
import { workerData } from 'node:worker_threads';
import type { WorkerInput } from './load-pages.ts';

const { input, port, done } = workerData as { input: WorkerInput; port: MessagePort; done: Int32Array };
try {
  const [{ DiagnosticSink }, { loadJob }, { createPageLoader }] = await Promise.all([import('../validation/diagnostic.ts'), import('./load-pages.ts'), import('./load-page.ts')]);
  // The sources' own problems are reported by the main thread, which reads them too.
  const loader = createPageLoader(input.contentDir, input.rootDir, new DiagnosticSink(), input.configFile);
  port.postMessage(input.jobs.map((job) => loadJob(loader, job)));
} catch {
  // Nothing posted: the main thread loads this share itself.
} finally {
  Atomics.store(done, 0, 1);
  Atomics.notify(done, 0);
}
