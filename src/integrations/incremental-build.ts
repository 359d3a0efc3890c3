/**
 * What makes `npm run build` incremental. Pages loaded by earlier builds come from a cache;
 * entry pages whose fingerprint did not change are not rendered, and stay in the output as
 * they are; so do the search indexes of languages none of whose pages changed, and every other
 * file whose bytes did not change. The staging folder then holds only what changed, and
 * `scripts/build.ts` applies it over the output (see `lib/build/atomic-output.ts`).
 *
 * Only `npm run build` builds incrementally: it renders into a staging folder and names the
 * output being replaced. A plain `astro build` is always a full one.
 */
import { randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { type BuildManifest, readManifest, type SearchIndexPart } from '../lib/build/build-manifest.ts';
import type { BuildPlan } from '../lib/build/build-plan.ts';
import { claimCacheFolder } from '../lib/build/cache-folder.ts';
import { CacheStore } from '../lib/build/cache-store.ts';
import { codeVersion } from '../lib/build/code-version.ts';
import { fingerprint } from '../lib/build/fingerprint.ts';
import { listFiles } from '../lib/build/list-files.ts';
import { type OutputWriter, type PreviousOutput, stillThere } from '../lib/build/output-writer.ts';
import { PageMirror } from '../lib/build/page-mirror.ts';
import { ValueFile } from '../lib/build/value-file.ts';
import { type ErrataContext, siteConfigPath } from '../lib/context.ts';
import type { Diagnostic } from '../lib/validation/diagnostic.ts';
import { isFileStamps } from '../lib/content/content-reader.ts';
import { isCommittedDates } from '../lib/content/git-history.ts';
import { pageFile } from '../lib/routing/routes.ts';
import { pageFingerprints } from '../lib/site/page-fingerprints.ts';
import { searchParts } from '../lib/site/search-parts.ts';
import type { CheckReuse } from '../lib/validation/check-site.ts';
import type { SiteCaches, SiteData } from '../lib/site/site-data.ts';
import { siteDigest } from '../lib/site/site-digest.ts';
import { readSiteUrl } from '../lib/content/site-url.ts';
import { removeInBackground } from '../lib/build/atomic-output.ts';
import { addMirroredPages, mirrorName, type SearchSources } from './search-index.ts';

/** The group of the files Astro writes besides pages (see `recordPages`). */
const ASTRO_FILES = 'astro-files';

export class IncrementalBuild {
  readonly codeVersion: string;
  readonly pages: CacheStore<string>;
  /** What the content loading reuses: pages loaded by earlier builds, the files' stamps and their commit dates. */
  readonly siteCaches: SiteCaches;
  /** Entry fingerprints and retrieval findings of earlier builds (see `site-digest.ts`). */
  private readonly prints: CacheStore<string>;
  private readonly findings: CacheStore<readonly Diagnostic[]>;
  private digest: string | undefined;
  /** The manifest of the output being replaced, when it can be built upon. */
  readonly previous: BuildManifest | undefined;
  private readonly mirror: PageMirror;
  private readonly target: string;
  readonly cacheDir: string;
  /**
   * What the pages' render bundle is made from besides the code: the site URL, which Astro's
   * config reads from the content (see `render-bundle.ts`).
   */
  readonly renderKey: string;
  /** Output file of every fingerprinted page → its fingerprint, once planned. */
  private pageFiles = new Map<string, string>();
  /** The entry pages' files, each with its name in the page mirror: what the search index is built from. */
  private entryFiles = new Map<string, string>();
  /** Fingerprinted page files this build renders. */
  private rendered = new Set<string>();
  /** How many files Astro wrote. */
  private astroFiles = 0;
  /** Fingerprint of each search index part's pages, by its key, once planned. */
  private partPrints = new Map<string, string>();

  /** The build of `context` (into its staging `outDir`) that replaces the output `target`. */
  constructor(context: ErrataContext, target: string) {
    this.target = target;
    this.codeVersion = codeVersion(context.rootDir);
    this.cacheDir = claimCacheFolder(context.rootDir, target, context.contentDir);
    this.pages = new CacheStore(join(this.cacheDir, 'pages'), 'pages');
    this.siteCaches = {
      pages: { pages: this.pages, version: this.codeVersion, stamps: new ValueFile(join(this.cacheDir, 'file-stamps.v8'), isFileStamps) },
      history: new ValueFile(join(this.cacheDir, 'git-dates.v8'), isCommittedDates),
    };
    this.prints = new CacheStore(join(this.cacheDir, 'prints'), 'prints');
    this.findings = new CacheStore(join(this.cacheDir, 'findings'), 'findings');
    this.mirror = new PageMirror(join(this.cacheDir, 'search-pages'));
    this.previous = readManifest(this.cacheDir, target, this.codeVersion);
    this.renderKey = fingerprint(this.codeVersion, readSiteUrl(siteConfigPath(context)) ?? '');
  }

  /** The output this build builds upon, when there is one. */
  get previousOutput(): PreviousOutput | undefined {
    return this.previous ? { dir: this.target, manifest: this.previous } : undefined;
  }

  /** What the content check can reuse from earlier builds. */
  checkReuse(data: SiteData): CheckReuse {
    return { digest: this.siteDigest(data), findings: this.findings };
  }

  /**
   * Decides which pages to render: those whose fingerprint changed, or all. Returns the pages
   * that stay as they are (none on a full build), and what was decided, in a line.
   */
  planPages(data: SiteData): { unchanged: ReadonlySet<string>; message: string } {
    const { entries, listings } = pageFingerprints(data, { codeVersion: this.codeVersion, digest: this.siteDigest(data), prints: this.prints });
    this.prints.save();
    this.findings.save();
    const unchanged = new Set<string>();
    const byPart = new Map<string, string[]>();
    this.pageFiles = new Map();
    this.rendered = new Set();
    for (const [path, print] of [...entries, ...listings]) {
      const file = pageFile(path);
      this.pageFiles.set(file, print);
      if (this.previous?.files.get(file) === print && existsSync(join(this.target, file))) unchanged.add(path);
      else this.rendered.add(file);
    }
    const { byPath } = searchParts(data);
    this.entryFiles = new Map();
    for (const [path, print] of entries) {
      const part = byPath.get(path);
      if (!part) continue;
      // The part's key and folder, too: a page that moves to another part changes both parts.
      let prints = byPart.get(part.key);
      if (!prints) byPart.set(part.key, (prints = [part.key, part.folder]));
      prints.push(print);
      const file = pageFile(path);
      this.entryFiles.set(file, mirrorName(part, file));
    }
    this.partPrints = new Map([...byPart].map(([key, prints]) => [key, fingerprint(this.codeVersion, ...prints)]));
    const total = entries.size + listings.size;
    if (!this.previous) return { unchanged: new Set(), message: 'Full build: no earlier output of this code version to build upon.' };
    return { unchanged, message: `Rebuild: ${total - unchanged.size} of ${total} pages changed; the others stay as they are.` };
  }

  /** Whether the search index reads the page in this output file (once pages are planned). */
  isSearched(file: string): boolean {
    return this.entryFiles.has(file);
  }

  /** What the catalog-wide results of this build are made from (see `site-digest.ts`). */
  siteDigest(data: SiteData): string {
    return (this.digest ??= siteDigest(data.site, this.codeVersion));
  }

  /**
   * Whether this rebuild can render its pages with the kept render bundle, without Astro: the
   * previous output holds every file Astro wrote besides pages (its scripts and styles, the
   * `public/` files), made under the same code and site URL.
   */
  canRenderWithoutAstro(): boolean {
    const files = this.previous?.groups.get(ASTRO_FILES);
    return !!files && files.inputs === this.renderKey && stillThere(this.previousOutput, files.files);
  }

  /**
   * Records the pages rendered into the staging folder, and those that stay as they are.
   * `renderedPages`: the page files Astro rendered, when it ran; the other files it wrote are its
   * own (scripts, styles, `public/`), kept as a group. Without Astro, that group is kept as it was.
   */
  recordPages(out: OutputWriter, renderedPages: ReadonlySet<string> | undefined): void {
    // The site files may be written already (see `startSiteFiles`): they are recorded.
    const written = listFiles(out.stagingDir).filter((file) => !out.files.has(file));
    this.astroFiles = written.length;
    for (const file of written) if (!renderedPages || renderedPages.has(file)) out.record(file, this.pageFiles.get(file) ?? out.stampOf(file));
    // Astro's files are recorded as it wrote them whenever it ran, even if the code is the same.
    const make = () => {
      if (!renderedPages) throw new Error('A rebuild without Astro found no files of Astro to keep.');
      for (const file of written) if (!renderedPages.has(file)) out.record(file, out.stampOf(file));
      return '';
    };
    out.group(ASTRO_FILES, this.renderKey, make, { reuse: !renderedPages });
    if (!this.previous) return;
    for (const [file, print] of this.pageFiles) if (!this.rendered.has(file)) out.record(file, print);
  }

  /**
   * Where each part of the search index comes from: kept, or built by Pagefind from the page
   * mirror, which is brought to the new output first (see `page-mirror.ts`).
   */
  searchSources(out: OutputWriter): SearchSources {
    const previous = this.previous;
    const sourceOf = new Map<string, string>();
    const changed = new Set<string>();
    for (const [file, name] of this.entryFiles) {
      const rendered = this.rendered.has(file) || !previous;
      sourceOf.set(name, join(rendered ? out.stagingDir : this.target, file));
      if (rendered) changed.add(name);
    }
    this.mirror.sync(previous?.buildId, new Set(sourceOf.keys()), changed, (name) => sourceOf.get(name) ?? '', removeInBackground);
    return {
      kept: (part) => {
        const index = previous?.searchParts.get(part.key);
        return index && index.fingerprint === this.partPrints.get(part.key) ? index : undefined;
      },
      keptEntry: previous?.searchEntry,
      addPages: (index, part) => addMirroredPages(index, this.mirror, part),
      fingerprint: (part) => this.partPrints.get(part.key) ?? '',
    };
  }

  /** The new manifest, and how to apply the staging folder, for `scripts/build.ts`; and what was written, in a line. */
  finish(out: OutputWriter, search: { parts: ReadonlyMap<string, SearchIndexPart>; entry: Readonly<Record<string, unknown>> }): { plan: BuildPlan; message: string } {
    const buildId = randomUUID();
    this.mirror.markAs(buildId);
    const deleted = this.previous ? out.deletedFiles() : undefined;
    const plan: BuildPlan = {
      cacheDir: this.cacheDir,
      manifest: { buildId, codeVersion: this.codeVersion, files: out.files, searchParts: search.parts, searchEntry: search.entry, groups: out.groups },
      deleted,
    };
    return { plan, message: deleted ? `Changed: ${this.astroFiles + out.written} files written, ${deleted.length} deleted` : `Written: ${out.files.size} files` };
  }
}
