/** Hands a multi-line paste in the header search box to the search page, lines intact. */
import { handoff, isMultiLinePaste, PASTE_STORAGE_KEY } from '../lib/search/paste-handoff.ts';

const form = document.querySelector<HTMLFormElement>('[data-testid="header-search"]');
const input = form?.querySelector<HTMLInputElement>('input[name="q"]');
input?.addEventListener('paste', (event) => {
  const text = event.clipboardData?.getData('text/plain') ?? '';
  if (!form || !isMultiLinePaste(text)) return;
  event.preventDefault();
  const { url, stored } = handoff(form.getAttribute('action') ?? '/', text);
  if (stored !== undefined) {
    try {
      sessionStorage.setItem(PASTE_STORAGE_KEY, stored);
    } catch {
      // Storage disabled: the first lines still travel in the URL.
      location.assign(handoff(form.getAttribute('action') ?? '/', stored.slice(0, 2000)).url);
      return;
    }
  }
  location.assign(url);
});
