/**
 * The old site's URLs, and where each one goes now. Every old path is decided here:
 *
 * - `/<uid>/` and `/<lang>/<uid>/`, where the UID is the first 8 hex digits of sha1(pagename) —
 *   the old site's permanent links (`?title=…` after them is ignored by hosts and kept by the
 *   redirect page's script);
 * - `redirect_from:` and `permalink:` of a page, and `errata: redirects:` in `_config.yml`.
 *
 * A language's old folder is written every way the old site and its readers spelled it
 * (`zh_CN`, `zh-cn`, `zh-CN`, `zh_cn`). Two claims on one old path, an old path that is a page of
 * this site, and a redirect to no page are errors with their positions.
 */
import { createHash } from 'node:crypto';
import type { Position } from '../validation/diagnostic.ts';
import type { Locale, LocaleConfig } from '../i18n/locales.ts';
import { entryPath, parseSitePath, SITE_SECTIONS } from './routes.ts';

/**
 * The old site's permanent id of a page: the first 8 hex digits of sha1(pagename).
 * @example pageUid('index') === 'e540cdd1'
 */
export function pageUid(pagename: string): string {
  return createHash('sha1').update(pagename, 'utf8').digest('hex').slice(0, 8);
}

/**
 * Every spelling of a language folder in old paths: the configured name, the URL segment, the
 * BCP-47 tag and the name in lowercase, without repeats.
 * @example localeSpellings(zhCN) // ['zh_CN', 'zh-cn', 'zh-CN', 'zh_cn']
 */
export function localeSpellings(locale: Locale): string[] {
  return [...new Set([locale.name, locale.segment, locale.bcp47, locale.name.toLowerCase()])];
}

/**
 * An old path as a site path: a leading `/`, no repeated `/`, and a trailing `/` unless its
 * last segment names a file (`page.html`).
 * @example normaliseOldPath('old//path') === '/old/path/'
 * @example normaliseOldPath('/old/page.html') === '/old/page.html'
 */
export function normaliseOldPath(path: string): string {
  const joined = `/${path.trim()}`.replace(/\/{2,}/g, '/');
  const last = joined.split('/').at(-1) ?? '';
  return last === '' || /\.[a-z0-9]+$/i.test(last) ? joined : `${joined}/`;
}

/** A page as the redirect rules see it. */
export interface RedirectPage {
  readonly file: string;
  readonly locale: Locale;
  readonly pagename: string;
  readonly title: string;
  readonly pagenameAt: Position;
  /** `redirect_from:` paths and the `permalink:`, as written, with their positions. */
  readonly oldPaths: readonly { readonly path: string; readonly at: Position }[];
}

export type RedirectOrigin = 'uid' | 'redirect_from' | 'config';

export interface Redirect {
  /** The old path, as a site path (`/1a2b3c4d/`, `/zh_CN/1a2b3c4d/`, `/old/page.html`). */
  readonly from: string;
  /** The page's path on this site, perhaps with a `#fragment`. */
  readonly to: string;
  /** The language of the page it leads to. */
  readonly locale: Locale;
  readonly title: string;
  readonly origin: RedirectOrigin;
}

export interface RedirectProblem {
  readonly file: string;
  readonly at: Position;
  readonly ruleId: 'redirect-conflict' | 'redirect-shadows-page' | 'redirect-target-missing';
  readonly message: string;
}

/** A configured redirect (`errata: redirects:`), its target already read as a page route. */
export interface ConfiguredTarget {
  readonly from: string;
  readonly file: string;
  readonly at: Position;
  /** `undefined` when the target names no page; `written` is then reported. */
  readonly target: { readonly locale: Locale; readonly pagename: string; readonly title: string; readonly hash: string } | undefined;
  readonly written: string;
}

interface Claim {
  readonly redirect: Redirect;
  readonly file: string;
  readonly at: Position;
  /** Who claims it: one page name in one language, or one configured line. */
  readonly owner: string;
}

/**
 * The old path a `redirect_from:` entry names. On a page in another language than the default
 * it is under that language's folder, as jekyll-polyglot served it — unless it names a
 * language folder already.
 */
export function oldPathsFor(written: string, locale: Locale, config: LocaleConfig): string[] {
  const path = normaliseOldPath(written);
  const first = path.split('/')[1] ?? '';
  const namesLocale = config.locales.some((candidate) => localeSpellings(candidate).some((spelling) => spelling.toLowerCase() === first.toLowerCase()));
  if (namesLocale || locale === config.defaultLocale) return [path];
  return localeSpellings(locale).map((spelling) => `/${spelling}${path}`);
}

/**
 * Every redirect of the site, and every problem with them. `pagenames` are the page names the
 * site has (every one has a page in every locale, translated or not).
 */
export function computeRedirects(
  pages: readonly RedirectPage[],
  config: LocaleConfig,
  configured: readonly ConfiguredTarget[] = [],
): { redirects: Redirect[]; problems: RedirectProblem[] } {
  const problems: RedirectProblem[] = [];
  const pagenames = new Set(pages.map((page) => page.pagename));
  const claims = new Map<string, Claim>();
  const claim = (candidate: Claim) => {
    const key = candidate.redirect.from;
    const shadowed = shadowedPage(key, config, pagenames);
    if (shadowed) {
      problems.push({
        file: candidate.file,
        at: candidate.at,
        ruleId: 'redirect-shadows-page',
        message: `The old path "${key}" is ${shadowed} of this site, so it cannot redirect to ${candidate.redirect.to}. Remove it.`,
      });
      return;
    }
    const existing = claims.get(key);
    if (!existing) {
      claims.set(key, candidate);
      return;
    }
    if (existing.owner === candidate.owner) return;
    problems.push({
      file: candidate.file,
      at: candidate.at,
      ruleId: 'redirect-conflict',
      message: `The old path "${key}" is claimed twice: by ${existing.file} (to ${existing.redirect.to}) and here (to ${candidate.redirect.to}). Keep it on one page.`,
    });
  };

  // UIDs: one per page name, in every language; the page in the default language answers for it.
  const byPagename = new Map<string, RedirectPage[]>();
  for (const page of pages) byPagename.set(page.pagename, [...(byPagename.get(page.pagename) ?? []), page]);
  for (const [pagename, translations] of [...byPagename].sort(([a], [b]) => a.localeCompare(b))) {
    const source = translations.find((page) => page.locale === config.defaultLocale) ?? translations[0];
    if (!source) continue;
    const uid = pageUid(pagename);
    const titleIn = (locale: Locale) => (translations.find((page) => page.locale === locale) ?? source).title;
    const base = { file: source.file, at: source.pagenameAt, owner: `page:${pagename}` };
    claim({ ...base, redirect: { from: `/${uid}/`, to: entryPath(config.defaultLocale, pagename), locale: config.defaultLocale, title: titleIn(config.defaultLocale), origin: 'uid' } });
    for (const locale of config.locales) {
      for (const spelling of localeSpellings(locale)) {
        claim({ ...base, redirect: { from: `/${spelling}/${uid}/`, to: entryPath(locale, pagename), locale, title: titleIn(locale), origin: 'uid' } });
      }
    }
  }

  for (const page of pages) {
    for (const { path, at } of page.oldPaths) {
      for (const from of oldPathsFor(path, page.locale, config)) {
        claim({
          file: page.file,
          at,
          owner: `page:${page.pagename}:${page.locale.name}`,
          redirect: { from, to: entryPath(page.locale, page.pagename), locale: page.locale, title: page.title, origin: 'redirect_from' },
        });
      }
    }
  }

  for (const line of configured) {
    if (!line.target) {
      problems.push({
        file: line.file,
        at: line.at,
        ruleId: 'redirect-target-missing',
        message: `The redirect from "${line.from}" leads to "${line.written}", which is no page of this site. Name a page URL such as /en/some-page/ or a file such as en/some-page.md.`,
      });
      continue;
    }
    const { locale, pagename, title, hash } = line.target;
    claim({
      file: line.file,
      at: line.at,
      owner: `config:${line.from}`,
      redirect: { from: normaliseOldPath(line.from), to: entryPath(locale, pagename) + hash, locale, title, origin: 'config' },
    });
  }

  return { redirects: [...claims.values()].map((entry) => entry.redirect), problems };
}

/** What of the site's own an old path would replace, if anything: "the language home /ja/". */
function shadowedPage(path: string, config: LocaleConfig, pagenames: ReadonlySet<string>): string | undefined {
  if (path === '/') return 'the site\'s home';
  const parts = parseSitePath(config.locales, path);
  if (!parts) return undefined;
  // parseSitePath folds case; only the exact segment is the site's own folder.
  if (path.split('/')[1] !== parts.locale.segment) return undefined;
  if (parts.name === undefined) return `the language home /${parts.locale.segment}/`;
  if (pagenames.has(parts.name)) return `the page ${entryPath(parts.locale, parts.name)}`;
  if ((SITE_SECTIONS as readonly string[]).includes(parts.name)) return `the site's own page /${parts.locale.segment}/${parts.name}/`;
  return undefined;
}

/**
 * Where a link to an old path goes now, for links in pages written against the old site.
 * The query (`?title=…`) is dropped; a `#fragment` is kept.
 */
export function redirectIndex(redirects: readonly Redirect[]): (path: string) => Redirect | undefined {
  const byPath = new Map(redirects.map((redirect) => [redirect.from, redirect]));
  return (path) => {
    const [pathname = ''] = path.split(/[?#]/);
    return byPath.get(pathname) ?? byPath.get(normaliseOldPath(pathname));
  };
}
