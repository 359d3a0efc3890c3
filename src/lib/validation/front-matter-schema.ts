/**
 * The front-matter schema: every field an entry may have, what it means and why it exists.
 * One schema, built per site because `lang` depends on the configured locales.
 */
import { z } from 'zod';
import { findLocale, type Locale } from '../i18n/locales.ts';
import { DEFAULT_LAYOUTS, type LayoutKind } from '../content/settings.ts';

/**
 * What a page is. An `entry` documents one error and is listed in the catalog and searched by
 * its error; a `page` is documentation (a guide, a folder's index, a landing page).
 */
export type PageKind = 'entry' | 'page';
export const PAGE_KINDS: readonly PageKind[] = ['entry', 'page'];

/**
 * Old paths of a page (`redirect_from:`), as jekyll-redirect-from writes them: site paths
 * such as `/old/path/` or `/old/page.html`. A path without a leading `/` is read from the root.
 */
export const REDIRECT_PATH_PATTERN = /^\/?[^\s?#]*$/;

/** `pagename`: lowercase letters and digits, then `.`, `_` or `-` as well. */
export const PAGENAME_PATTERN = /^[a-z0-9][a-z0-9._-]*$/;

/** Category keys follow the same rule as page names, so they can be URL segments. */
export const CATEGORY_PATTERN = PAGENAME_PATTERN;

/** Page names that would collide with the site's own pages under `/<locale>/` or at the root. */
export const RESERVED_PAGENAMES = ['search', '404', 'category', 'categories', 'a-z', 'translations', 'pagefind', 'assets', '_astro'];

const requiredString = (field: string, example: string) =>
  z
    .string({
      error: (issue) =>
        issue.input === undefined
          ? `Missing required field "${field}". Add a line such as ${example} to the front matter.`
          : `"${field}" must be text, but it is ${describeValue(issue.input)}. Put the value in double quotes.`,
    })
    .trim()
    .min(1, { error: `"${field}" is empty. Write a value, for example ${example}.` });

/** A readable name for a YAML value's type in messages. */
export function describeValue(value: unknown): string {
  if (value === null) return 'empty';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'a set of key: value pairs';
  return `a ${typeof value} (${JSON.stringify(value)})`;
}

export interface SchemaOptions {
  readonly locales: readonly Locale[];
  /** Layout names and what they render as; the defaults when not given. */
  readonly layouts?: Readonly<Record<string, LayoutKind>>;
  /** Category keys known from `_data/categories.yml`; `undefined` accepts any well-formed key. */
  readonly categories: readonly string[] | undefined;
}

const pathList = (field: string) =>
  z
    .union(
      [
        z.string().transform((path) => [path]),
        z.array(z.string({ error: (issue) => `Each item of "${field}" must be a path such as /old/path/, but one is ${describeValue(issue.input)}.` })),
      ],
      { error: (issue) => `"${field}" must be a path or a list of paths such as /old/path/, but it is ${describeValue(issue.input)}.` },
    )
    .refine((paths) => paths.every((path) => REDIRECT_PATH_PATTERN.test(path.trim()) && !path.split('/').includes('..')), {
      error: `Each path of "${field}" must be a site path such as /old/path/ or /old/page.html, without spaces, "?", "#" or "..".`,
    });

export function makeFrontMatterSchema({ locales, categories, layouts = DEFAULT_LAYOUTS }: SchemaOptions) {
  const localeNames = locales.map((locale) => locale.name).join(', ');
  const layoutNames = Object.keys(layouts).join(', ');
  return z.object({
    /**
     * How the page is rendered (see `settings.ts`): `entry`, `page`, or `auto` — decided by
     * the page itself (`kind:`, an H1 written as code, `errors:`). `default` is `auto`,
     * because Jekyll trees use it for error pages and guides alike.
     */
    layout: z
      .string({ error: () => `"layout" must be text: one of ${layoutNames}.` })
      .default('default')
      .refine((name) => Object.hasOwn(layouts, name), {
        error: (issue) =>
          `Unknown layout "${String(issue.input)}". Use one of: ${layoutNames}, or name it in content/_config.yml under "errata: layouts:" (e.g. "${String(issue.input)}: page").`,
      })
      .transform((name) => layouts[name] as LayoutKind),
    /**
     * Overrides what the page is, whatever its layout and H1: `entry` (an error entry, listed
     * in the catalog) or `page` (documentation).
     */
    kind: z
      .enum(PAGE_KINDS as [PageKind, ...PageKind[]], { error: (issue) => `Unknown kind ${JSON.stringify(issue.input)}. Use "entry" or "page".` })
      .optional(),
    /**
     * Old paths that keep working: each gets a redirect to this page (a static page and a
     * `_redirects` line). In a non-default language a path is under that language's folder
     * (`/old/` on a `ja` page is `/ja/old/`), as jekyll-polyglot served it, unless it starts
     * with a language already.
     */
    redirect_from: pathList('redirect_from').optional(),
    /**
     * Jekyll's permalink: the page's URL on the old site, which becomes one more old path that
     * redirects here. Permalinks with placeholders (`/:title/`) are ignored.
     */
    permalink: z.string({ error: (issue) => `"permalink" must be a path such as /old/path/, but it is ${describeValue(issue.input)}.` }).optional(),
    /** The page's title: `<title>`, link previews and catalog lists. Usually the error, shortened. */
    title: requiredString('title', '"title: ModuleNotFoundError: No module named requests"'),
    /**
     * The permanent identity of the page and of all its translations, and its URL
     * (`/<locale>/<pagename>/`). Never rename it: links in support threads depend on it.
     */
    pagename: requiredString('pagename', '"pagename: python-module-not-found"').refine(
      (name) => PAGENAME_PATTERN.test(name),
      {
        error: (issue) =>
          `Invalid pagename "${String(issue.input)}": use lowercase letters, digits, ".", "_" and "-" only, starting with a letter or digit (for example "${suggestPagename(String(issue.input))}").`,
      },
    ).refine((name) => !RESERVED_PAGENAMES.includes(name), {
      error: (issue) =>
        `The pagename "${String(issue.input)}" is reserved for the site's own pages (${RESERVED_PAGENAMES.join(', ')}). Choose another.`,
    }),
    /** The page's language: one of the configured locales; `zh_CN` and `zh-CN` are one locale. */
    lang: requiredString('lang', '"lang: en"')
      .refine((spelling) => findLocale(locales, spelling) !== undefined, {
        error: (issue) => `Unknown lang "${String(issue.input)}". Use one of: ${localeNames}.`,
      })
      .transform((spelling) => findLocale(locales, spelling) as Locale),
    /** One sentence for link previews (`og:description`) and search excerpts. */
    description: z
      .string({ error: (issue) => `"description" must be text, but it is ${describeValue(issue.input)}.` })
      .trim()
      .max(300, { error: '"description" is longer than 300 characters. Shorten it to one sentence.' })
      .optional(),
    /** The key of the category the entry is browsed under, defined in `_data/categories.yml`. */
    category: z
      .string({ error: (issue) => `"category" must be a category key, but it is ${describeValue(issue.input)}.` })
      .trim()
      .refine((key) => CATEGORY_PATTERN.test(key), {
        error: (issue) => `Invalid category "${String(issue.input)}": use a lowercase key such as "python".`,
      })
      .refine((key) => categories === undefined || categories.includes(key), {
        error: (issue) =>
          `Unknown category "${String(issue.input)}". Use one of: ${(categories ?? []).join(', ')}, or add it to content/_data/categories.yml.`,
      })
      .optional(),
    /**
     * Other error messages this entry covers (other versions' wording, other platforms).
     * Search matches them as it matches the heading; the entry page lists them.
     */
    errors: z
      .array(
        z
          .string({ error: (issue) => `Each item of "errors" must be text, but one is ${describeValue(issue.input)}. Quote it.` })
          .trim()
          .min(1, { error: 'An item of "errors" is empty. Remove it or write the error message.' }),
        { error: (issue) => `"errors" must be a list of error messages, but it is ${describeValue(issue.input)}. Write one "- message" per line.` },
      )
      .default([]),
  });
}

export type FrontMatterSchema = ReturnType<typeof makeFrontMatterSchema>;
/** Front matter as written. */
export type FrontMatterInput = z.input<FrontMatterSchema>;
/** Front matter after validation: `lang` resolved to a locale, `layout` to a page kind. */
export type FrontMatter = z.output<FrontMatterSchema>;

/** The field names the schema knows, for reporting unknown keys. */
export const KNOWN_FIELDS = ['layout', 'title', 'pagename', 'lang', 'description', 'category', 'errors', 'kind', 'redirect_from', 'permalink'] as const;

/**
 * Fields of Jekyll and its common themes (just-the-docs' navigation keys and the like) that
 * have no meaning here: accepted and ignored, so a migrated tree builds unchanged.
 * `errata: ignore_front_matter:` in `_config.yml` adds more.
 */
export const JEKYLL_IGNORED_FIELDS = [
  'nav_order',
  'parent',
  'grand_parent',
  'has_children',
  'has_toc',
  'nav_exclude',
  'search_exclude',
  'toc',
  'sitemap',
  'date',
  'last_modified_at',
  'tags',
  'author',
  'excerpt',
  'image',
] as const;

/**
 * A valid page name close to what was written: lowercase, spaces to `-`.
 * @example suggestPagename('My Page') === 'my-page'
 */
export function suggestPagename(written: string): string {
  const suggestion = written
    .toLowerCase()
    .replace(/[^a-z0-9._-]+/g, '-')
    .replace(/^[^a-z0-9]+/, '')
    .replace(/-+$/, '');
  return suggestion || 'my-error-entry';
}
