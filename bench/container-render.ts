/**
 * Can Astro's container API (`experimental_AstroContainer` from `astro/container`) replace the
 * private path a rebuild renders its pages with (the kept render bundle's `app`, see
 * src/integrations/render-bundle.ts), and at what cost? For a catalog built once with
 * `npm run build`, this renders the same pages three ways, each in a process of its own:
 *
 * - `bundle`: the current path, `RenderBundle` over the kept render bundle;
 * - `container-bundle`: the container rendering the compiled page modules of that same kept
 *   bundle (no Vite), given each page's params and props from the module's `getStaticPaths`,
 *   and the bundle's script map through the container's `resolve` option;
 * - `container-vite`: the container rendering the page components loaded through a Vite SSR
 *   server made with `getViteConfig` from `astro/config` (`ssrLoadModule`).
 *
 * For each it prints: the fixed cost (process start → the first page can be rendered: Node
 * start, module loading, Vite where needed; the site data, which every path loads the same way
 * from the build cache, apart), the time to list the pages, the first page's render and the
 * per-page render time (median and mean, one page at a time), and how many rendered pages are
 * byte-identical to the full build's output — as rendered, and after the two fixes the
 * container needs (its pages get no stylesheet links: the `<link rel="stylesheet">` of the
 * page's route is put before `</head>`; its scripts resolve through the build's script map).
 *
 * Not a test: it prints figures. The tree must have been built by `npm run build` (so that the
 * build cache holds the render bundle), and its content left as it was built:
 *
 *   npx node bench/generate-catalog.ts --per-locale 1000 --out .bench/c-1k
 *   ERRATA_CONTENT_DIR=$PWD/.bench/c-1k/content ERRATA_OUT_DIR=$PWD/.bench/c-1k/dist npm run build
 *   npx node bench/container-render.ts --tree .bench/c-1k [--pages 300] [--repeat 3] [--modes bundle,container-bundle,container-vite]
 *
 * `--pages N`: how many pages each path renders, taken evenly over all of the site's pages
 * (every listing and home page among them); `--pages 0` renders every page.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { enableCompileCache } from 'node:module';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';

const MODES = ['bundle', 'container-bundle', 'container-vite'] as const;
type Mode = (typeof MODES)[number];

const { values } = parseArgs({
  options: {
    tree: { type: 'string', default: '.bench/c-1k' },
    pages: { type: 'string', default: '300' },
    modes: { type: 'string', default: MODES.join(',') },
    repeat: { type: 'string', default: '3' },
    child: { type: 'string' },
  },
});
const tree = resolve(values.tree);
const contentDirectory = join(tree, 'content');
const outDir = join(tree, 'dist');

/** What a child process reports. Times in ms. */
interface Figures {
  mode: Mode;
  /** Spawn → the child's first line of JavaScript (Node's own start). */
  nodeStart: number;
  /** Loading the site data from the build cache: the same for every path, not counted in `ready`. */
  siteData: number;
  /** Spawn → the first page can be rendered, less `siteData`. */
  ready: number;
  /** Listing every page with its params and props (all `getStaticPaths`). */
  list: number;
  pagesListed: number;
  first: number;
  median: number;
  mean: number;
  rendered: number;
  identical: number;
  identicalFixed: number;
  /** The first difference of the first page that differs even after the fixes, if any. */
  firstDifference?: string;
  note?: string;
  /** Parts of the fixed cost, by name. */
  detail: Record<string, number>;
}

/** Fixes applied before comparing with the full build's output (none on the bundle path). */
const fixes = new Map<string, (page: Page, html: string) => string>();

if (values.child) await child(values.child as Mode);
else parent();

function parent(): void {
  if (!existsSync(join(outDir, 'index.html'))) throw new Error(`${outDir} holds no build: build the tree with npm run build first (see the header of this file).`);
  const modes = values.modes.split(',') as Mode[];
  for (const mode of modes) if (!MODES.includes(mode)) throw new Error(`unknown mode ${mode}`);
  const runs = new Map<Mode, Figures[]>(modes.map((mode) => [mode, []]));
  // The paths take turns, so that a busy machine slows each alike.
  for (let round = 0; round < Number(values.repeat); round++) {
    for (const mode of modes) {
      spawnSync('sync');
      const result = spawnSync(process.execPath, [import.meta.filename, '--child', mode, '--tree', tree, '--pages', values.pages], {
        env: { ...process.env, ERRATA_CONTENT_DIR: contentDirectory, ERRATA_OUT_DIR: outDir, ASTRO_TELEMETRY_DISABLED: '1', BENCH_SPAWNED_AT: String(Date.now()) },
        encoding: 'utf8',
        maxBuffer: 64 * 1024 * 1024,
      });
      const line = result.stdout.split('\n').find((text) => text.startsWith('FIGURES '));
      if (!line) {
        console.error(`${mode} failed:\n${result.stdout.slice(-3000)}\n${result.stderr.slice(-3000)}`);
        continue;
      }
      const figures = JSON.parse(line.slice('FIGURES '.length)) as Figures;
      runs.get(mode)?.push(figures);
      console.log(`round ${round + 1}, ${mode}: ready ${figures.ready.toFixed(0)} ms, per page ${figures.median.toFixed(2)} ms, ${JSON.stringify(figures.detail)}`);
    }
  }
  const median = (numbers: number[]) => [...numbers].sort((a, b) => a - b)[Math.floor(numbers.length / 2)] ?? NaN;
  const ms = (value: number) => `${value.toFixed(value < 10 ? 2 : 0)} ms`;
  console.log(`\nTree: ${tree}; medians of ${values.repeat} run(s) per path, each in a process of its own.`);
  console.log('| path | Node start | fixed cost (start → ready, site data apart) | site data (cached) | list pages | first page | per page (median / mean) | byte-identical | identical after fixes |');
  console.log('|---|---|---|---|---|---|---|---|---|');
  for (const [mode, list] of runs) {
    if (list.length === 0) continue;
    const at = (field: 'nodeStart' | 'ready' | 'siteData' | 'list' | 'first' | 'median' | 'mean') => median(list.map((run) => run[field]));
    const first = list[0] as Figures;
    console.log(
      `| ${mode} | ${ms(at('nodeStart'))} | ${ms(at('ready'))} | ${ms(at('siteData'))} | ${ms(at('list'))} (${first.pagesListed} pages) | ${ms(at('first'))} | ${ms(at('median'))} / ${ms(at('mean'))} | ${first.identical} of ${first.rendered} | ${first.identicalFixed} of ${first.rendered} |`,
    );
  }
  for (const [mode, list] of runs) {
    const first = list[0];
    if (!first) continue;
    const parts = Object.keys(first.detail).map((name) => `${name} ${ms(median(list.map((run) => run.detail[name] ?? NaN)))}`);
    console.log(`\n${mode}: fixed cost includes ${parts.join(', ')}.`);
    if (first.note) console.log(`${mode}: ${first.note}.`);
    if (first.firstDifference) console.log(`${mode}, first difference after the fixes:\n${first.firstDifference}`);
  }
}

/** A page to render: its URL path, output file, and what the container needs. */
interface Page {
  pathname: string;
  file: string;
  component?: unknown;
  params?: Record<string, string | undefined>;
  props?: Record<string, unknown>;
  /** Astro's page key (`route&component`), for the route's stylesheets. */
  routeKey?: string;
}

interface PageModule {
  default: unknown;
  file: string;
  getStaticPaths?: () => { params: Record<string, string | undefined>; props?: Record<string, unknown> }[];
}

async function child(mode: Mode): Promise<void> {
  const spawnedAt = Number(process.env['BENCH_SPAWNED_AT']);
  const nodeStart = performance.timeOrigin - spawnedAt;
  // As `npm run build` does (scripts/build.mjs), before any TypeScript of the project loads.
  enableCompileCache(join(process.cwd(), 'node_modules', '.cache', 'errata', 'compiled-code'));
  const since = (start: number) => performance.now() - start;

  // The site data, from the build cache as a rebuild loads it: common to every path.
  const dataStart = performance.now();
  const { cacheFolder } = await import('../src/lib/build/cache-folder.ts');
  const { CacheStore } = await import('../src/lib/build/cache-store.ts');
  const { codeVersion } = await import('../src/lib/build/code-version.ts');
  const { ValueFile } = await import('../src/lib/build/value-file.ts');
  const { isFileStamps } = await import('../src/lib/content/content-reader.ts');
  const { isCommittedDates } = await import('../src/lib/content/git-history.ts');
  const { loadSiteData } = await import('../src/lib/site/site-data.ts');
  const { buildSession } = await import('../src/lib/site/page-session.ts');
  const { publishSession, sessionModule } = await import('../src/integrations/session-module.ts');
  const { contextFromEnvironment, siteConfigPath } = await import('../src/lib/context.ts');
  const context = contextFromEnvironment(process.env, process.cwd());
  const cacheDir = cacheFolder(process.cwd(), outDir, contentDirectory);
  const data = loadSiteData(context, {
    pages: { pages: new CacheStore(join(cacheDir, 'pages'), 'pages'), version: codeVersion(process.cwd()), stamps: new ValueFile(join(cacheDir, 'file-stamps.v8'), isFileStamps) },
    history: new ValueFile(join(cacheDir, 'git-dates.v8'), isCommittedDates),
  });
  // What the pages read through `virtual:errata/session`, as a build hands it to them.
  publishSession(buildSession(data));
  const siteData = since(dataStart);

  const bundleDir = join(cacheDir, 'render-bundle');
  const meta = JSON.parse(readFileSync(join(bundleDir, 'render-bundle.json'), 'utf8')) as { key: string; entry: string; origin: string; pages: [string, { styles: Style[] }][] };
  const scratch = mkdtempSync(join(tmpdir(), 'errata-container-bench-'));
  const sampleSize = Number(values.pages);
  const sample = <T>(all: T[]): T[] => (sampleSize <= 0 || sampleSize >= all.length ? all : Array.from({ length: sampleSize }, (_, index) => all[Math.floor((index * all.length) / sampleSize)] as T));

  let render: (page: Page) => Promise<string>;
  let list: () => Promise<Page[]>;
  let note: string | undefined;
  let close = async () => {};
  const detail: Record<string, number> = {};
  let step = performance.now();
  const mark = (name: string) => {
    detail[name] = since(step);
    step = performance.now();
  };
  if (mode === 'bundle') {
    const { RenderBundle } = await import('../src/integrations/render-bundle.ts');
    const quiet = { info() {}, warn: console.warn, error: console.error };
    const bundle = await RenderBundle.load(cacheDir, meta.key, quiet);
    if (typeof bundle === 'string') throw new Error(bundle);
    mark('RenderBundle.load');
    list = async () => (await bundle.pages()).map((page) => ({ ...page, component: page }));
    render = async (page) => {
      await bundle.render([page.component as Parameters<typeof bundle.render>[0][number]], scratch, 1);
      return readFileSync(join(scratch, page.file), 'utf8');
    };
  } else {
    const { experimental_AstroContainer } = await import('astro/container');
    const scripts = entryModules(join(bundleDir, meta.entry));
    const container = await experimental_AstroContainer.create({
      astroConfig: { site: meta.origin },
      // The container's own way to resolve a hoisted script's specifier to its URL.
      resolve: async (specifier: string) => {
        const built = scripts[specifier];
        return built ? `/${built}` : specifier;
      },
    });
    mark('astro/container + create');
    let modules: PageModule[];
    if (mode === 'container-bundle') {
      modules = [];
      // The bundle's page chunks export `page()`, which gives the page module (Astro's layout of its build output).
      for (const name of readdirSync(join(bundleDir, 'chunks'))) {
        const chunk = (await import(pathToFileURL(join(bundleDir, 'chunks', name)).href)) as { page?: () => Promise<PageModule> };
        if (typeof chunk.page === 'function') modules.push(await chunk.page());
      }
      mark('bundle page chunks');
    } else {
      const { getViteConfig } = await import('astro/config');
      const { createServer } = await import('vite');
      const { readSiteUrl } = await import('../src/lib/content/site-url.ts');
      // Astro's config less the errata integration, whose work (check, indexes) a rebuild does
      // itself: only its module that hands the pages their session.
      const site = readSiteUrl(siteConfigPath(context));
      const astroConfig = {
        configFile: false,
        root: process.cwd(),
        ...(site ? { site } : {}),
        trailingSlash: 'always',
        build: { format: 'directory', inlineStylesheets: 'never' },
        vite: { build: { assetsInlineLimit: 0 }, plugins: [sessionModule()] },
        devToolbar: { enabled: false },
        logLevel: 'error',
      };
      const makeConfig = getViteConfig({ server: { middlewareMode: true, hmr: false, ws: false, watch: null }, appType: 'custom', logLevel: 'error' }, astroConfig as Parameters<typeof getViteConfig>[1]);
      const viteConfig = await makeConfig({ mode: 'development', command: 'serve' });
      const server = await createServer({ ...viteConfig, configFile: false });
      close = () => server.close();
      mark('getViteConfig + createServer');
      modules = [];
      for (const file of listPageFiles(join(process.cwd(), 'src', 'pages'))) modules.push((await server.ssrLoadModule(file)) as PageModule);
      mark('ssrLoadModule of the pages');
      note = 'the page modules load through Vite (each .astro compiled, every src/ module transformed); scripts resolve to the dev specifiers of src/, which only the bundle script map turns into the built /_astro/ files';
    }
    const styles = new Map(meta.pages.map(([key, page]) => [key.slice(key.indexOf('&') + 1), { key, styles: page.styles }]));
    list = async () => {
      const pages = new Map<string, Page>();
      for (const module of [...modules].sort((a, b) => dynamicSegments(a.file) - dynamicSegments(b.file))) {
        const component = module.file.slice(module.file.indexOf('src/pages/'));
        const entries = module.getStaticPaths ? module.getStaticPaths() : [{ params: {} }];
        for (const { params, props } of entries) {
          const pathname = routePath(component, params);
          const file = pathname === '/404/' || pathname === '/500/' ? `${pathname.slice(1, -1)}.html` : `${pathname.slice(1)}index.html`;
          if (!pages.has(pathname)) pages.set(pathname, { pathname, file, component: module.default, params, props: props ?? {}, routeKey: component });
        }
      }
      return [...pages.values()];
    };
    render = async (page) => {
      const request = new Request(new URL(page.pathname, meta.origin));
      const options = { request, params: page.params ?? {}, props: page.props ?? {}, partial: false };
      const html = await container.renderToString(page.component as Parameters<typeof container.renderToString>[0], options);
      return html;
    };
    // The fix the container needs for stylesheets: it gives its routes none.
    fixes.set('styles', (page, html) => {
      const route = styles.get(page.routeKey ?? '');
      const links = (route?.styles ?? [])
        .filter((style) => style.sheet.type === 'external')
        .map((style) => `<link rel="stylesheet" href="/${style.sheet.src}">`)
        .join('');
      return html.replace('</head>', `${links}</head>`);
    });
  }

  const ready = nodeStart + performance.now();
  const listStart = performance.now();
  const all = await list();
  const listTime = since(listStart);
  const chosen = sample(all);
  const times: number[] = [];
  let identical = 0;
  let identicalFixed = 0;
  let firstDifference: string | undefined;
  for (const page of chosen) {
    const start = performance.now();
    const html = await render(page);
    times.push(since(start));
    const want = readFileSync(join(outDir, page.file), 'utf8');
    if (html === want) identical++;
    let fixed = html;
    for (const fix of fixes.values()) fixed = fix(page, fixed);
    if (fixed === want) identicalFixed++;
    else firstDifference ??= difference(page.file, fixed, want);
  }
  await close();
  rmSync(scratch, { recursive: true, force: true });
  const sorted = [...times].sort((a, b) => a - b);
  const figures: Figures = {
    mode,
    nodeStart,
    siteData,
    ready: ready - siteData,
    list: listTime,
    pagesListed: all.length,
    first: times[0] ?? 0,
    median: sorted[Math.floor(sorted.length / 2)] ?? 0,
    mean: times.slice(1).reduce((sum, time) => sum + time, 0) / Math.max(1, times.length - 1),
    rendered: chosen.length,
    identical,
    identicalFixed,
    ...(firstDifference ? { firstDifference } : {}),
    ...(note ? { note } : {}),
    detail,
  };
  console.log(`FIGURES ${JSON.stringify(figures)}`);
  // Astro's dev server app may still be loading in the background under Vite.
  process.exit(0);
}

interface Style {
  sheet: { type: string; src?: string; content?: string };
}

/**
 * The script map of the bundle: specifier → built file. It is the `entryModules` of the
 * manifest Astro serializes into the bundle's entry (a private format: read here as text).
 */
function entryModules(entry: string): Record<string, string> {
  const text = readFileSync(entry, 'utf8');
  const start = text.indexOf('"entryModules":');
  if (start < 0) return {};
  const open = text.indexOf('{', start);
  let depth = 0;
  let inString = false;
  for (let index = open; index < text.length; index++) {
    const char = text[index];
    if (inString) {
      if (char === '\\') index++;
      else if (char === '"') inString = false;
    } else if (char === '"') inString = true;
    else if (char === '{') depth++;
    else if (char === '}' && --depth === 0) return JSON.parse(text.slice(open, index + 1)) as Record<string, string>;
  }
  return {};
}

/** The `.astro` pages under `dir`, as Vite paths from the project root. */
function listPageFiles(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile() && entry.name.endsWith('.astro'))
    .map((entry) => `/${join(entry.parentPath, entry.name).slice(process.cwd().length + 1)}`);
}

function dynamicSegments(file: string): number {
  return (file.match(/\[/g) ?? []).length;
}

/** A page's URL path from its component's place under src/pages/ and its params (trailing slash always). */
function routePath(component: string, params: Record<string, string | undefined>): string {
  const segments = component
    .replace(/^src\/pages\//, '')
    .replace(/\.astro$/, '')
    .split('/')
    .map((segment) => segment.replace(/\[(\.\.\.)?([^\]]+)\]/g, (_, _rest: string | undefined, name: string) => params[name] ?? ''))
    .filter((segment) => segment !== '' && segment !== 'index');
  return segments.length === 0 ? '/' : `/${segments.join('/')}/`;
}

function difference(file: string, got: string, want: string): string {
  let index = 0;
  while (index < Math.min(got.length, want.length) && got[index] === want[index]) index++;
  return `${file} at ${index}:\n  got:  …${got.slice(Math.max(0, index - 80), index + 160)}\n  want: …${want.slice(Math.max(0, index - 80), index + 160)}`;
}
