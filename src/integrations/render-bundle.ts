/**
 * The pages' render bundle, kept from the last Astro build so that a rebuild after a content
 * change renders its pages without starting Astro. Starting Astro and building the bundle with
 * Vite takes about 2.5 s of every build, whatever the content; the bundle only changes with the
 * code (and the site URL, which Astro's config reads from the content), so a rebuild under the
 * same code can render with the bundle the last Astro build made.
 *
 * Astro makes the bundle in `<outDir>/.prerender/` to render the pages of a static build, and
 * deletes it after. `astro:build:generated` runs in between: the bundle is copied into the
 * build cache then, with the stylesheets of each page, which Astro keeps apart from it.
 *
 * This reaches into Astro's build internals: the bundle's `app` export, the build internals it
 * reads stylesheets from, and the `StaticPaths` class that lists a build's pages. They are
 * those of the Astro version in the lockfile, which is part of the code version; a bundle that
 * does not look as expected is not used, and the rebuild starts Astro as usual. The rebuild
 * tests compare what this renders with full builds of the same content, byte for byte.
 */
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { RouteData } from 'astro';
import type { BuildLogger } from './build-steps.ts';

const FOLDER = 'render-bundle';
const META = 'render-bundle.json';
/** Astro names the entry of the bundle so (see its `static-build.js`). */
const ENTRY_PREFIX = 'prerender-entry';
/** Pages Astro writes as `<name>.html` rather than `<name>/index.html` (its `common.js`). */
const STATUS_PAGES = new Set(['/404', '/500']);

/** What a page's `<head>` gets from Astro's build internals besides the bundle: its stylesheets. */
interface PageStyles {
  readonly styles: unknown[];
}

interface BundleMeta {
  /** The code version and site URL the bundle was made under (see `IncrementalBuild.renderKey`). */
  readonly key: string;
  readonly entry: string;
  /** Astro's `config.site` origin, or its preview origin: what requests for pages are made on. */
  readonly origin: string;
  /** Stylesheets of each page component, by Astro's page key (`route&component`). */
  readonly pages: [string, PageStyles][];
}

/** Astro's render app in the bundle (`BuildApp`), as far as rendering pages takes. */
interface BundleApp {
  readonly manifest: { readonly routes: readonly { readonly routeData: RouteData }[] };
  setInternals(internals: unknown): void;
  setOptions(options: unknown): void;
  render(request: Request, options: { routeData: RouteData }): Promise<Response>;
}

/** A page to render: its path, its route, and its output file. */
export interface BundlePage {
  readonly pathname: string;
  readonly route: RouteData;
  readonly file: string;
}

interface StaticPathsClass {
  new (app: BundleApp): { getAll(): Promise<{ pathname: string; route: RouteData }[]> };
}

/** Where Astro's build left its render bundle. */
export interface BuiltBundle {
  /** The build's output folder, and the project's (Astro's `root`). */
  readonly outDir: string;
  readonly rootDir: string;
}

/**
 * Copies the bundle Astro just rendered the pages of `outDir` with into `cacheDir`, replacing
 * the one kept before. `pages` is the page map of `astro:build:setup`, which Astro's build
 * fills with each page's stylesheets.
 */
export function keepRenderBundle({ outDir, rootDir }: BuiltBundle, cacheDir: string, meta: Omit<BundleMeta, 'entry' | 'pages'>, pages: ReadonlyMap<string, PageStyles>): boolean {
  // Astro builds the bundle outside an output folder that is not within the project's folder.
  const built = [join(outDir, '.prerender'), join(rootDir, '.astro', '.prerender')].find((dir) => existsSync(dir));
  const entry = built && readdirSync(built).find((file) => file.startsWith(ENTRY_PREFIX) && file.endsWith('.mjs'));
  forgetRenderBundle(cacheDir);
  if (!built || !entry) return false;
  mkdirSync(cacheDir, { recursive: true });
  // Copies left by builds killed while copying, this one's to be.
  for (const name of readdirSync(cacheDir)) if (name.startsWith(`${FOLDER}.tmp-`)) rmSync(join(cacheDir, name), { recursive: true, force: true });
  const staging = join(cacheDir, `${FOLDER}.tmp-${process.pid}`);
  cpSync(built, staging, { recursive: true });
  const stored: BundleMeta = { ...meta, entry, pages: [...pages].map(([key, page]) => [key, { styles: page.styles }]) };
  writeFileSync(join(staging, META), JSON.stringify(stored));
  renameSync(staging, join(cacheDir, FOLDER));
  return true;
}

/**
 * Why the render bundle of a build with these integrations (Astro's `config.integrations`, by
 * name) must not stand in for Astro, or undefined when it may: a rebuild without Astro runs no
 * other integration's hooks and none of the scripts they inject.
 * @example bundleRefusal(['errata']) === undefined
 */
export function bundleRefusal(integrations: readonly string[]): string | undefined {
  const others = integrations.filter((name) => name !== 'errata');
  return others.length > 0 ? `the site has other integrations (${others.join(', ')}), whose hooks only Astro runs` : undefined;
}

/** Removes the kept bundle: done whenever Astro built, so a failed copy never leaves a stale one. */
export function forgetRenderBundle(cacheDir: string): void {
  rmSync(join(cacheDir, FOLDER), { recursive: true, force: true });
}

/** Renders pages with a kept bundle. */
export class RenderBundle {
  private readonly app: BundleApp;
  private readonly staticPaths: StaticPathsClass;
  private readonly origin: string;
  private readonly folder: string;

  private constructor(app: BundleApp, staticPaths: StaticPathsClass, origin: string, folder: string) {
    this.app = app;
    this.staticPaths = staticPaths;
    this.origin = origin;
    this.folder = folder;
  }

  /** Forgets the kept bundle: after it failed, the next build renders with Astro and keeps a new one. */
  discard(): void {
    rmSync(this.folder, { recursive: true, force: true });
  }

  /**
   * The bundle kept in `cacheDir` under `key`, ready to render; or why there is none that can
   * be used, in a few words.
   */
  static async load(cacheDir: string, key: string, logger: BuildLogger): Promise<RenderBundle | string> {
    const folder = join(cacheDir, FOLDER);
    if (!existsSync(join(folder, META))) return 'no render bundle kept';
    let meta: BundleMeta;
    try {
      meta = JSON.parse(readFileSync(join(folder, META), 'utf8')) as BundleMeta;
    } catch {
      return 'the kept render bundle is unreadable';
    }
    if (meta.key !== key) return 'the kept render bundle was made under other code or another site URL';
    try {
      const { app } = (await import(pathToFileURL(join(folder, meta.entry)).href)) as { app?: BundleApp };
      // `StaticPaths` is not among Astro's exported paths: it is imported from its file.
      const astroRoot = dirname(createRequire(import.meta.url).resolve('astro/package.json'));
      const { StaticPaths } = (await import(pathToFileURL(join(astroRoot, 'dist/runtime/prerender/static-paths.js')).href)) as {
        StaticPaths?: StaticPathsClass;
      };
      if (!app?.setInternals || !app.setOptions || !app.render || !StaticPaths) return 'the kept render bundle is not one this code can use';
      if (app.manifest.routes.some(({ routeData }) => routeData.prerender && routeData.type !== 'page')) return 'the site has routes other than pages';
      app.setInternals({ pagesByKeys: new Map(meta.pages), entrySpecifierToBundleMap: new Map() });
      app.setOptions({ settings: { scripts: [] }, logger: { options: { destination: appLogDestination(logger) } } });
      return new RenderBundle(app, StaticPaths, meta.origin, folder);
    } catch (error) {
      return `the kept render bundle did not load (${error instanceof Error ? error.message : String(error)})`;
    }
  }

  /**
   * Every page the site's routes list, with its output file (relative, `/`-separated) as
   * Astro's static build writes it. The pages' `getStaticPaths` leave out those a rebuild keeps.
   */
  async pages(): Promise<BundlePage[]> {
    const pages = new Map<string, BundlePage>();
    for (const { pathname: listed, route } of await new this.staticPaths(this.app).getAll()) {
      const pathname = listed === '/' ? '/' : listed.replace(/\/$/, '');
      const file = STATUS_PAGES.has(pathname) ? `${pathname.slice(1)}.html` : `${pathname.slice(1)}${pathname === '/' ? '' : '/'}index.html`;
      // Two routes with the same path: the first, by Astro's route priority, wins (as in Astro's build).
      if (!pages.has(pathname)) pages.set(pathname, { pathname, route, file });
    }
    return [...pages.values()];
  }

  /** Renders `pages` into `outDir`, `concurrency` at a time; returns how many were written. */
  async render(pages: readonly BundlePage[], outDir: string, concurrency: number): Promise<number> {
    const queue = [...pages];
    let written = 0;
    const worker = async () => {
      for (let page = queue.shift(); page; page = queue.shift()) if (await this.renderPage(page, outDir)) written++;
    };
    await Promise.all(Array.from({ length: concurrency }, worker));
    return written;
  }

  private async renderPage({ pathname, route, file }: BundlePage, outDir: string): Promise<boolean> {
    const url = new URL(pathname === '/' ? '/' : `${pathname}/`, this.origin);
    const response = await this.app.render(new Request(url), { routeData: route });
    if (response.status >= 300 && response.status < 400) throw new Error(`${pathname} answered with a redirect, which a static errata page never does.`);
    if (!response.body) return false;
    const target = join(outDir, file);
    mkdirSync(dirname(target), { recursive: true });
    writeFileSync(target, Buffer.from(await response.arrayBuffer()));
    return true;
  }
}

/** Where Astro's render app writes its warnings (a page reading request headers, for one). */
function appLogDestination(logger: BuildLogger) {
  return {
    write(event: { level?: string; message?: string }) {
      const message = event.message ?? '';
      if (event.level === 'error') logger.error(message);
      else if (event.level === 'warn') logger.warn(message);
      return true;
    },
  };
}

/** The origin Astro renders a static build's pages on. */
export function renderOrigin(site: string | undefined, port: number): string {
  return site ? new URL(site).origin : `http://localhost:${port}`;
}
