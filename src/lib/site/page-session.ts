/**
 * What the pages of one build (or of the dev server, after each change) read: the loaded site,
 * which pages to render, and the problems the dev server shows. The integration makes it and
 * the pages import it from the `virtual:errata/session` module (see
 * `src/integrations/session-module.ts`).
 */
import type { Diagnostic } from '../validation/diagnostic.ts';
import type { SiteData } from './site-data.ts';

export interface PageSession {
  readonly data: SiteData;
  /** False for the pages a rebuild keeps from the previous output as they are. */
  shouldRender(path: string): boolean;
  /** Under `npm run dev`, what every page shows of the server's state; undefined in a build. */
  readonly dev: DevState | undefined;
}

/** What the dev server tells its pages after each load of the content. */
export interface DevState {
  /** The problems of the last check. */
  readonly problems: readonly Diagnostic[];
  /**
   * Which load of the content the page was rendered from: a page compares it with the server's
   * (see `src/client/dev-reload.ts`) to reload when it missed the message a change sent.
   */
  readonly version: number;
}

/** The session of a build that renders `data`'s pages, all of them or all but `unchanged`. */
export function buildSession(data: SiteData, unchanged?: ReadonlySet<string>): PageSession {
  return { data, shouldRender: (path) => !unchanged?.has(path), dev: undefined };
}
