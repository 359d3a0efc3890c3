/**
 * Which pages this build renders. A full build renders all of them; a rebuild skips the pages
 * whose fingerprint did not change: they stay in the output as they are. Shared through
 * `globalThis` because Astro bundles the pages apart from the integration that decides.
 */
const PLAN = Symbol.for('errata.render-plan');
type PlanHolder = { [PLAN]?: ReadonlySet<string> };

/** Skips the pages at these paths from now on (`undefined`: renders all). */
export function setUnchangedPages(paths: ReadonlySet<string> | undefined): void {
  if (paths) (globalThis as PlanHolder)[PLAN] = paths;
  else delete (globalThis as PlanHolder)[PLAN];
}

export function shouldRender(path: string): boolean {
  return !(globalThis as PlanHolder)[PLAN]?.has(path);
}
