/// <reference types="vite/client" />
/**
 * Under `npm run dev`: after a change, the server reloads the open pages with a message on
 * Vite's socket. A page that was loading at that moment has no socket yet and never gets it,
 * and would show the content from before the change until reloaded by hand. So each page asks
 * the server which load of the content is current when it starts and whenever its socket
 * (re)connects, and reloads itself when it was rendered from an older one. Between the two
 * asks, no message can be missed: the socket is open.
 */
import { CONTENT_VERSION_PATH, isStale } from '../lib/site/dev-reload.ts';

const rendered = document.documentElement.dataset['contentVersion'];

async function reloadIfStale(): Promise<void> {
  try {
    const response = await fetch(CONTENT_VERSION_PATH, { cache: 'no-store' });
    if (response.ok && isStale(rendered, await response.text())) location.reload();
  } catch {
    // The server is restarting: Vite's client reloads the page when it is back.
  }
}

void reloadIfStale();
import.meta.hot?.on('vite:ws:connect', () => void reloadIfStale());
