/**
 * `npm run dev` as a writer starts it, over a copy of a content tree, on 127.0.0.1 and a free
 * port: what the browser tests and the dev benchmark edit and watch.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { cpSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { stripVTControlCharacters } from 'node:util';
import { PROJECT_ROOT } from './build-site.ts';

export interface DevServer {
  readonly url: string;
  /** The server's process. */
  readonly pid: number;
  /** Milliseconds from starting the process to its first answer (the tree's copy not counted). */
  readonly startMs: number;
  /** The copy of the tree the server watches. */
  readonly contentDir: string;
  /** Everything the server printed so far. */
  output(): string;
  close(): Promise<void>;
}

/**
 * The environment a writer's shell has: without what Vitest sets, which tells Astro it runs
 * under a test and so not to serve pages.
 */
function writerEnvironment(): NodeJS.ProcessEnv {
  return Object.fromEntries(Object.entries(process.env).filter(([name]) => !name.startsWith('VITEST') && name !== 'NODE_ENV' && name !== 'TEST'));
}

/** A port nothing listens on now. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
    });
  });
}

/** Starts the dev server over a copy of `source` (a content folder) made in `workDir`. */
export async function startDevServer(source: string, workDir: string, options: { timeoutMs?: number } = {}): Promise<DevServer> {
  const contentDir = join(workDir, 'content');
  cpSync(source, contentDir, { recursive: true });
  const port = await freePort();
  const started = performance.now();
  const child: ChildProcess = spawn(process.execPath, [join(PROJECT_ROOT, 'scripts/dev.ts')], {
    cwd: PROJECT_ROOT,
    env: { ...writerEnvironment(), ERRATA_CONTENT_DIR: contentDir, PORT: String(port), HOST: '127.0.0.1', ASTRO_TELEMETRY_DISABLED: '1' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const url = `http://127.0.0.1:${port}`;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const close = async () => {
    if (child.exitCode === null) child.kill('SIGTERM');
    await exited;
  };
  const deadline = Date.now() + (options.timeoutMs ?? 120_000);
  for (;;) {
    if (child.exitCode !== null) throw new Error(`npm run dev stopped:\n${stripVTControlCharacters(output)}`);
    try {
      if ((await fetch(`${url}/`)).ok) break;
    } catch {
      // Not listening yet.
    }
    if (Date.now() > deadline) {
      await close();
      throw new Error(`npm run dev did not answer on ${url}:\n${stripVTControlCharacters(output)}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  return { url, pid: child.pid ?? 0, startMs: performance.now() - started, contentDir, output: () => stripVTControlCharacters(output), close };
}
