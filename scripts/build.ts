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
 * when it is not content/_config.yml (as ERRATA_CONFIG does; see content-dir.ts).
 */
import { resolve } from 'node:path';
import { discardManifest, saveManifest } from '../src/lib/build/build-manifest.ts';
import { abandonedCacheFolders } from '../src/lib/build/cache-folder.ts';
import { takeBuildPlan } from '../src/lib/build/build-plan.ts';
import { consoleLogger, rebuildWithoutAstro } from '../src/integrations/rebuild-without-astro.ts';
import { takeConfigFlag } from './config-flag.ts';
import { commitChanges, lockOutput, removeInBackground, removeStaleBuilds, swapIntoPlace, stagingFolder } from '../src/lib/build/atomic-output.ts';

takeConfigFlag('build');
const target = resolve(process.env['ERRATA_OUT_DIR'] ?? 'dist');
try {
  lockOutput(target);
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
}
removeStaleBuilds(target);
const staging = stagingFolder(target, process.pid);
// astro.config.mjs reads the output folder from here; the integration builds upon the output
// being replaced.
process.env['ERRATA_OUT_DIR'] = staging;
process.env['ERRATA_REUSE_FROM'] = target;

let done = false;
// Every way out before the output changes (an error, the content check's exit, Ctrl+C) leaves
// the previous output as it was and removes this build's half.
process.on('exit', (code) => {
  if (done) return;
  removeStaleBuilds(target, { includeOwn: true });
  console.error(`Build ${code === 130 || code === 143 ? 'interrupted' : 'failed'}; ${target} is unchanged.`);
});
process.once('SIGINT', () => process.exit(130));
process.once('SIGTERM', () => process.exit(143));

try {
  // After a content change, the pages are rendered without starting Astro when they can be.
  if (!(await rebuildWithoutAstro(staging, consoleLogger('errata')))) {
    // Astro and Vite, hundreds of modules, load only when needed.
    const { build } = await import('astro');
    await build({ root: process.cwd() });
  }
  const plan = takeBuildPlan();
  if (!plan) throw new Error('The errata integration did not finish the build.');
  // A crash from here on must not leave a manifest that describes the wrong files.
  discardManifest(plan.cacheDir);
  if (plan.deleted) commitChanges(staging, target, plan.deleted);
  else swapIntoPlace(staging, target);
  done = true;
  saveManifest(plan.cacheDir, target, plan.manifest);
  removeInBackground(...abandonedCacheFolders(process.cwd()));
  console.log(`Built into ${target}`);
} catch (error) {
  console.error(error instanceof Error ? (error.stack ?? error.message) : error);
  process.exitCode = 1;
}
