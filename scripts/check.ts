/** `npm run check`: validates content/ without building; exits 1 when anything is wrong. */
import { contentDir } from '../src/lib/content/content-dir.ts';
import { loadSite } from '../src/lib/content/load-site.ts';
import { reportSite } from '../src/lib/content/report.ts';
import { Catalog } from '../src/lib/site/catalog.ts';
import { checkSite } from '../src/lib/site/check-site.ts';

/** `npm run check -- <folder>` checks another tree than content/. */
const site = loadSite({ contentDir: process.argv[2] ?? contentDir() });
const catalog = new Catalog(site.pages, site.sources.localeConfig, site.sources.categories);
const { diagnostics } = await checkSite({ site, catalog });
const report = reportSite(site, diagnostics);
for (const line of report.lines) (report.ok ? console.log : console.error)(line);
process.exitCode = report.ok ? 0 : 1;
