/**
 * Every link and image of every page, checked and pointed at the built site:
 *
 * - a path to a Markdown file (`./troubleshooting/foo.md`, `../guides/x.md#some-heading`, or the
 *   Jekyll output name `x.html`, or a folder `./troubleshooting/`) becomes the target page's URL
 *   in the linking page's language, whatever the target's `pagename`; the `#fragment` is kept
 *   and must be the id of a heading there. A file missing from a language folder is looked for
 *   in the other language folders (translations mirror each other), as the old site's readers
 *   were sent to the untranslated page;
 * - a path to any other file (images, downloads) is copied to `/assets/<path in content>` and
 *   the link points there;
 * - a site path (`/ja/foo/`, `/1a2b3c4d/?title=…`) must be a page or an old path that redirects
 *   to one, which it is rewritten to.
 *
 * A missing target is `link-target-missing`, a missing image `image-missing`, a missing
 * fragment `link-anchor-missing`; `errata:` in `_config.yml` sets each one's level.
 */
import { existsSync, statSync } from 'node:fs';
import { join, posix } from 'node:path';
import type { Locale, LocaleConfig } from '../i18n/locales.ts';
import { findLocale } from '../i18n/locales.ts';
import type { LinkRef } from '../markdown/parse-markdown.ts';
import type { Redirect } from '../routing/redirects.ts';
import { entryPath, parseSitePath, SITE_SECTIONS } from '../routing/routes.ts';
import { RESERVED_IDS } from '../site/page-ids.ts';
import type { DiagnosticSink, Position, RuleLevel } from '../validation/diagnostic.ts';
import type { ErrataSettings } from './settings.ts';

/** What the resolver needs of a page. */
export interface LinkedPage {
  readonly file: string;
  readonly contentPath: string;
  readonly locale: Locale;
  readonly pagename: string;
  /** The ids of the page's section headings (see `markdown/anchor-ids.ts`). */
  readonly anchors: readonly string[];
}

export interface PendingLink<P extends LinkedPage> {
  readonly page: P;
  readonly ref: LinkRef;
  /** The link's position in the file. */
  readonly at: Position;
}

export interface LinkContext<P extends LinkedPage> {
  /** The site's pages, by what links name. */
  readonly finder: PageFinder<P>;
  readonly localeConfig: LocaleConfig;
  /** Absolute path of `content/`, where linked files are looked for. */
  readonly contentDir: string;
  readonly settings: ErrataSettings;
  /** Content paths Jekyll's `exclude:` leaves out of the site: a link to one is broken. */
  readonly excluded: (contentPath: string) => boolean;
  /** The redirect an old site path leads to, if any. */
  readonly redirectOf: (path: string) => Redirect | undefined;
  readonly sink: DiagnosticSink;
}

/** URL prefix of files copied from `content/` (images, downloads); `assets` is a reserved page name. */
export const ASSETS_PREFIX = '/assets/';

/**
 * The URL a content file is served at: its path in `content/` under `/assets/`.
 * @example assetPath('en/images/step 1.png') === '/assets/en/images/step%201.png'
 */
export function assetPath(contentPath: string): string {
  return ASSETS_PREFIX + contentPath.split('/').map(encodeURIComponent).join('/');
}

const EXTERNAL = /^[a-z][a-z0-9+.-]*:|^\/\//i;

/** Finds pages by what links name: content path, and the same path in another language's folder. */
export class PageFinder<P extends LinkedPage> {
  private readonly byContentPath: Map<string, P>;
  private readonly byNeutralPath = new Map<string, P>();
  private readonly byName = new Map<string, Map<string, P>>();
  private readonly localeConfig: LocaleConfig;

  constructor(pages: readonly P[], localeConfig: LocaleConfig) {
    this.localeConfig = localeConfig;
    this.byContentPath = new Map(pages.map((page) => [page.contentPath, page]));
    for (const page of pages) {
      const neutral = this.neutralPath(page.contentPath);
      const existing = this.byNeutralPath.get(neutral);
      // The default language's file is the one a translation stands in for.
      if (!existing || page.locale === localeConfig.defaultLocale) this.byNeutralPath.set(neutral, page);
      let translations = this.byName.get(page.pagename);
      if (!translations) this.byName.set(page.pagename, (translations = new Map()));
      translations.set(page.locale.name, page);
    }
  }

  /** A content path without its leading language folder: `ja/guides/x.md` → `guides/x.md`. */
  neutralPath(contentPath: string): string {
    const [first = '', ...rest] = contentPath.split('/');
    return rest.length > 0 && findLocale(this.localeConfig.locales, first) ? rest.join('/') : contentPath;
  }

  /**
   * The page a path names: the file itself, or its Markdown source (`x.html`, `x`, `x/` with
   * `x.md`, `x/index.md` or `x/README.md`), else the same path in another language's folder.
   */
  pageAt(contentPath: string): P | undefined {
    const candidates = markdownCandidates(contentPath);
    for (const candidate of candidates) {
      const page = this.byContentPath.get(candidate);
      if (page) return page;
    }
    for (const candidate of candidates) {
      const page = this.byNeutralPath.get(this.neutralPath(candidate));
      if (page) return page;
    }
    return undefined;
  }

  /** The page shown at `/<locale>/<pagename>/`: its translation, else the default language's, else any. */
  shownAt(locale: Locale, pagename: string): P | undefined {
    const translations = this.byName.get(pagename);
    if (!translations) return undefined;
    return translations.get(locale.name) ?? translations.get(this.localeConfig.defaultLocale.name) ?? translations.values().next().value;
  }

  hasPagename(pagename: string): boolean {
    return this.byName.has(pagename);
  }
}

/**
 * The Markdown files a link path may mean, most literal first.
 * @example markdownCandidates('en/x.html') // ['en/x.html', 'en/x.md']
 */
export function markdownCandidates(path: string): string[] {
  const trimmed = path.replace(/\/+$/, '');
  if (/\.md$/i.test(trimmed)) return [trimmed];
  if (/\.html?$/i.test(trimmed)) return [trimmed, trimmed.replace(/\.html?$/i, '.md')];
  const base = trimmed === '.' || trimmed === '' ? '' : `${trimmed}/`;
  return [...(base ? [`${trimmed}.md`] : []), `${base}index.md`, `${base}README.md`];
}

function safeDecode(path: string): string {
  try {
    return decodeURI(path);
  } catch {
    return path;
  }
}

/**
 * Checks and rewrites every link; returns the files to copy into the site, by URL path.
 */
export function resolveLinks<P extends LinkedPage>(context: LinkContext<P>, links: readonly PendingLink<P>[]): Map<string, string> {
  const { localeConfig, contentDir, settings, sink } = context;
  const { finder } = context;
  const assets = new Map<string, string>();
  const anchorCache = new Map<P, Set<string>>();
  const fileCache = new Map<string, boolean>();
  const isFile = (contentPath: string) => {
    let found = fileCache.get(contentPath);
    if (found === undefined) {
      const path = join(contentDir, contentPath);
      found = !context.excluded(contentPath) && existsSync(path) && statSync(path).isFile();
      fileCache.set(contentPath, found);
    }
    return found;
  };
  const anchorsOf = (page: P) => {
    let anchors = anchorCache.get(page);
    if (!anchors) anchorCache.set(page, (anchors = new Set([...RESERVED_IDS, ...page.anchors])));
    return anchors;
  };
  const report = (level: RuleLevel, file: string, at: Position, ruleId: string, message: string) => {
    if (level === 'error') sink.error(file, at, ruleId, message);
    else if (level === 'warn') sink.warning(file, at, ruleId, message);
  };
  const checkAnchor = (link: PendingLink<P>, target: P | undefined, hash: string) => {
    if (!hash || !target) return;
    const id = safeDecode(hash);
    if (anchorsOf(target).has(id)) return;
    const headings = target.anchors;
    const known = headings.length > 0 ? `Its headings' ids: ${headings.slice(0, 10).join(', ')}${headings.length > 10 ? ', …' : ''}.` : 'It has no section headings.';
    report(settings.onBrokenAnchors, link.page.file, link.at, 'link-anchor-missing', `Link to "${link.ref.url}": ${target.file} has no heading with the id "${id}". ${translatedAnchor(target, id) ?? known}`);
  };
  /**
   * An anchor of the original language on a translation, whose headings have ids of their own:
   * the heading at the same place, which the link most likely means.
   */
  const translatedAnchor = (target: P, id: string): string | undefined => {
    const original = finder.shownAt(localeConfig.defaultLocale, target.pagename);
    const place = original && original !== target ? original.anchors.indexOf(id) : -1;
    const here = target.anchors[place];
    return here === undefined || original === undefined
      ? undefined
      : `"${id}" is heading ${place + 1} of ${original.file}; heading ${place + 1} here has the id "${here}": link to "#${here}".`;
  };
  /** A file under content/ (not a page): copied into the site, linked at its asset URL. */
  const assetFor = (contentPath: string): string | undefined => {
    const path = isFile(contentPath) ? contentPath : otherLocaleFile(contentPath, finder, localeConfig, isFile);
    if (!path) return undefined;
    const url = assetPath(path);
    assets.set(url, join(contentDir, path));
    return url;
  };

  for (const link of links) {
    const { page, ref } = link;
    const url = ref.url.trim();
    if (!url || EXTERNAL.test(url)) continue;
    const hashAt = url.indexOf('#');
    const hash = hashAt === -1 ? '' : url.slice(hashAt + 1);
    const beforeHash = hashAt === -1 ? url : url.slice(0, hashAt);
    const pathPart = beforeHash.split('?')[0] ?? '';
    const fragment = hash ? `#${hash}` : '';

    if (pathPart === '') {
      checkAnchor(link, page, hash);
      continue;
    }

    if (pathPart.startsWith('/')) {
      const redirect = context.redirectOf(pathPart);
      if (redirect) {
        const [to = '', toHash = ''] = redirect.to.split('#');
        const parts = parseSitePath(localeConfig.locales, to);
        // An old path without a language folder (`/<uid>/`) meant "this page": in a page of another
        // language, the link leads to that language's version of it.
        const inOwnLanguage = parts?.name !== undefined && !findLocale(localeConfig.locales, redirect.from.split('/')[1] ?? '');
        const path = inOwnLanguage && parts?.name ? entryPath(page.locale, parts.name) : to;
        ref.set(path + (fragment || (toHash ? `#${toHash}` : '')));
        if (parts?.name) checkAnchor(link, finder.shownAt(inOwnLanguage ? page.locale : parts.locale, parts.name), hash);
        continue;
      }
      const parts = parseSitePath(localeConfig.locales, pathPart);
      if (parts && pathPart.split('/')[1] === parts.locale.segment) {
        if (!parts.name || (SITE_SECTIONS as readonly string[]).includes(parts.name)) continue;
        if (finder.hasPagename(parts.name)) {
          checkAnchor(link, finder.shownAt(parts.locale, parts.name), hash);
          continue;
        }
        report(
          ref.isImage ? settings.onBrokenImages : settings.onBrokenLinks,
          page.file,
          link.at,
          ref.isImage ? 'image-missing' : 'link-target-missing',
          `Link to "${url}": there is no page "${parts.name}". Check the page name, or link to a page that exists.`,
        );
        continue;
      }
      // A path from the old site's root that is a file of content/ (an image folder at the top).
      const rootPath = safeDecode(pathPart.slice(1));
      const asset = rootPath && !rootPath.endsWith('/') && !/\.md$/i.test(rootPath) ? assetFor(rootPath) : undefined;
      if (asset) ref.set(asset);
      continue;
    }

    const targetPath = posix.normalize(posix.join(posix.dirname(page.contentPath), safeDecode(pathPart)));
    const outside = targetPath === '..' || targetPath.startsWith('../');
    const looksLikeFile = /\.[a-z0-9]+$/i.test(targetPath) && !/\.(md|html?)$/i.test(targetPath);
    const target = outside || looksLikeFile ? undefined : finder.pageAt(targetPath);
    if (target) {
      ref.set(entryPath(page.locale, target.pagename) + fragment);
      checkAnchor(link, finder.shownAt(page.locale, target.pagename), hash);
      continue;
    }
    const asset = outside ? undefined : assetFor(targetPath);
    if (asset) {
      ref.set(asset + fragment);
      continue;
    }
    if (ref.isImage) {
      report(settings.onBrokenImages, page.file, link.at, 'image-missing', `Image "${url}": no file content/${targetPath} exists. Fix the path, relative to this file, or add the image.`);
    } else {
      report(settings.onBrokenLinks, page.file, link.at, 'link-target-missing', `Link to "${url}": no file content/${targetPath} exists. Fix the path, relative to this file.`);
    }
  }
  return assets;
}

/** The same file in another language's folder: `ja/images/x.png` → `en/images/x.png`. */
function otherLocaleFile<P extends LinkedPage>(
  contentPath: string,
  finder: PageFinder<P>,
  localeConfig: LocaleConfig,
  isFile: (path: string) => boolean,
): string | undefined {
  const neutral = finder.neutralPath(contentPath);
  if (neutral === contentPath) return undefined;
  const folders = [localeConfig.defaultLocale, ...localeConfig.locales].map((locale) => locale.name);
  return folders.map((folder) => `${folder}/${neutral}`).find(isFile);
}
