/**
 * `npm run new`'s decisions, given the project as read (`project.ts`): which pagename, which
 * language and category, which file, and what goes in it — or why nothing is written. A plan
 * says what to write; the script writes it. Nothing here touches the disk.
 */
import { join } from 'node:path';
import { distance } from 'fastest-levenshtein';
import { findLocale, type Locale } from '../i18n/locales.ts';
import { CATEGORY_PATTERN } from '../validation/front-matter-schema.ts';
import { parseFrontMatter } from '../content/front-matter.ts';
import { DiagnosticSink } from '../validation/diagnostic.ts';
import { entryPath } from '../routing/routes.ts';
import { maskLine } from '../search/mask.ts';
import { freePagename, pagenameProblem, suggestPagenameFromMessage } from './pagename-suggestion.ts';
import { newEntryPath, translationPath } from './placement.ts';
import { hasOwnEntryText } from './entry-text.ts';
import type { ExistingPage, Project } from './project.ts';
import { entryLayout, newEntrySource, readPaste, translationSource } from './skeleton.ts';

/** Why nothing was written: `refused` (exit 1) or bad `usage` (exit 2). */
export interface Refusal {
  readonly ok: false;
  readonly reason: 'refused' | 'usage';
  readonly message: string;
}

export interface Plan {
  readonly ok: true;
  /** Absolute path of the file to create. */
  readonly file: string;
  /** The file as messages show it. */
  readonly shown: string;
  readonly text: string;
  readonly locale: Locale;
  readonly pagename: string;
  /** The page's path on the site (`/ja/x/`). */
  readonly path: string;
  /** What the writer should know: a pagename that was taken, a language without its own text. */
  readonly notes: readonly string[];
}

const refused = (message: string): Refusal => ({ ok: false, reason: 'refused', message });
const usage = (message: string): Refusal => ({ ok: false, reason: 'usage', message });

export interface NewEntryRequest {
  /** The error message as pasted: one line, or a log whose error line is taken. */
  readonly message: string;
  readonly lang?: string | undefined;
  readonly category?: string | undefined;
  /** A pagename chosen by hand instead of the suggestion. */
  readonly pagename?: string | undefined;
}

function resolveLocale(project: Project, spelling: string | undefined): Locale | Refusal {
  const { locales, defaultLocale } = project.sources.localeConfig;
  if (spelling === undefined) return defaultLocale;
  return findLocale(locales, spelling) ?? usage(`Unknown --lang "${spelling}". Use one of: ${locales.map((locale) => locale.name).join(', ')}.`);
}

/** Pages that use a pagename, in any language: a new entry's pagename must be new to all of them. */
function pagesNamed(project: Project, pagename: string): ExistingPage[] {
  return project.pages.filter((page) => page.pagename === pagename);
}

/** The plan for a new entry. */
export function planNewEntry(request: NewEntryRequest, project: Project): Plan | Refusal {
  const paste = readPaste(request.message);
  if (paste.message === '') return usage('The error message is empty. Pass the message as the program prints it, in quotes.');
  const locale = resolveLocale(project, request.lang);
  if ('ok' in locale) return locale;

  const { categories, settings, localeConfig } = project.sources;
  const category = request.category?.trim();
  if (category !== undefined) {
    if (categories !== undefined && !categories.has(category)) {
      return usage(`Unknown --category "${category}". Use one of: ${[...categories.keys()].join(', ')}, or add it to content/_data/categories.yml.`);
    }
    if (!CATEGORY_PATTERN.test(category)) return usage(`Invalid --category "${category}": use a lowercase key such as "python".`);
  }

  const placeOf = (pagename: string) => newEntryPath({ locale, pagename, category, entryFolders: settings.entryFolders }, localeConfig, project.tree);
  const notes: string[] = [];
  let pagename: string;
  if (request.pagename !== undefined) {
    pagename = request.pagename.trim();
    const problem = pagenameProblem(pagename);
    if (problem) return usage(problem);
    const users = pagesNamed(project, pagename);
    if (users.length > 0) {
      const translated = users.some((page) => findLocale(localeConfig.locales, page.lang ?? '') === locale);
      const hint = translated ? '' : `, or write that page's ${locale.name} translation with: npm run new -- --translate ${pagename} --lang ${locale.name}`;
      return refused(`The pagename "${pagename}" is already used by ${users.map((page) => page.file).join(', ')}. Choose another --pagename${hint}.`);
    }
  } else {
    const suggested = suggestPagenameFromMessage(paste.message);
    pagename = freePagename(suggested, (name) => pagesNamed(project, name).length > 0 || project.exists(placeOf(name)));
    if (pagename !== suggested) {
      const taken = pagesNamed(project, suggested)[0]?.file ?? project.shown(placeOf(suggested));
      notes.push(`The suggested pagename "${suggested}" is taken (${taken}), so this entry is "${pagename}". Pass --pagename to choose another.`);
    }
  }

  const contentPath = placeOf(pagename);
  if (project.exists(contentPath)) return refused(`${project.shown(contentPath)} already exists; it is left as it is. Choose another --pagename.`);
  const coveringPages = project.pages.filter((page) => page.messages.some((written) => sameError(written, paste.message)));
  const covering = coveringPages.find((page) => findLocale(localeConfig.locales, page.lang ?? '') === locale) ?? coveringPages[0];
  if (covering) notes.push(`${covering.file} is about the same error ("${paste.message}", as search reads it). If it is the same problem, add to that entry instead.`);
  const layout = entryLayout(settings.layouts);
  return {
    ok: true,
    file: join(project.contentDir, contentPath),
    shown: project.shown(contentPath),
    text: newEntrySource({ paste, pagename, locale, layout, category }),
    locale,
    pagename,
    path: entryPath(locale, pagename),
    notes: [...notes, ...textNotes(locale)],
  };
}

export interface TranslationRequest {
  /** The pagename of the page to translate. */
  readonly pagename: string;
  readonly lang: string;
}

/** The plan for a translation skeleton of the page named `request.pagename`. */
export function planTranslation(request: TranslationRequest, project: Project, read: (file: string) => string): Plan | Refusal {
  const locale = resolveLocale(project, request.lang);
  if ('ok' in locale) return locale;
  const { localeConfig } = project.sources;
  const pagename = request.pagename.trim();
  const named = pagesNamed(project, pagename).flatMap((page) => {
    const pageLocale = findLocale(localeConfig.locales, page.lang ?? '');
    return pageLocale ? [{ page, locale: pageLocale }] : [];
  });
  if (named.length === 0) {
    const closest = [...new Set(project.pages.flatMap((page) => page.pagename ?? []))]
      .map((name) => ({ name, cost: distance(name, pagename) }))
      .sort((a, b) => a.cost - b.cost)[0];
    const hint = closest && closest.cost <= Math.max(2, pagename.length / 4) ? ` Did you mean "${closest.name}"?` : '';
    return refused(`No page has the pagename "${pagename}", so there is nothing to translate.${hint}`);
  }
  const existing = named.find((candidate) => candidate.locale === locale);
  if (existing) return refused(`"${pagename}" already has a ${locale.name} page: ${existing.page.file}. It is left as it is.`);

  // The original: the default language's page, else the first language that has it.
  const original = localeConfig.locales.map((candidate) => named.find((entry) => entry.locale === candidate)).find((entry) => entry !== undefined);
  if (!original) return refused(`No page has the pagename "${pagename}", so there is nothing to translate.`);
  const parsed = parseFrontMatter(read(join(project.contentDir, original.page.contentPath)), original.page.file, new DiagnosticSink());
  if (!parsed) return refused(`${original.page.file} has no front matter that can be read. Run npm run check and fix it first.`);

  const contentPath = translationPath(original.page.contentPath, original.locale, locale, localeConfig, project.tree);
  if (project.exists(contentPath)) return refused(`${project.shown(contentPath)} already exists; it is left as it is.`);
  return {
    ok: true,
    file: join(project.contentDir, contentPath),
    shown: project.shown(contentPath),
    text: translationSource({ data: parsed.data, body: parsed.body, from: original.locale, to: locale }),
    locale,
    pagename,
    path: entryPath(locale, pagename),
    notes: [`Translated from ${original.page.file}: the H1, the code blocks and the error messages are kept; translate the title, the prose and the TODO lines.`, ...textNotes(locale)],
  };
}

/** Two error messages that search reads as one: equal once their variable parts are masked. */
function sameError(a: string, b: string): boolean {
  return maskLine(a).masked.toLowerCase() === maskLine(b).masked.toLowerCase();
}

function textNotes(locale: Locale): string[] {
  return hasOwnEntryText(locale.name) ? [] : [`errata has no section headings in ${locale.name} yet: they are written in English. Add them to src/lib/authoring/entry-text.ts.`];
}
