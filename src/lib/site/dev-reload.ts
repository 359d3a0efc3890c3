/**
 * Under `npm run dev`, a page knows which load of the content it was rendered from (the
 * `data-content-version` of its `<html>`), and the server answers the current one here.
 */
export const CONTENT_VERSION_PATH = '/_errata/content-version';

/** The page script that compares them, by its path in the project, which the dev server's Vite serves. */
export const DEV_RELOAD_SCRIPT = '/src/client/dev-reload.ts';

/** Whether a page rendered from load `rendered` shows older content than the server's `current` answer. */
export function isStale(rendered: string | undefined, current: string): boolean {
  return rendered !== undefined && current.trim() !== '' && current.trim() !== rendered;
}
