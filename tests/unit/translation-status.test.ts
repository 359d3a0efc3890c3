import { describe, expect, it } from 'vitest';
import type { LastChange } from '../../src/lib/content/git-history.ts';
import type { Page } from '../../src/lib/content/page.ts';
import { makeLocaleConfig } from '../../src/lib/i18n/locales.ts';
import { summarize, translationRows, translationState } from '../../src/lib/site/translation-status.ts';

const config = makeLocaleConfig(['en', 'ja', 'ko', 'zh_CN'], 'en');
const [en, ja, ko, zh] = config.locales as [typeof config.locales[0], typeof config.locales[0], typeof config.locales[0], typeof config.locales[0]];
const page = (locale: typeof en, pagename: string) => ({ locale, pagename, contentPath: `${locale.name}/${pagename}.md` }) as Page;
const at = (iso: string): LastChange => ({ date: new Date(iso), source: 'git' });

describe('translation status', () => {
  it('tells a translation older than its source from one changed with or after it', () => {
    expect(translationState(at('2026-02-01T00:00:00Z'), at('2026-01-01T00:00:00Z'))).toBe('outdated');
    expect(translationState(at('2026-02-01T00:00:00Z'), at('2026-02-01T00:00:00Z'))).toBe('current');
    expect(translationState(at('2026-02-01T00:00:00Z'), undefined)).toBe('translated');
  });

  it('gives each page name a row, one cell per locale, against the default locale\'s version', () => {
    const pages = { a: [page(en, 'a'), page(ja, 'a'), page(ko, 'a')], b: [page(ko, 'b')] };
    const changes: Record<string, string> = { 'en/a.md': '2026-02-01T00:00:00Z', 'ja/a.md': '2026-01-01T00:00:00Z', 'ko/a.md': '2026-03-01T00:00:00Z', 'ko/b.md': '2026-01-01T00:00:00Z' };
    const rows = translationRows(['a', 'b'], (name) => pages[name as 'a' | 'b'], config, (p) => (changes[p.contentPath] ? at(changes[p.contentPath] ?? '') : undefined));
    expect(rows.map((row) => [row.pagename, row.source.locale.name, row.cells.map((cell) => cell.state)])).toEqual([
      ['a', 'en', ['source', 'outdated', 'current', 'missing']],
      // Only in Korean: Korean is the source the others would translate.
      ['b', 'ko', ['missing', 'missing', 'source', 'missing']],
    ]);
    expect(summarize(rows, [ja, zh]).map((summary) => [summary.locale.name, summary.counts])).toEqual([
      ['ja', { source: 0, current: 0, outdated: 1, translated: 0, missing: 1 }],
      ['zh_CN', { source: 0, current: 0, outdated: 0, translated: 0, missing: 2 }],
    ]);
  });
});
