/** The interface text the search client needs, handed to it through a data attribute. */
import { uiText } from '../i18n/ui-strings.ts';

export interface SearchMessages {
  readonly loading: string;
  /** Contains `{query}`. */
  readonly empty: string;
  /** Contains `{count}` and `{query}`. */
  readonly count: string;
  readonly prompt: string;
  readonly failed: string;
  readonly pasteCount: string;
  readonly noMatch: string;
  readonly searchedFor: string;
  readonly fullText: string;
  readonly linkNormalised: string;
}

export function searchMessages(localeName: string): SearchMessages {
  const raw = (key: Parameters<typeof uiText>[1]) => uiText(localeName, key, { query: '{query}', count: '{count}' });
  return {
    loading: raw('search.loading'),
    empty: raw('search.empty'),
    count: raw('search.count'),
    prompt: raw('search.prompt'),
    failed: raw('search.failed'),
    pasteCount: raw('search.pasteCount'),
    noMatch: raw('search.noMatch'),
    searchedFor: raw('search.searchedFor'),
    fullText: raw('search.fullText'),
    linkNormalised: raw('search.linkNormalised'),
  };
}

/** Fills `{name}` placeholders; the result is text, never markup. */
export function fillMessage(template: string, values: Readonly<Record<string, string | number>>): string {
  return template.replace(/\{(\w+)\}/g, (match, name: string) => (name in values ? String(values[name]) : match));
}
