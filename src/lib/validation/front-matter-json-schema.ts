/**
 * The front matter's JSON Schema, for editors and other tools: generated from the zod schema the
 * build validates with (`front-matter-schema.ts`, via `z.toJSONSchema`, as written: `io: 'input'`), for one
 * site's languages, layouts and categories. zod's refinements have no JSON Schema form, so what
 * they check is added here from the same constants: the pagename pattern and reserved names, the
 * configured languages, layouts and categories, redirect paths, and the fields that are accepted
 * and ignored (anything else is an unknown key, as `npm run check` reports it).
 */
import { z } from 'zod';
import { localeKey } from '../i18n/locales.ts';
import {
  CATEGORY_PATTERN,
  JEKYLL_IGNORED_FIELDS,
  makeFrontMatterSchema,
  PAGE_KINDS,
  PAGENAME_PATTERN,
  REDIRECT_PATH_PATTERN,
  RESERVED_PAGENAMES,
  type SchemaOptions,
} from './front-matter-schema.ts';
import { DEFAULT_LAYOUTS } from '../content/settings.ts';
import type { SiteSources } from '../content/site-sources.ts';

export interface JsonSchemaOptions extends SchemaOptions {
  /** `errata: ignore_front_matter:`: more fields accepted and ignored. */
  readonly ignoredFields?: readonly string[];
}

type JsonObject = Record<string, unknown>;

/** What each field means, for editors' hovers; docs/writing-entries.md's table says the same. */
const DESCRIPTIONS: Readonly<Record<string, string>> = {
  layout: 'How the page is rendered: "default" lets the page decide (an error entry when its H1 is the error message in backticks), "entry" an error entry, "page" a documentation page.',
  kind: 'Overrides what the page is, whatever its layout and H1: "entry" (an error entry, listed in the catalog) or "page" (documentation).',
  redirect_from: 'Old paths of the page (a path or a list: /old/path/, /old/page.html), each redirected here.',
  permalink: "The page's URL on the old Jekyll site; redirected here (ignored when it has :placeholders).",
  title: 'The page title in <title>, link previews and catalog lists. Usually the error, shortened. Quote it if it contains ": ".',
  pagename: 'The permanent identity of the page and of all its translations, and its URL (/<locale>/<pagename>/). Never rename it: links in support threads depend on it.',
  lang: "The page's language: one of the configured locales.",
  description: 'One sentence (at most 300 characters) for link previews and the meta description. Defaults to the error message.',
  category: 'A category key from content/_data/categories.yml. Entries without one are listed under "Other".',
  errors: 'Other error messages the entry covers (other versions\' wording, other platforms). Matched by search like the heading.',
};

/**
 * A pattern that matches `name` in any case, as front matter may spell a locale (`zh-cn`, `ZH_CN`).
 * @example caseInsensitive('zh_CN') === '[zZ][hH][-_][cC][nN]'
 */
function caseInsensitive(name: string): string {
  return [...localeKey(name)].map((char) => (char === '_' ? '[-_]' : /[a-z]/.test(char) ? `[${char}${char.toUpperCase()}]` : escapeRegExp(char))).join('');
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** The JSON Schema of a site's front matter, in draft-07, which editor tools read most widely. */
export function frontMatterJsonSchema(options: JsonSchemaOptions): JsonObject {
  const { locales, categories, layouts = DEFAULT_LAYOUTS, ignoredFields = [] } = options;
  const generated = z.toJSONSchema(makeFrontMatterSchema(options), { io: 'input', target: 'draft-07' }) as JsonObject & { properties: Record<string, JsonObject> };
  const properties = generated.properties;
  const add = (field: string, constraints: JsonObject) => {
    properties[field] = { description: DESCRIPTIONS[field], ...properties[field], ...constraints };
  };
  add('layout', { enum: Object.keys(layouts) });
  add('kind', { enum: [...PAGE_KINDS] });
  // Lookaheads rather than `not`, which some validators (zod's own `fromJSONSchema`) do not read.
  const redirectPath = { type: 'string', pattern: `^(?!(?:.*/)?\\.\\.(?:/|$))${REDIRECT_PATH_PATTERN.source.slice(1)}` };
  add('redirect_from', { anyOf: [redirectPath, { type: 'array', items: redirectPath }] });
  add('permalink', {});
  add('title', { pattern: '\\S' });
  add('pagename', { pattern: `^(?!(?:${RESERVED_PAGENAMES.map(escapeRegExp).join('|')})$)${PAGENAME_PATTERN.source.slice(1)}` });
  // The configured names, for completion, or any spelling of them (`zh-cn`); written apart
  // from zod's `type`, which some validators read instead of the `anyOf` beside it.
  const spellings = `^\\s*(?:${locales.map((locale) => caseInsensitive(locale.name)).join('|')})\\s*$`;
  properties['lang'] = { description: DESCRIPTIONS['lang'], anyOf: [{ type: 'string', enum: locales.map((locale) => locale.name) }, { type: 'string', pattern: spellings }] };
  add('description', {});
  add('category', categories === undefined ? { pattern: CATEGORY_PATTERN.source } : { enum: [...categories] });
  add('errors', {});
  for (const field of [...JEKYLL_IGNORED_FIELDS, ...ignoredFields]) {
    properties[field] ??= { description: 'Accepted and ignored: a field of Jekyll or its themes with no meaning here.' };
  }
  return {
    $schema: generated['$schema'],
    title: 'errata front matter',
    description: 'The front matter of a page under content/. Generated by npm run schema from src/lib/validation/front-matter-schema.ts and the site config: do not edit.',
    type: 'object',
    properties,
    required: generated['required'],
    additionalProperties: false,
  };
}

/** Where `npm run schema` writes the schema of `content/`, relative to the project. */
export const FRONT_MATTER_SCHEMA_FILE = 'schemas/front-matter.schema.json';

/** The schema of the site whose sources are `sources`, as the file holds it. */
export function frontMatterJsonSchemaText(sources: Pick<SiteSources, 'localeConfig' | 'categories' | 'settings'>): string {
  const schema = frontMatterJsonSchema({
    locales: sources.localeConfig.locales,
    categories: sources.categories ? [...sources.categories.keys()] : undefined,
    layouts: sources.settings.layouts,
    ignoredFields: sources.settings.ignoredFields,
  });
  return `${JSON.stringify(schema, null, 2)}\n`;
}
