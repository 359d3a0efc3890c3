/**
 * `npm run new -- "<error message>" [--lang ja] [--category key] [--pagename name]` writes a new
 * entry; `npm run new -- --translate <pagename> --lang ko` writes a translation skeleton of an
 * existing page. Prints the file's path and its URL on the dev server. Never replaces a file.
 * Exit codes: 0 written, 1 refused (the file or pagename exists, no such page to translate,
 * a config that cannot be read), 2 bad usage.
 */
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { contextFromEnvironment } from '../src/lib/context.ts';
import { formatDiagnostic } from '../src/lib/validation/diagnostic.ts';
import { planNewEntry, planTranslation, type Plan, type Refusal } from '../src/lib/authoring/new-entry.ts';
import { readProject, writeNewFile } from '../src/lib/authoring/project.ts';

const USAGE = 'Usage: npm run new -- "<error message>" [--lang <language>] [--category <key>] [--pagename <name>]\n       npm run new -- --translate <pagename> --lang <language>';

function fail(code: 1 | 2, message: string): never {
  console.error(code === 2 ? `${message}\n${USAGE}` : message);
  process.exit(code);
}

let args;
try {
  args = parseArgs({
    allowPositionals: true,
    options: { lang: { type: 'string' }, category: { type: 'string' }, pagename: { type: 'string' }, translate: { type: 'string' }, help: { type: 'boolean', short: 'h' } },
  });
} catch (error) {
  fail(2, (error as Error).message);
}
const { values, positionals } = args;
if (values.help) {
  console.log(USAGE);
  process.exit(0);
}
if (values.translate !== undefined) {
  if (positionals.length > 0) fail(2, '--translate takes a pagename, not an error message: the translation keeps the original\'s.');
  if (values.category !== undefined || values.pagename !== undefined) fail(2, 'A translation keeps the original\'s pagename and category: leave out --category and --pagename.');
  if (values.lang === undefined) fail(2, '--translate needs --lang: the language to translate into.');
} else if (positionals.length !== 1) {
  fail(2, positionals.length === 0 ? 'Give the error message.' : `Give the error message as one argument, in quotes (got ${positionals.length} arguments).`);
}

const { contentDir, rootDir, configFile } = contextFromEnvironment(process.env, process.cwd());
const project = readProject(contentDir, rootDir, configFile);
if (project.sourceErrors.length > 0) {
  fail(1, ['The site\'s config or data has errors; fix them first (npm run check shows them all):', ...project.sourceErrors.slice(0, 5).map(formatDiagnostic)].join('\n'));
}

const plan: Plan | Refusal =
  values.translate !== undefined
    ? planTranslation({ pagename: values.translate, lang: values.lang ?? '' }, project, (file) => readFileSync(file, 'utf8'))
    : planNewEntry({ message: positionals[0] ?? '', lang: values.lang, category: values.category, pagename: values.pagename }, project);
if (!plan.ok) fail(plan.reason === 'usage' ? 2 : 1, plan.message);
if (!writeNewFile(plan.file, plan.text)) fail(1, `${plan.shown} already exists; it is left as it is.`);

for (const note of plan.notes) console.log(`note: ${note}`);
console.log(`Wrote ${plan.shown}`);
console.log(`On the dev server (npm run dev): http://localhost:${process.env['PORT'] ?? 4321}${plan.path}`);
