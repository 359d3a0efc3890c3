/**
 * What a build hands to `scripts/build.ts` once everything is written: how to put the staging
 * folder in place (swap it, or apply it as changes), and the manifest to record after.
 */
import type { BuildManifest } from './build-manifest.ts';

export interface BuildPlan {
  readonly cacheDir: string;
  readonly manifest: BuildManifest;
  /**
   * On a rebuild, files of the previous output that are gone: the staging folder holds only
   * what changed and is applied over the output. Undefined for a full build, swapped in whole.
   */
  readonly deleted: readonly string[] | undefined;
}
