/**
 * The documentation sidebar's behaviour (see `lib/site/sidebar.ts`), all progressive:
 *
 * - below 64rem, the "Menu" button shows and hides it (`aria-expanded`); Escape closes it and
 *   gives the focus back to the button;
 * - a closed section of a large tree holds one stand-in link until it is opened: its items are
 *   then loaded from the section's fragment (same-origin JSON) and built with DOM APIs, text as
 *   text; "All N pages" loads the rest of a long level in place;
 * - a current page low in a long sidebar is scrolled into its view.
 *
 * Without JavaScript the sidebar follows the content, and every link works.
 */
import type { SidebarEntry } from '../lib/site/sidebar.ts';

const WIDE = '(min-width: 64rem)';

function startToggle(nav: HTMLElement): void {
  const button = document.querySelector<HTMLButtonElement>('[data-sidebar-toggle]');
  if (!button) return;
  const setOpen = (open: boolean) => {
    button.setAttribute('aria-expanded', String(open));
    nav.toggleAttribute('data-open', open);
  };
  button.hidden = false;
  button.addEventListener('click', () => setOpen(button.getAttribute('aria-expanded') !== 'true'));
  document.addEventListener('keydown', (event) => {
    if (event.key !== 'Escape' || button.getAttribute('aria-expanded') !== 'true' || matchMedia(WIDE).matches) return;
    setOpen(false);
    button.focus();
  });
}

async function loadEntries(url: string): Promise<readonly SidebarEntry[]> {
  const response = await fetch(url);
  if (!response.ok) throw new Error(`${url}: HTTP ${response.status}`);
  return ((await response.json()) as { entries: readonly SidebarEntry[] }).entries;
}

/** The markup of `SidebarList.astro`, for one entry. */
function entryItem(entry: SidebarEntry): HTMLLIElement {
  const item = document.createElement('li');
  if (entry.kind === 'link') {
    const link = item.appendChild(document.createElement('a'));
    link.setAttribute('href', entry.href);
    link.textContent = entry.label;
    if (entry.lang) link.lang = entry.lang;
    if (entry.external) link.rel = 'external';
    if (!entry.external && entry.href === location.pathname) link.setAttribute('aria-current', 'page');
  } else if (entry.kind === 'label') {
    const caption = item.appendChild(document.createElement('span'));
    caption.className = 'sidebar-caption';
    caption.textContent = entry.label;
  } else if (entry.kind === 'group') {
    const details = item.appendChild(document.createElement('details'));
    const summary = details.appendChild(document.createElement('summary'));
    summary.textContent = entry.label;
    if (entry.lang) summary.lang = entry.lang;
    if (entry.fragment) details.dataset['navFragment'] = entry.fragment;
    if (entry.entries.length > 0) details.append(entryList(entry.entries));
  }
  // A fragment holds whole levels: it has no "more" entry.
  return item;
}

function entryList(entries: readonly SidebarEntry[]): HTMLUListElement {
  const list = document.createElement('ul');
  list.append(...entries.map(entryItem));
  return list;
}

function startLoading(nav: HTMLElement): void {
  // `toggle` does not bubble: listen while it goes down.
  nav.addEventListener(
    'toggle',
    (event) => {
      const details = event.target;
      if (!(details instanceof HTMLDetailsElement) || !details.open) return;
      const url = details.dataset['navFragment'];
      if (!url) return;
      delete details.dataset['navFragment'];
      loadEntries(url).then(
        (entries) => {
          const standIn = details.querySelector(':scope > ul');
          if (standIn) standIn.replaceWith(entryList(entries));
          else details.append(entryList(entries));
        },
        (error: unknown) => console.warn('The sidebar section could not be loaded; its link stays.', error),
      );
    },
    true,
  );
  nav.addEventListener('click', (event) => {
    const more = (event.target as Element).closest<HTMLElement>('[data-nav-more]');
    const item = more?.parentElement;
    const url = more?.dataset['navMore'];
    if (!more || !item || !url) return;
    event.preventDefault();
    const before = Number(more.dataset['navBefore']);
    const after = Number(more.dataset['navAfter']);
    loadEntries(url).then(
      (entries) => {
        const shown = item.parentElement?.firstElementChild;
        const tail = entries.slice(entries.length - after).map(entryItem);
        shown?.before(...entries.slice(0, before).map(entryItem));
        item.replaceWith(...tail);
        // The first page that was not shown after the window, else the level's first.
        (tail[0] ?? shown?.parentElement?.firstElementChild)?.querySelector<HTMLElement>('a, summary')?.focus();
      },
      (error: unknown) => console.warn('The rest of the sidebar level could not be loaded.', error),
    );
  });
}

/** In a sidebar taller than the screen, the current page's link is brought into its view. */
function showCurrent(nav: HTMLElement): void {
  const current = nav.querySelector<HTMLElement>('[aria-current="page"]');
  if (!current || nav.scrollHeight <= nav.clientHeight) return;
  const top = current.getBoundingClientRect().top - nav.getBoundingClientRect().top;
  if (top > nav.clientHeight * 0.7) nav.scrollTop += top - nav.clientHeight / 3;
}

const nav = document.querySelector<HTMLElement>('[data-sidebar]');
if (nav) {
  startToggle(nav);
  startLoading(nav);
  for (const button of nav.querySelectorAll<HTMLButtonElement>('button[data-nav-more]')) button.hidden = false;
  showCurrent(nav);
}
