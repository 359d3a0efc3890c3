/** `npm run check`: validates content/ without building; exits 1 when anything is wrong. */
import { loadSite } from '../src/lib/content/load-site.ts';
import { reportSite } from '../src/lib/content/report.ts';

const contentDir = process.argv[2];
const report = reportSite(loadSite(contentDir ? { contentDir } : {}));
for (const line of report.lines) (report.ok ? console.log : console.error)(line);
process.exitCode = report.ok ? 0 : 1;
