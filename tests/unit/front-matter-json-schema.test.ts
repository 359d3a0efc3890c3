/**
 * The front matter's JSON Schema for editors: generated from the zod schema the build validates
 * with, it accepts and refuses what the build does, and the committed file is the one
 * `npm run schema` writes for content/.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { DiagnosticSink } from '../../src/lib/validation/diagnostic.ts';
import { parseFrontMatter } from '../../src/lib/content/front-matter.ts';
import { FRONT_MATTER_SCHEMA_FILE, frontMatterJsonSchema, frontMatterJsonSchemaText } from '../../src/lib/validation/front-matter-json-schema.ts';
import { findMarkdownFiles } from '../../src/lib/content/find-files.ts';
import { JEKYLL_IGNORED_FIELDS, KNOWN_FIELDS, makeFrontMatterSchema } from '../../src/lib/validation/front-matter-schema.ts';
import { loadSiteSources } from '../../src/lib/content/site-sources.ts';
import { makeLocaleConfig } from '../../src/lib/i18n/locales.ts';

const ROOT = join(import.meta.dirname, '../..');

describe('the committed schema file', () => {
  it(`is what npm run schema writes for content/ (run it after changing languages, categories or layouts)`, () => {
    const sources = loadSiteSources(join(ROOT, 'content'), ROOT, new DiagnosticSink());
    expect(readFileSync(join(ROOT, FRONT_MATTER_SCHEMA_FILE), 'utf8')).toBe(frontMatterJsonSchemaText(sources));
  });
});

describe('the JSON Schema accepts what the build accepts', () => {
  const options = { locales: makeLocaleConfig(['en', 'ja', 'zh_CN'], 'en').locales, categories: ['python', 'git'], ignoredFields: ['weight'] };
  const zodSchema = makeFrontMatterSchema(options);
  const jsonSchema = z.fromJSONSchema(frontMatterJsonSchema(options) as Parameters<typeof z.fromJSONSchema>[0]);
  const known: readonly string[] = [...KNOWN_FIELDS, ...JEKYLL_IGNORED_FIELDS, ...options.ignoredFields];
  // What `npm run check` accepts: the zod schema, and no unknown key (load-site.ts reports those).
  const buildAccepts = (data: Record<string, unknown>) => zodSchema.safeParse(data).success && Object.keys(data).every((key) => known.includes(key));
  const base = { title: 'ModuleNotFoundError: No module named requests', pagename: 'python-module-not-found', lang: 'en' };

  it.each<[string, Record<string, unknown>, boolean]>([
    ['the three required fields', base, true],
    ['every field', { ...base, layout: 'entry', kind: 'entry', redirect_from: ['/old/', '/x.html'], permalink: '/p/', description: 'One sentence.', category: 'python', errors: ['ImportError: x'] }, true],
    ['another spelling of a language', { ...base, lang: 'zh-cn' }, true],
    ['a Jekyll field and a configured one', { ...base, nav_order: 3, weight: 2 }, true],
    ['a redirect as one path', { ...base, redirect_from: '/old/' }, true],
    ['no title', { pagename: 'x', lang: 'en' }, false],
    ['a blank title', { ...base, title: '   ' }, false],
    ['an unknown language', { ...base, lang: 'jp' }, false],
    ['an unknown category', { ...base, category: 'rust' }, false],
    ['an unknown layout', { ...base, layout: 'post' }, false],
    ['an unknown kind', { ...base, kind: 'guide' }, false],
    ['a pagename with capitals', { ...base, pagename: 'Python' }, false],
    ['a reserved pagename', { ...base, pagename: 'search' }, false],
    ['a pagename that only starts like a reserved one', { ...base, pagename: 'search-index-broken' }, true],
    ['a number as the title', { ...base, title: 1045 }, false],
    ['a description over 300 characters', { ...base, description: 'x'.repeat(301) }, false],
    ['errors as one string', { ...base, errors: 'ImportError: x' }, false],
    ['a redirect that climbs out', { ...base, redirect_from: ['/a/../b/'] }, false],
    ['a redirect with a space', { ...base, redirect_from: '/old path/' }, false],
    ['a misspelt field', { ...base, titel: 'x' }, false],
  ])('%s: %s', (_name, data, accepted) => {
    expect(buildAccepts(data)).toBe(accepted);
    expect(jsonSchema.safeParse(data).success).toBe(accepted);
  });
});

describe('the JSON Schema of a tree accepts its pages', () => {
  it.each(['content', 'tests/fixtures/site-small/content'])('every front matter of %s', (tree) => {
    const contentDir = join(ROOT, tree);
    const sources = loadSiteSources(contentDir, ROOT, new DiagnosticSink());
    const jsonSchema = z.fromJSONSchema(JSON.parse(frontMatterJsonSchemaText(sources)) as Parameters<typeof z.fromJSONSchema>[0]);
    const refused = findMarkdownFiles(contentDir).flatMap((contentPath) => {
      const parsed = parseFrontMatter(readFileSync(join(contentDir, contentPath), 'utf8'), contentPath, new DiagnosticSink());
      const result = parsed ? jsonSchema.safeParse(parsed.data) : undefined;
      return result && !result.success ? [`${contentPath}: ${result.error.message}`] : [];
    });
    expect(refused).toEqual([]);
  });
});
