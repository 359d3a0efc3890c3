/**
 * `npm run build` (started by scripts/build.mjs): builds the site into a fresh folder beside the
 * output and puts it in place only when the whole build (check, pages, search indexes)
 * succeeded. A failed or interrupted build leaves the previous output exactly as it was; a
 * half-written folder from a killed build is removed by the next one. Astro runs in this
 * process, so killing the build kills all of it.
 *
 * A build after a first one is incremental (src/integrations/incremental-build.ts): only what
 * changed is rendered and written, and applied over the output at the end. Under the same code,
 * it renders without starting Astro (src/integrations/rebuild-without-astro.ts).
 *
 * The output folder is `dist/`, or ERRATA_OUT_DIR. `--config <file>` names the site's config
 * when it is not content/_config.yml (as ERRATA_CONFIG does; see src/lib/context.ts).
 */
import { astroConfig } from '../src/integrations/astro-config.ts';
import { prepareBuild } from '../src/integrations/build-steps.ts';
import { IncrementalBuild } from '../src/integrations/incremental-build.ts';
import { consoleLogger, rebuildWithoutAstro } from '../src/integrations/rebuild-without-astro.ts';
import { commitChanges, lockOutput, removeInBackground, removeStaleBuilds, swapIntoPlace, stagingFolder } from '../src/lib/build/atomic-output.ts';
import { discardManifest, saveManifest } from '../src/lib/build/build-manifest.ts';
import type { BuildPlan } from '../src/lib/build/build-plan.ts';
import { abandonedCacheFolders } from '../src/lib/build/cache-folder.ts';
import { ContentCheckFailed } from '../src/lib/build/content-check-failed.ts';
import { contextWithConfigFlag } from './config-flag.ts';

const asked = contextWithConfigFlag('build');
const target = asked.outDir;
try {
  lockOutput(target);
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
}
removeStaleBuilds(target);
// The build writes into a staging folder and builds upon the output it replaces.
const context = { ...asked, outDir: stagingFolder(target, process.pid) };

let done = false;
// Every way out before the output changes (an error, the content check, Ctrl+C) leaves
// the previous output as it was and removes this build's half.
process.on('exit', (code) => {
  if (done) return;
  removeStaleBuilds(target, { includeOwn: true });
  console.error(`Build ${code === 130 || code === 143 ? 'interrupted' : 'failed'}; ${target} is unchanged.`);
});
process.once('SIGINT', () => process.exit(130));
process.once('SIGTERM', () => process.exit(143));

try {
  // The content is loaded and checked before anything starts rendering; a failed check throws.
  const logger = consoleLogger('errata');
  const incremental = new IncrementalBuild(context, target);
  const prepared = await prepareBuild(context, logger, incremental);
  // After a content change, the pages are rendered without starting Astro when they can be.
  let plan: BuildPlan | undefined = await rebuildWithoutAstro(context, prepared, incremental, logger);
  if (!plan) {
    // Astro and Vite, hundreds of modules, load only when needed.
    const { build } = await import('astro');
    await build({ ...astroConfig(context, { prepared, incremental, onBuilt: (built) => (plan = built) }), configFile: false });
  }
  if (!plan) throw new Error('The errata integration did not finish the build.');
  // A crash from here on must not leave a manifest that describes the wrong files.
  discardManifest(plan.cacheDir);
  if (plan.deleted) commitChanges(context.outDir, target, plan.deleted);
  else swapIntoPlace(context.outDir, target);
  done = true;
  saveManifest(plan.cacheDir, target, plan.manifest);
  removeInBackground(...abandonedCacheFolders(context.rootDir));
  console.log(`Built into ${target}`);
} catch (error) {
  // The content check's problems are printed already: its summary is all that is left to say.
  if (error instanceof ContentCheckFailed) console.error(error.message);
  else console.error(error instanceof Error ? (error.stack ?? error.message) : error);
  process.exitCode = 1;
}
