/**
 * Where a new entry or a translation goes in the content tree, following how the tree is
 * organised: each language in its folder (`ja/`, `zh_CN/`; the default language at the top when
 * it has no folder, as jekyll-polyglot trees do), and inside it the category's folder
 * (`en/net/`) or the folder of error pages (`errata: entry_folders:`) when the tree has one.
 * Every function here is pure: what exists in the tree is asked through `TreeShape`.
 */
import { type Locale, type LocaleConfig, localeKey } from '../i18n/locales.ts';

export interface TreeShape {
  /** Names of the folders at the top of `content/`. */
  readonly topFolders: readonly string[];
  /** True when the path (relative to `content/`, `/`-separated) is a folder. */
  readonly isFolder: (contentPath: string) => boolean;
}

/**
 * The folder of a language's pages, relative to `content/`: the folder named after it, in the
 * tree's spelling (`zh-CN/` or `zh_CN/`); `''` (the top) for the default language when it has
 * no folder; the locale's name for another language that has none yet.
 * @example localeFolder(ja, config, { topFolders: ['en', 'ja'], … }) === 'ja'
 */
export function localeFolder(locale: Locale, localeConfig: LocaleConfig, tree: TreeShape): string {
  const existing = tree.topFolders.find((name) => localeKey(name) === localeKey(locale.name));
  if (existing !== undefined) return existing;
  return locale === localeConfig.defaultLocale ? '' : locale.name;
}

const join = (...parts: string[]) => parts.filter((part) => part !== '').join('/');

export interface NewEntryPlace {
  readonly locale: Locale;
  readonly pagename: string;
  readonly category: string | undefined;
  /** `errata: entry_folders:`: folders that hold error pages. */
  readonly entryFolders: readonly string[];
}

/**
 * The content path of a new entry: `<language folder>/<category or entry folder>/<pagename>.md`,
 * the middle folder only when the tree has it, in this language or in the default one.
 * @example newEntryPath({ locale: en, pagename: 'x', category: 'net', entryFolders: [] }, config, tree) === 'en/net/x.md' // with en/net/ in the tree
 */
export function newEntryPath(place: NewEntryPlace, localeConfig: LocaleConfig, tree: TreeShape): string {
  const base = localeFolder(place.locale, localeConfig, tree);
  const defaultBase = localeFolder(localeConfig.defaultLocale, localeConfig, tree);
  const inTree = (folder: string) => tree.isFolder(join(base, folder)) || tree.isFolder(join(defaultBase, folder));
  const candidates = [...(place.category ? [place.category] : []), ...place.entryFolders.map((folder) => folder.replace(/^\/+|\/+$/g, ''))];
  const folder = candidates.find((candidate) => candidate !== '' && inTree(candidate)) ?? '';
  return join(base, folder, `${place.pagename}.md`);
}

/**
 * The content path of a translation: the original's path with its language folder changed,
 * so the tree stays mirrored.
 * @example translationPath('en/net/x.md', en, ko, config, tree) === 'ko/net/x.md'
 */
export function translationPath(originalPath: string, from: Locale, to: Locale, localeConfig: LocaleConfig, tree: TreeShape): string {
  const fromFolder = localeFolder(from, localeConfig, tree);
  const rest = fromFolder !== '' && originalPath.startsWith(`${fromFolder}/`) ? originalPath.slice(fromFolder.length + 1) : originalPath;
  return join(localeFolder(to, localeConfig, tree), rest);
}
