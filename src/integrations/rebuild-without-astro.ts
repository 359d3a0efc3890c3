/**
 * A rebuild that renders its pages with the render bundle kept from the last Astro build,
 * instead of starting Astro and Vite (see `render-bundle.ts`): what `npm run build` does after
 * a content change under the same code. Everything else is the same build (`build-steps.ts`).
 */
import { mkdirSync, rmSync } from 'node:fs';
import type { BuildPlan } from '../lib/build/build-plan.ts';
import type { ErrataContext } from '../lib/context.ts';
import { RENDER_CONCURRENCY } from './astro-config.ts';
import { type BuildLogger, finishBuild, type PreparedBuild } from './build-steps.ts';
import type { IncrementalBuild } from './incremental-build.ts';
import { type BundlePage, RenderBundle } from './render-bundle.ts';
import { publishSession } from './session-module.ts';


/**
 * Renders the `prepared` site into the context's `outDir` without Astro, and returns how to put
 * it in place; or returns undefined when this build cannot — a first build, other code, no
 * usable bundle kept, or a bundle that fails to render (then discarded) — and Astro builds
 * instead, into the same `outDir`.
 */
export async function rebuildWithoutAstro(context: ErrataContext, prepared: PreparedBuild, incremental: IncrementalBuild, logger: BuildLogger): Promise<BuildPlan | undefined> {
  const { outDir } = context;
  if (!incremental.canRenderWithoutAstro()) return undefined;
  const bundle = await RenderBundle.load(incremental.cacheDir, incremental.renderKey, logger);
  if (typeof bundle === 'string') {
    logger.info(`Rendering with Astro: ${bundle}.`);
    return undefined;
  }
  publishSession(prepared.session);
  mkdirSync(outDir, { recursive: true });
  const failed = (error: unknown) => {
    bundle.discard();
    return `the kept render bundle failed (${error instanceof Error ? error.message : String(error)}); it is discarded`;
  };
  // The pages the search index reads first, so that Pagefind starts while the rest are rendered.
  let pages: BundlePage[];
  let rendered: number;
  try {
    pages = await bundle.pages();
    rendered = await bundle.render(pages.filter((page) => incremental.isSearched(page.file)), outDir, RENDER_CONCURRENCY);
  } catch (error) {
    // Only pages were written: Astro starts from an empty folder, as it would have.
    rmSync(outDir, { recursive: true, force: true });
    logger.warn(`Rendering with Astro: ${failed(error)}.`);
    return undefined;
  }
  const renderRest = async () => {
    try {
      rendered += await bundle.render(pages.filter((page) => !incremental.isSearched(page.file)), outDir, RENDER_CONCURRENCY);
    } catch (error) {
      // The search index is being made from the pages already rendered: this build stops, the next starts Astro.
      throw new Error(`${failed(error)}: build again, and Astro renders the pages.`);
    }
    logger.info(`${rendered} pages rendered with the kept render bundle, without starting Astro.`);
  };
  const plan = await finishBuild(context, prepared, outDir, logger, incremental, { renderRest });
  if (!plan) throw new Error('An incremental build finished without a plan.');
  return plan;
}

/** Lines like Astro's own: `12:04:31 [errata] …`. */
export function consoleLogger(label: string): BuildLogger {
  const line = (message: string) => `${new Date().toTimeString().slice(0, 8)} [${label}] ${message}`;
  return {
    info: (message) => console.log(line(message)),
    warn: (message) => console.warn(line(message)),
    error: (message) => console.error(line(message)),
  };
}
