/**
 * What JavaScript adds to every page, all progressive: the theme menu, the search shortcut
 * (`/`, Ctrl/Cmd+K) and the copy buttons. Without it, pages read and navigate the same; the
 * controls that need it stay `hidden`. Interface text comes from the page (data attributes),
 * so this file holds no language.
 */
import { isSearchShortcut } from './keyboard.ts';
import { readThemeChoice, THEME_STORAGE_KEY, themeAttribute, type ThemeChoice } from '../lib/site/theme.ts';

function readStoredTheme(): ThemeChoice {
  try {
    return readThemeChoice(localStorage.getItem(THEME_STORAGE_KEY));
  } catch {
    // Storage disabled (privacy settings): the theme follows the system, and is not kept.
    return 'auto';
  }
}

function applyTheme(choice: ThemeChoice): void {
  const attribute = themeAttribute(choice);
  if (attribute) document.documentElement.dataset['theme'] = attribute;
  else delete document.documentElement.dataset['theme'];
  try {
    if (choice === 'auto') localStorage.removeItem(THEME_STORAGE_KEY);
    else localStorage.setItem(THEME_STORAGE_KEY, choice);
  } catch {
    // Not kept across pages when storage is disabled; this page still switches.
  }
}

function startThemeSelect(): void {
  const wrapper = document.querySelector<HTMLElement>('[data-theme-select]');
  const select = wrapper?.querySelector('select');
  if (!wrapper || !select) return;
  select.value = readStoredTheme();
  select.addEventListener('change', () => applyTheme(readThemeChoice(select.value)));
  wrapper.hidden = false;
}

/** The search box the shortcut focuses: the search page's own, else the header's. */
function searchInput(): HTMLInputElement | null {
  return document.querySelector<HTMLInputElement>('#search-input') ?? document.querySelector<HTMLInputElement>('#header-search-input');
}

function startSearchShortcut(): void {
  document.addEventListener('keydown', (event) => {
    if (event.defaultPrevented || !isSearchShortcut(event, document.activeElement as HTMLElement | null)) return;
    const input = searchInput();
    if (!input) return;
    event.preventDefault();
    input.focus();
    input.select();
  });
}

async function writeClipboard(text: string): Promise<boolean> {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    // The Clipboard API needs a secure context and permission; fall back to a selection copy.
    const area = document.createElement('textarea');
    area.value = text;
    area.setAttribute('readonly', '');
    area.style.position = 'fixed';
    area.style.opacity = '0';
    document.body.append(area);
    area.select();
    const copied = document.execCommand('copy');
    area.remove();
    return copied;
  }
}

/** The entry's canonical URL (what "copy link" copies), with an optional section id. */
function canonicalUrl(hash?: string): string {
  const base = document.querySelector<HTMLLinkElement>('link[rel="canonical"]')?.href ?? location.href.split('#')[0] ?? '';
  return hash ? `${base.split('#')[0]}#${hash}` : base;
}

function startCopyButtons(): void {
  const status = document.querySelector<HTMLElement>('[data-copy-status]');
  if (!status) return;
  const announce = (message: string | undefined) => {
    // Clear first, so the same message twice in a row is announced twice.
    status.textContent = '';
    window.setTimeout(() => (status.textContent = message ?? ''), 50);
  };
  const copy = async (text: string, doneMessage: string | undefined, control: HTMLElement) => {
    const copied = await writeClipboard(text);
    announce(copied ? doneMessage : status.dataset['failed']);
    if (copied) {
      control.dataset['copied'] = '';
      window.setTimeout(() => delete control.dataset['copied'], 2000);
    }
  };

  for (const button of document.querySelectorAll<HTMLButtonElement>('button[data-copy]')) {
    button.hidden = false;
    button.addEventListener('click', () => {
      const kind = button.dataset['copy'];
      if (kind === 'code') {
        const code = button.closest('.code-block')?.querySelector('pre')?.textContent ?? '';
        void copy(code.replace(/\n$/, ''), status.dataset['done'], button);
      } else if (kind === 'heading') {
        const heading = document.querySelector('.error-heading')?.textContent?.trim() ?? '';
        void copy(heading, status.dataset['done'], button);
      } else if (kind === 'link') {
        void copy(button.dataset['copyText'] ?? canonicalUrl(), status.dataset['linkDone'], button);
      }
    });
  }
  // Heading anchors stay links (they still move to the section); a click also copies the link,
  // with the id percent-encoded as `hash` gives it, so CJK anchors survive being pasted.
  for (const anchor of document.querySelectorAll<HTMLAnchorElement>('a[data-copy-link]')) {
    anchor.addEventListener('click', () => {
      void copy(canonicalUrl(anchor.hash.slice(1)), status.dataset['linkDone'], anchor);
    });
  }
}

startThemeSelect();
startSearchShortcut();
startCopyButtons();
