/** Builds a content tree once and serves the result on 127.0.0.1, as a host would. */
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { startStaticServer, type StaticServer } from '../../src/server/static-server.ts';
import { buildSite, type BuildOptions, makeWorkDir } from './build-site.ts';

export interface ServedSite {
  readonly url: string;
  readonly outDir: string;
  close(): Promise<void>;
}

export async function buildAndServe(contentDir: string, options: BuildOptions = {}): Promise<ServedSite> {
  const work = makeWorkDir('site-');
  const build = buildSite(contentDir, join(work, 'dist'), options);
  if (build.status !== 0) throw new Error(`The build failed:\n${build.output}`);
  let server: StaticServer;
  try {
    server = await startStaticServer({ root: build.outDir, host: '127.0.0.1', port: 0 });
  } catch (error) {
    rmSync(work, { recursive: true, force: true });
    throw error;
  }
  return {
    url: server.url,
    outDir: build.outDir,
    close: async () => {
      await server.close();
      rmSync(work, { recursive: true, force: true });
    },
  };
}
