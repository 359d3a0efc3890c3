/** `npm run check`: validates content/ without building; exits 1 when anything is wrong. */
import { contentDir } from '../src/lib/content/content-dir.ts';
import { loadSite } from '../src/lib/content/load-site.ts';
import { reportSite } from '../src/lib/content/report.ts';

/** `npm run check -- <folder>` checks another tree than content/. */
const report = reportSite(loadSite({ contentDir: process.argv[2] ?? contentDir() }));
for (const line of report.lines) (report.ok ? console.log : console.error)(line);
process.exitCode = report.ok ? 0 : 1;
