/**
 * Pastes of a knowledge base's fixture (`tests/fixtures/real-kb/pastes/*.json`, or `holdout/`),
 * and their evaluation with errata's own matcher over the site's paste index, in memory: the
 * same code the search page runs, without a browser. Used by `bench/kb-accuracy.ts` and the
 * integration test.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import { loadSite } from '../../src/lib/content/load-site.ts';
import { buildLocaleIndexes, catalogSignatures } from '../../src/lib/search/catalog-signatures.ts';
import { matchPaste, memoryStore } from '../../src/lib/search/match-paste.ts';
import { Catalog } from '../../src/lib/site/catalog.ts';

export interface KbPaste {
  readonly expected: string;
  readonly locales: readonly string[];
  readonly kind: string;
  readonly text: string;
  /** The file it came from. */
  readonly group: string;
}

/** Every paste of the `.json` files in `path`, or of the file `path`. */
export function readPastes(path: string): KbPaste[] {
  const files = statSync(path).isDirectory()
    ? readdirSync(path)
        .filter((name) => name.endsWith('.json'))
        .sort()
        .map((name) => join(path, name))
    : [path];
  return files.flatMap((file) => (JSON.parse(readFileSync(file, 'utf8')) as Omit<KbPaste, 'group'>[]).map((paste) => ({ ...paste, group: basename(file, '.json') })));
}

export interface Outcome {
  readonly paste: KbPaste;
  readonly locale: string;
  /** 0-based rank of the expected page, -1 when absent from the first 10. */
  readonly rank: number;
  readonly none: boolean;
  readonly urls: readonly string[];
}

/** Runs every paste on every locale it names, against the site in `contentDir`. */
export async function evaluatePastes(contentDir: string, pastes: readonly KbPaste[]): Promise<Outcome[]> {
  const site = loadSite({ contentDir, rootDir: resolve(import.meta.dirname, '../..') });
  const catalog = new Catalog(site.pages, site.sources.localeConfig, site.sources.categories);
  const signatures = catalogSignatures(catalog);
  const indexes = buildLocaleIndexes(signatures);
  const outcomes: Outcome[] = [];
  for (const { locale } of signatures) {
    const store = memoryStore(indexes.get(locale.name)!);
    for (const paste of pastes) {
      if (!paste.locales.includes(locale.name)) continue;
      const { matches } = await matchPaste(paste.text, store, 10);
      const urls = matches.map((match) => match.record.url);
      outcomes.push({ paste, locale: locale.name, rank: urls.indexOf(`/${locale.segment}/${paste.expected}/`), none: urls.length === 0, urls });
    }
  }
  return outcomes;
}

/** hit@1, hit@5 and no-result shares, in percent. */
export function summarise(outcomes: readonly Outcome[]): { n: number; hit1: number; hit5: number; none: number } {
  const n = outcomes.length || 1;
  return {
    n: outcomes.length,
    hit1: (100 * outcomes.filter((o) => o.rank === 0).length) / n,
    hit5: (100 * outcomes.filter((o) => o.rank >= 0 && o.rank < 5).length) / n,
    none: (100 * outcomes.filter((o) => o.none).length) / n,
  };
}
