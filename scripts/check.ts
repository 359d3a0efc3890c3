/**
 * `npm run check -- [folder] [--config file] [--format text|json|lines] [--report file]`:
 * validates the content tree (content/, or `folder`) without building; exits 1 when anything is
 * wrong. `text` groups the problems by rule; `json` prints the JSON report; `lines` prints every
 * problem as `path:line:column: message [rule]`. The JSON report is also written to a file
 * (`errata-report.json` in the working directory, or `--report`), whose path is printed.
 */
import { parseArgs } from 'node:util';
import { writeFileAtomic } from '../src/lib/build/write-atomic.ts';
import { contextFromEnvironment, shownPath } from '../src/lib/context.ts';
import { formatDiagnostic } from '../src/lib/validation/diagnostic.ts';
import { loadSite } from '../src/lib/content/load-site.ts';
import { reportJson, reportSite } from '../src/lib/validation/report.ts';
import { Catalog } from '../src/lib/site/catalog.ts';
import { checkSite } from '../src/lib/validation/check-site.ts';

const FORMATS = ['text', 'json', 'lines'];
let args;
try {
  args = parseArgs({ allowPositionals: true, options: { config: { type: 'string' }, format: { type: 'string', default: 'text' }, report: { type: 'string' } } });
} catch (error) {
  console.error(`${(error as Error).message}\nUsage: npm run check -- [folder] [--config file] [--format ${FORMATS.join('|')}] [--report file]`);
  process.exit(2);
}
const { values, positionals } = args;
if (!FORMATS.includes(values.format)) {
  console.error(`--format must be one of ${FORMATS.join(', ')}, not "${values.format}".`);
  process.exit(2);
}

const context = contextFromEnvironment(process.env, process.cwd(), { contentDir: positionals[0], configFile: values.config, reportFile: values.report });
const site = loadSite(context);
const catalog = new Catalog(site.pages, site.sources.localeConfig, site.sources.categories);
const { diagnostics } = await checkSite({ site, catalog });
const json = reportJson(site, diagnostics);
const file = context.reportFile;
writeFileAtomic(file, `${JSON.stringify(json, null, 2)}\n`);

if (values.format === 'json') {
  console.log(JSON.stringify(json, null, 2));
} else if (values.format === 'lines') {
  for (const diagnostic of diagnostics) console.log(formatDiagnostic(diagnostic));
} else {
  const report = reportSite(site, diagnostics, shownPath(file, context.rootDir));
  for (const line of report.lines) (report.ok ? console.log : console.error)(line);
}
process.exitCode = json.ok ? 0 : 1;
