/**
 * The Astro integration that makes a build an errata build: the content check runs before
 * anything is rendered and stops the build on any error; the search index is written after.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { reportSite } from '../lib/content/report.ts';
import { redirectsFile } from '../lib/routing/host-rules.ts';
import { clearSiteData, getSiteData } from '../lib/site/site-data.ts';
import { writeSearchIndex } from './search-index.ts';

export default function errata(): AstroIntegration {
  return {
    name: 'errata',
    hooks: {
      'astro:config:setup': ({ logger }) => {
        clearSiteData();
        const report = reportSite(getSiteData().site);
        const problems = report.lines.slice(0, -1);
        for (const line of problems) console.error(line);
        if (!report.ok) {
          // The lines above already say everything; a stack trace would only hide them.
          logger.error(report.lines.at(-1) ?? 'Content check failed.');
          process.exit(1);
        }
        logger.info(report.lines.at(-1) ?? '');
      },
      'astro:build:done': async ({ dir, logger }) => {
        const { catalog, site } = getSiteData();
        const outDir = fileURLToPath(dir);
        writeFileSync(join(outDir, '_redirects'), redirectsFile(site.sources.localeConfig.locales));
        const expected = new Map<string, number>();
        for (const route of catalog.routes()) expected.set(route.locale.segment, (expected.get(route.locale.segment) ?? 0) + 1);
        const summary = await writeSearchIndex(outDir, expected);
        logger.info(summary);
      },
    },
  };
}
