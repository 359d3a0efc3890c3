/**
 * What `npm run new` reads of the project, and how it writes: the site's sources (languages,
 * categories, layouts), every page's pagename and language from its front matter only (cheap
 * on a tree of thousands of files: nothing is rendered), and the tree's folders. A file is
 * created, never replaced.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { dirname, isAbsolute, join, relative } from 'node:path';
import { type Diagnostic, DiagnosticSink } from '../validation/diagnostic.ts';
import { excludedBy } from '../content/exclude.ts';
import { parseFrontMatter } from '../content/front-matter.ts';
import { findMarkdownFiles } from '../content/find-files.ts';
import { loadSiteSources, type SiteSources } from '../content/site-sources.ts';
import type { TreeShape } from './placement.ts';

/** A page of the tree as its front matter names it. */
export interface ExistingPage {
  /** Path relative to `content/`, `/`-separated. */
  readonly contentPath: string;
  /** Path as messages show it, relative to the project root. */
  readonly file: string;
  readonly pagename: string | undefined;
  /** `lang:` as written. */
  readonly lang: string | undefined;
  /** Its `title:` and `errors:`: the messages an entry is about. */
  readonly messages: readonly string[];
}

export interface Project {
  readonly contentDir: string;
  readonly sources: SiteSources;
  /** Errors in the site's config or data: nothing should be added to a tree that cannot be read. */
  readonly sourceErrors: readonly Diagnostic[];
  readonly pages: readonly ExistingPage[];
  readonly tree: TreeShape;
  /** True when a file or folder exists at the content path. */
  readonly exists: (contentPath: string) => boolean;
  /** A content path as messages show it. */
  readonly shown: (contentPath: string) => string;
}

/**
 * Reads the project whose tree is `contentDir`; paths are shown relative to `rootDir`.
 * Problems of single pages are left to `npm run check`: a page whose front matter cannot be
 * read names no pagename here.
 */
export function readProject(contentDir: string, rootDir: string, configFile?: string): Project {
  const sink = new DiagnosticSink();
  const sources = loadSiteSources(contentDir, rootDir, sink, configFile);
  const shown = (contentPath: string) => {
    const path = join(contentDir, contentPath);
    const inRoot = relative(rootDir, path);
    return (inRoot.startsWith('..') || isAbsolute(inRoot) ? path : inRoot).split('\\').join('/');
  };
  const pageSink = new DiagnosticSink();
  const pages = findMarkdownFiles(contentDir, excludedBy(sources.exclude)).map((contentPath): ExistingPage => {
    const file = shown(contentPath);
    const data = parseFrontMatter(readFileSync(join(contentDir, contentPath), 'utf8'), file, pageSink)?.data ?? {};
    const text = (value: unknown) => (typeof value === 'string' ? value.trim() : undefined);
    const errors = Array.isArray(data['errors']) ? data['errors'].flatMap((item) => text(item) ?? []) : [];
    return { contentPath, file, pagename: text(data['pagename']), lang: text(data['lang']), messages: [...(text(data['title']) ?? []), ...errors] };
  });
  const isFolder = (contentPath: string) => {
    const path = join(contentDir, contentPath);
    return existsSync(path) && statSync(path).isDirectory();
  };
  const topFolders = readdirSync(contentDir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && !entry.name.startsWith('_') && !entry.name.startsWith('.'))
    .map((entry) => entry.name);
  return {
    contentDir,
    sources,
    sourceErrors: sink.diagnostics.filter((diagnostic) => diagnostic.severity === 'error'),
    pages,
    tree: { topFolders, isFolder },
    exists: (contentPath) => existsSync(join(contentDir, contentPath)),
    shown,
  };
}

/**
 * Creates `file` with `text`, making its folder. Opened with `wx`, so an existing file is never
 * replaced, even one created between the check and the write: returns false then.
 */
export function writeNewFile(file: string, text: string): boolean {
  mkdirSync(dirname(file), { recursive: true });
  try {
    writeFileSync(file, text, { flag: 'wx' });
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw error;
  }
}
