/**
 * The search page's client: runs the query from `?q=` on load and as the reader types, keeps
 * the query in the URL, and renders results with DOM text APIs only. Pagefind loads lazily;
 * each search is numbered so a slow, stale one never overwrites a newer one.
 */
import { nativeLanguageName } from '../lib/i18n/ui-strings.ts';
import { excerptSegments } from '../lib/search/excerpt.ts';
import { rankResults } from '../lib/search/rank.ts';
import { fillMessage, type SearchMessages } from '../lib/search/search-messages.ts';

interface PagefindResultData {
  readonly url: string;
  readonly excerpt: string;
  readonly meta: Readonly<Record<string, string | undefined>>;
}

interface PagefindApi {
  options(options: Record<string, unknown>): Promise<void>;
  search(query: string): Promise<{ results: { data(): Promise<PagefindResultData> }[] } | null>;
}

interface ShownResult {
  readonly url: string;
  readonly title: string;
  readonly error: string;
  readonly errors: readonly string[];
  readonly excerpt: string;
  readonly sourceLang: string | undefined;
}

/** Results whose data is loaded and re-ranked; the rest keep Pagefind's order. */
const RERANK_WINDOW = 30;
const PAGE_SIZE = 10;
const TYPING_DELAY_MS = 150;

function toShown(data: PagefindResultData): ShownResult {
  return {
    url: data.url,
    title: data.meta['title'] ?? data.url,
    error: data.meta['error'] ?? '',
    errors: (data.meta['errors'] ?? '').split('\n').filter(Boolean),
    excerpt: data.excerpt,
    sourceLang: data.meta['source_lang'],
  };
}

function renderResult(result: ShownResult, pageLang: string): HTMLLIElement {
  const item = document.createElement('li');
  item.className = 'search-result';
  const link = document.createElement('a');
  link.href = result.url;
  link.className = 'result-title';
  link.textContent = result.title;
  item.append(link);
  if (result.sourceLang && result.sourceLang.toLowerCase() !== pageLang.toLowerCase()) {
    const badge = document.createElement('span');
    badge.className = 'badge';
    badge.textContent = nativeLanguageName(result.sourceLang);
    item.append(' ', badge);
  }
  if (result.error && result.error !== result.title) {
    const code = document.createElement('code');
    code.className = 'result-error';
    code.textContent = result.error;
    item.append(code);
  }
  const excerpt = document.createElement('p');
  excerpt.className = 'result-excerpt';
  for (const segment of excerptSegments(result.excerpt)) {
    if (segment.marked) {
      const mark = document.createElement('mark');
      mark.textContent = segment.text;
      excerpt.append(mark);
    } else {
      excerpt.append(segment.text);
    }
  }
  item.append(excerpt);
  return item;
}

export function startSearchPage(): void {
  const root = document.querySelector<HTMLElement>('[data-search-page]');
  const form = root?.querySelector('form');
  const input = root?.querySelector<HTMLInputElement>('input[name="q"]');
  const status = root?.querySelector<HTMLElement>('[data-testid="search-status"]');
  const list = root?.querySelector<HTMLOListElement>('[data-testid="search-results"]');
  if (!root || !form || !input || !status || !list) return;
  const messages = JSON.parse(root.dataset['messages'] ?? '{}') as SearchMessages;
  const pageLang = document.documentElement.lang;

  let pagefind: Promise<PagefindApi> | undefined;
  const loadPagefind = (): Promise<PagefindApi> =>
    (pagefind ??= import(/* @vite-ignore */ new URL('/pagefind/pagefind.js', location.href).href).then(async (api: PagefindApi) => {
      await api.options({ excerptLength: 24 });
      return api;
    }));

  let generation = 0;
  let moreButton: HTMLButtonElement | undefined;

  const keepQueryInUrl = (query: string) => {
    const url = new URL(location.href);
    if (query) url.searchParams.set('q', query);
    else url.searchParams.delete('q');
    history.replaceState(history.state, '', url);
  };

  /** `data-state` on the search root says where a search is: `loading`, `done` or `failed`. */
  const setState = (state: 'loading' | 'done' | 'failed') => {
    root.dataset['state'] = state;
    list.setAttribute('aria-busy', String(state === 'loading'));
  };

  const run = async (query: string): Promise<void> => {
    const current = ++generation;
    keepQueryInUrl(query);
    moreButton?.remove();
    if (!query.trim()) {
      list.replaceChildren();
      status.textContent = messages.prompt;
      setState('done');
      return;
    }
    setState('loading');
    status.textContent = messages.loading;
    try {
      const api = await loadPagefind();
      const search = await api.search(query);
      if (current !== generation || !search) return;
      const top = await Promise.all(search.results.slice(0, RERANK_WINDOW).map((result) => result.data()));
      if (current !== generation) return;
      const loaded = rankResults(query, top.map(toShown));
      status.textContent =
        search.results.length === 0
          ? fillMessage(messages.empty, { query })
          : fillMessage(messages.count, { query, count: search.results.length });
      list.replaceChildren();
      let shown = 0;
      const showNext = async () => {
        const end = Math.min(shown + PAGE_SIZE, search.results.length);
        if (loaded.length < end) {
          const extra = await Promise.all(search.results.slice(loaded.length, end).map((result) => result.data()));
          if (current !== generation) return;
          loaded.push(...extra.map(toShown));
        }
        list.append(...loaded.slice(shown, end).map((result) => renderResult(result, pageLang)));
        shown = end;
        if (moreButton) moreButton.hidden = shown >= search.results.length;
      };
      if (search.results.length > PAGE_SIZE) {
        moreButton = document.createElement('button');
        moreButton.type = 'button';
        moreButton.className = 'more-results';
        moreButton.textContent = messages.more;
        moreButton.addEventListener('click', () => void showNext());
        list.after(moreButton);
      }
      await showNext();
      if (current === generation) setState('done');
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
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    clearTimeout(typingTimer);
    void run(input.value);
  });
  input.addEventListener('focus', () => void loadPagefind(), { once: true });

  const initial = new URLSearchParams(location.search).get('q') ?? '';
  input.value = initial;
  const headerInput = document.querySelector<HTMLInputElement>('#header-search-input');
  if (headerInput) headerInput.value = initial;
  if (initial) void run(initial);
  else {
    status.textContent = messages.prompt;
    setState('done');
  }
}
