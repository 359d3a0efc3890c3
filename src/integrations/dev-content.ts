/**
 * The content side of `npm run dev` (Astro's dev server): the tree is loaded and checked when
 * the server starts, and again whenever a file of the tree or its config is added, changed or
 * removed. Problems never stop the server: they are printed as `npm run check` prints them and
 * shown on every page (see `DevProblems.astro`) until they are fixed. Only changed files are
 * parsed again — the loaded pages are kept as a build keeps them, on disk, so a server started
 * again over a large tree reads them instead of parsing every file — and the pages are told the
 * Astro way:
 * `astro:content-changed` clears the route cache of the server's environments (so every route
 * is worked out from the new content), and the browser reloads.
 */
import { join, sep } from 'node:path';
import { Worker } from 'node:worker_threads';
import { claimCacheFolder } from '../lib/build/cache-folder.ts';
import { CacheStore } from '../lib/build/cache-store.ts';
import { codeVersion } from '../lib/build/code-version.ts';
import { ValueFile } from '../lib/build/value-file.ts';
import type { AstroIntegration } from 'astro';
import type { ErrataContext } from '../lib/context.ts';
import { isFileStamps } from '../lib/content/content-reader.ts';
import type { Diagnostic } from '../lib/validation/diagnostic.ts';
import { isCommittedDates } from '../lib/content/git-history.ts';
import { reportSite } from '../lib/validation/report.ts';
import { CONTENT_VERSION_PATH } from '../lib/site/dev-reload.ts';
import { loadSiteData, type SiteCaches, type SiteData } from '../lib/site/site-data.ts';
import type { BuildLogger } from './build-steps.ts';
import type { DevCheckInput } from './dev-check-worker.ts';
import { DevSearch } from './dev-search.ts';
import { publishSession } from './session-module.ts';

/** Astro's dev server (Vite's), as the integration hook gets it. */
type ViteDevServer = Parameters<NonNullable<AstroIntegration['hooks']['astro:server:setup']>>[0]['server'];

/** Watcher events that change what the tree holds. */
const EVENTS = ['add', 'change', 'unlink', 'addDir', 'unlinkDir'] as const;
/** Editors save a file in a few writes: changes this close together are loaded once. */
const SETTLE_MS = 30;
/** The search check's thread (see `dev-check-worker.ts`). */
const CHECK_WORKER = new URL('./dev-check-worker.ts', import.meta.url);
/** The search check starts this long after a load: the reloaded page, which the writer waits for, comes first. */
const SEARCH_CHECK_DELAY_MS = 1000;

export class DevContent {
  private readonly context: ErrataContext;
  private readonly logger: BuildLogger;
  /** The site as last loaded. */
  private data: SiteData | undefined;
  private readonly caches: SiteCaches;
  private readonly pages: CacheStore<string>;
  private readonly cacheDir: string;
  /** The printed report of the last load, so that an unchanged one is not printed again. */
  private printed = '';
  private loading: Promise<void> | undefined;
  private again = false;
  private server: ViteDevServer | undefined;
  private searchCheck: Worker | undefined;
  private searchCheckTimer: NodeJS.Timeout | undefined;
  private readonly version: string;
  /** Which load of the content the pages show now: each `show` makes a new one. */
  private contentVersion = 0;

  constructor(context: ErrataContext, logger: BuildLogger) {
    this.context = context;
    this.logger = logger;
    this.cacheDir = claimCacheFolder(context.rootDir, 'dev-server', context.contentDir);
    this.pages = new CacheStore(join(this.cacheDir, 'pages'), 'pages');
    this.version = codeVersion(context.rootDir);
    this.caches = {
      pages: { pages: this.pages, version: this.version, stamps: new ValueFile(join(this.cacheDir, 'file-stamps.v8'), isFileStamps) },
      history: new ValueFile(join(this.cacheDir, 'git-dates.v8'), isCommittedDates),
    };
  }

  /** Loads and checks the tree and reports its problems; the search check follows in its own thread. */
  load(): void {
    const data = loadSiteData(this.context, this.caches);
    this.data = data;
    this.pages.save();
    if (data.history.problem) this.logger.warn(data.history.problem);
    this.show(data, data.site.diagnostics);
    this.checkSearch(data);
  }

  /**
   * Watches the tree and its config (a change reloads the content and the open pages), and
   * serves the search indexes of the current content.
   */
  attach(server: ViteDevServer): void {
    this.server = server;
    const { contentDir: tree, configFile: config } = this.context;
    const search = new DevSearch(join(this.cacheDir, 'search'));
    server.middlewares.use(search.middleware(() => this.loaded()));
    server.middlewares.use(CONTENT_VERSION_PATH, (_request, response) => {
      response.writeHead(200, { 'content-type': 'text/plain; charset=utf-8', 'cache-control': 'no-store' });
      response.end(String(this.contentVersion));
    });
    server.watcher.add(config ? [tree, config] : [tree]);
    const inTree = (path: string) => path === config || path === tree || path.startsWith(tree + sep);
    let timer: NodeJS.Timeout | undefined;
    const changed = (path: string) => {
      if (!inTree(path)) return;
      clearTimeout(timer);
      timer = setTimeout(() => void this.reload(server), SETTLE_MS);
    };
    for (const event of EVENTS) server.watcher.on(event, changed);
  }

  /** One load at a time; changes during a load make one more load after it. */
  private async reload(server: ViteDevServer): Promise<void> {
    if (this.loading) {
      this.again = true;
      return;
    }
    this.loading = (async () => {
      do {
        this.again = false;
        const started = performance.now();
        try {
          this.load();
        } catch (error) {
          // A bug must not stop the server: the next save tries again.
          this.logger.error(error instanceof Error ? (error.stack ?? error.message) : String(error));
        }
        refreshPages(server);
        this.logger.info(`Content reloaded in ${Math.round(performance.now() - started)} ms.`);
      } while (this.again);
    })();
    await this.loading;
    this.loading = undefined;
  }

  /**
   * Runs the search check over `data`'s content in its own thread; a newer load stops it. When
   * it finds problems, the pages show them too.
   */
  private checkSearch(data: SiteData): void {
    clearTimeout(this.searchCheckTimer);
    void this.searchCheck?.terminate();
    this.searchCheck = undefined;
    // With an error in the content, the check stops before the search part, as in a build.
    if (data.site.diagnostics.some((diagnostic) => diagnostic.severity === 'error')) return;
    this.searchCheckTimer = setTimeout(() => this.startSearchCheck(data), SEARCH_CHECK_DELAY_MS);
  }

  private startSearchCheck(data: SiteData): void {
    const { contentDir, rootDir, configFile } = this.context;
    const input: DevCheckInput = { contentDir, rootDir, configFile, cacheDir: this.cacheDir, version: this.version };
    const worker = new Worker(CHECK_WORKER, { workerData: input });
    this.searchCheck = worker;
    worker.once('message', (diagnostics: readonly Diagnostic[]) => {
      void worker.terminate();
      if (this.searchCheck !== worker || diagnostics.length === data.site.diagnostics.length) return;
      this.show(data, diagnostics);
      if (this.server) refreshPages(this.server);
    });
    worker.once('error', (error) => this.logger.error(`The search check failed: ${error.stack ?? error.message}`));
  }

  /** The site as last loaded (`load` runs before the server starts). */
  private loaded(): SiteData {
    if (!this.data) throw new Error('The dev server has not loaded the content yet.');
    return this.data;
  }

  /** Prints the problems as `npm run check` does, when they changed, and gives them to the pages as a new load of the content. */
  private show(data: SiteData, diagnostics: readonly Diagnostic[]): void {
    this.contentVersion += 1;
    publishSession({ data, shouldRender: () => true, dev: { problems: diagnostics, version: this.contentVersion } });
    const report = reportSite(data.site, diagnostics);
    const text = report.lines.join('\n');
    if (text === this.printed) return;
    this.printed = text;
    for (const line of report.lines.slice(0, -1)) console.error(line);
    (report.ok ? this.logger.info : this.logger.warn).call(this.logger, report.lines.at(-1) ?? '');
  }
}

/**
 * Tells the server's environments that the content changed, as Astro's content layer does (their
 * route caches are cleared), and reloads the pages open in browsers.
 */
function refreshPages(server: ViteDevServer): void {
  for (const [name, environment] of Object.entries(server.environments)) {
    if (name !== 'client') environment.hot.send('astro:content-changed', {});
  }
  server.environments.client.hot.send({ type: 'full-reload', path: '*' });
}
