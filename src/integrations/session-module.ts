/**
 * `virtual:errata/session`: how pages get their `PageSession` (see `page-session.ts`). Astro
 * bundles the pages apart from the integration, and runs them in the same process, so the
 * session is handed over there: the integration publishes it, and the module the pages import
 * reads it. This is the one place state crosses from the integration to the pages.
 */
import type { PageSession } from '../lib/site/page-session.ts';

const ID = 'virtual:errata/session';
const RESOLVED = `\0${ID}`;
const SLOT = 'errata.page-session';

type SessionHolder = { [key: symbol]: PageSession | undefined };

/** Makes `session` the one the pages read from now on. */
export function publishSession(session: PageSession): void {
  (globalThis as SessionHolder)[Symbol.for(SLOT)] = session;
}

/** The Vite plugin that provides `virtual:errata/session` to the pages. */
export function sessionModule() {
  return {
    name: 'errata:session',
    resolveId: (id: string) => (id === ID ? RESOLVED : undefined),
    load: (id: string) =>
      id === RESOLVED
        ? `export function session() {
  const current = globalThis[Symbol.for(${JSON.stringify(SLOT)})];
  if (!current) throw new Error('errata: pages were rendered before the errata integration loaded the site.');
  return current;
}`
        : undefined,
  };
}
