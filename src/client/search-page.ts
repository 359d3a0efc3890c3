/**
 * The search page's client. Typed text runs Pagefind's full-text search and the
 * error-signature matcher together; a paste (several lines, or a long line) runs the matcher
 * on the paste's error lines and shows which line matched. When nothing matches well, the
 * page says so, shows what was searched for, and lists full-text results below. The query
 * stays in the URL. Everything is rendered with DOM text APIs; each search is numbered so a
 * stale one never overwrites a newer one; the indexes load on first use.
 */
import { PASTE_HASH, PASTE_STORAGE_KEY } from '../lib/search/paste-handoff.ts';
import { nativeLanguageName } from '../lib/i18n/ui-strings.ts';
import type { ExcerptSegment } from '../lib/search/excerpt.ts';
import { fileStore } from '../lib/search/index-files.ts';
import { GOOD_MATCH, matchErrorLines } from '../lib/search/match-paste.ts';
import { mergeViews, signatureViews, textViews, type ResultView, type TextResult } from '../lib/search/result-views.ts';
import { fillMessage, type SearchMessages } from '../lib/search/search-messages.ts';
import { planSearch } from '../lib/search/search-plan.ts';

interface PagefindResultData {
  readonly url: string;
  readonly excerpt: string;
  readonly meta: Readonly<Record<string, string | undefined>>;
}

interface PagefindApi {
  options(options: Record<string, unknown>): Promise<void>;
  /** Adds another index (a URL to its folder) to every search. */
  mergeIndex(url: string, options: Record<string, unknown>): Promise<void>;
  search(query: string): Promise<{ results: { data(): Promise<PagefindResultData> }[] } | null>;
}

/** Full-text results whose data is loaded and re-ranked. */
const TEXT_RESULTS = 20;
const SIGNATURE_RESULTS = 10;
const TYPING_DELAY_MS = 150;

function toTextResult(data: PagefindResultData): TextResult {
  return {
    url: data.url,
    title: data.meta['title'] ?? data.url,
    error: data.meta['error'] ?? '',
    errors: (data.meta['errors'] ?? '').split('\n').filter(Boolean),
    excerpt: data.excerpt,
    sourceLang: data.meta['source_lang'],
  };
}

function appendSegments(parent: HTMLElement, segments: readonly ExcerptSegment[]): void {
  for (const segment of segments) {
    if (segment.marked) {
      const mark = document.createElement('mark');
      mark.textContent = segment.text;
      parent.append(mark);
    } else {
      parent.append(segment.text);
    }
  }
}

function renderResult(result: ResultView, pageLang: string): HTMLLIElement {
  const item = document.createElement('li');
  item.className = `search-result search-result-${result.source}`;
  const link = document.createElement('a');
  link.href = result.url;
  link.className = 'result-title';
  link.textContent = result.title;
  item.append(link);
  if (result.sourceLang && result.sourceLang.toLowerCase() !== pageLang.toLowerCase()) {
    const badge = document.createElement('span');
    badge.className = 'badge';
    badge.lang = result.sourceLang;
    badge.textContent = nativeLanguageName(result.sourceLang);
    item.append(' ', badge);
  }
  if (result.error && result.error !== result.title) {
    const code = document.createElement('code');
    code.className = 'result-error';
    code.textContent = result.error;
    item.append(code);
  }
  const snippet = document.createElement(result.source === 'signature' ? 'pre' : 'p');
  snippet.className = result.source === 'signature' ? 'result-matched-line' : 'result-excerpt';
  appendSegments(snippet, result.snippet);
  item.append(snippet);
  return item;
}

/** A long paste handed over from a header search box (see `paste-handoff.ts`), once. */
function takeHandedOffPaste(): string | undefined {
  if (location.hash !== PASTE_HASH) return undefined;
  history.replaceState(history.state, '', location.pathname + location.search);
  try {
    const text = sessionStorage.getItem(PASTE_STORAGE_KEY) ?? undefined;
    sessionStorage.removeItem(PASTE_STORAGE_KEY);
    return text;
  } catch {
    return undefined;
  }
}

export function startSearchPage(): void {
  const root = document.querySelector<HTMLElement>('[data-search-page]');
  const form = root?.querySelector('form');
  const input = root?.querySelector<HTMLTextAreaElement>('textarea[name="q"]');
  const status = root?.querySelector<HTMLElement>('[data-testid="search-status"]');
  const list = root?.querySelector<HTMLOListElement>('[data-testid="search-results"]');
  const searchedFor = root?.querySelector<HTMLElement>('[data-testid="searched-for"]');
  const fullTextHeading = root?.querySelector<HTMLElement>('[data-testid="full-text-heading"]');
  const fullTextList = root?.querySelector<HTMLOListElement>('[data-testid="full-text-results"]');
  if (!root || !form || !input || !status || !list || !searchedFor || !fullTextHeading || !fullTextList) return;
  const messages = JSON.parse(root.dataset['messages'] ?? '{}') as SearchMessages;
  const pageLang = document.documentElement.lang;
  const indexBase = new URL(root.dataset['index'] ?? '/', location.href);
  const signatures = fileStore(async (path) => {
    const response = await fetch(new URL(path, indexBase));
    return response.ok ? response.text() : undefined;
  });

  // A large language's index comes in parts (lib/search/index-parts.ts): the first is Pagefind's
  // own, the others are merged into it, and one search covers them all.
  const parts = JSON.parse(root.dataset['searchParts'] ?? '[]') as string[];
  const options = { excerptLength: 24 };
  let pagefind: Promise<PagefindApi> | undefined;
  const loadPagefind = (): Promise<PagefindApi> =>
    (pagefind ??= import(/* @vite-ignore */ new URL('/pagefind/pagefind.js', location.href).href).then(async (api: PagefindApi) => {
      await api.options(options);
      // Result URLs are site paths, as the first part's are (Pagefind prefixes a merged index's with its origin).
      await Promise.all(parts.map((part) => api.mergeIndex(new URL(part, location.href).href, { ...options, baseUrl: '/' })));
      return api;
    }));

  const fullTextOne = async (query: string): Promise<ResultView[]> => {
    const search = await (await loadPagefind()).search(query);
    const loaded = await Promise.all((search?.results ?? []).slice(0, TEXT_RESULTS).map((result) => result.data()));
    return textViews(query, loaded.map(toTextResult));
  };
  /** Results of each query, merged in turn: the first query's best, then the second's, … */
  const fullText = async (queries: readonly string[]): Promise<ResultView[]> => {
    const lists = await Promise.all(queries.filter((query) => query.trim()).map(fullTextOne));
    const interleaved = Array.from({ length: TEXT_RESULTS }, (_, rank) => lists.flatMap((list) => list[rank] ?? [])).flat();
    return mergeViews(interleaved).slice(0, TEXT_RESULTS);
  };

  /** `data-state` on the search root says where a search is: `loading`, `done` or `failed`. */
  const setState = (state: 'loading' | 'done' | 'failed') => {
    root.dataset['state'] = state;
    list.setAttribute('aria-busy', String(state === 'loading'));
  };

  const show = (results: readonly ResultView[], target: HTMLOListElement) =>
    target.replaceChildren(...results.map((result) => renderResult(result, pageLang)));

  const clear = () => {
    list.replaceChildren();
    fullTextList.replaceChildren();
    fullTextHeading.hidden = true;
    searchedFor.hidden = true;
  };

  const keepQueryInUrl = (query: string) => {
    const url = new URL(location.href);
    if (query) url.searchParams.set('q', query);
    else url.searchParams.delete('q');
    history.replaceState(history.state, '', url);
  };

  let generation = 0;
  const run = async (query: string): Promise<void> => {
    const current = ++generation;
    const plan = planSearch(query);
    keepQueryInUrl(query.trim() ? plan.shareable : '');
    if (!query.trim()) {
      clear();
      status.textContent = messages.prompt;
      setState('done');
      return;
    }
    setState('loading');
    status.textContent = messages.loading;
    try {
      const [matches, text] = await Promise.all([
        matchErrorLines(plan.lines, signatures, SIGNATURE_RESULTS, query),
        plan.mode === 'typing' ? fullText(plan.fullTextQueries) : Promise.resolve([]),
      ]);
      if (current !== generation) return;
      const good = signatureViews(matches.filter((match) => match.score >= GOOD_MATCH));
      // Never nothing: pages that share only some of the words are the best candidates there are.
      const candidates = signatureViews(matches.filter((match) => match.score < GOOD_MATCH));
      clear();
      searchedFor.hidden = plan.mode !== 'paste';
      searchedFor.querySelector('code')!.textContent = plan.summary;
      searchedFor.querySelector<HTMLElement>('.link-note')!.hidden = !plan.shareableIsNormalised;

      if (plan.mode === 'typing') {
        const results = mergeViews(good, text, candidates);
        show(results, list);
        status.textContent = results.length === 0 ? fillMessage(messages.empty, { query }) : fillMessage(messages.count, { query, count: results.length });
      } else if (good.length > 0) {
        show(good, list);
        status.textContent = fillMessage(messages.pasteCount, { count: good.length });
      } else {
        // No page matches well: say so above the best candidates, and offer full-text results too.
        searchedFor.hidden = false;
        show(candidates, list);
        const fallback = await fullText(plan.fullTextQueries);
        if (current !== generation) return;
        const more = mergeViews(candidates, fallback).slice(candidates.length);
        fullTextHeading.hidden = more.length === 0;
        show(more, fullTextList);
        status.textContent = candidates.length + more.length === 0 ? fillMessage(messages.empty, { query: plan.summary }) : messages.noMatch;
      }
      setState('done');
    } catch (error) {
      if (current !== generation) return;
      status.textContent = messages.failed;
      setState('failed');
      console.error(error);
    }
  };

  let typingTimer: ReturnType<typeof setTimeout> | undefined;
  input.addEventListener('input', () => {
    clearTimeout(typingTimer);
    typingTimer = setTimeout(() => void run(input.value), TYPING_DELAY_MS);
  });
  // Enter searches; Shift+Enter adds a line. A paste keeps its lines.
  input.addEventListener('keydown', (event) => {
    if (event.key === 'Enter' && !event.shiftKey && !event.isComposing) {
      event.preventDefault();
      form.requestSubmit();
    }
  });
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    clearTimeout(typingTimer);
    void run(input.value);
  });
  input.addEventListener('focus', () => void loadPagefind(), { once: true });

  const initial = takeHandedOffPaste() ?? new URLSearchParams(location.search).get('q') ?? '';
  input.value = initial;
  const headerInput = document.querySelector<HTMLInputElement>('#header-search-input');
  if (headerInput) headerInput.value = initial.split('\n')[0] ?? '';
  if (initial) void run(initial);
  else {
    status.textContent = messages.prompt;
    setState('done');
  }
}
