/**
 * `npm run lookup -- [--lang ja] [--dist dist] [file]`: the search page's paste matcher in the
 * terminal. Reads the paste from the file, or from stdin when there is none (or it is `-`),
 * reads the built site's signature index, and prints the best entries with their URLs and
 * scores. Exits 0 when an entry matches well, 1 when none does, 2 on bad usage.
 */
import { readFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { loadSiteSources } from '../src/lib/content/site-sources.ts';
import { DiagnosticSink } from '../src/lib/validation/diagnostic.ts';
import { contextFromEnvironment } from '../src/lib/context.ts';
import { findLocale } from '../src/lib/i18n/locales.ts';
import { absoluteUrl, signatureIndexPath } from '../src/lib/routing/routes.ts';
import { fileStore } from '../src/lib/search/index-files.ts';
import { GOOD_MATCH, matchPaste } from '../src/lib/search/match-paste.ts';
import { normalisedSummary } from '../src/lib/search/normalise-paste.ts';

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: { lang: { type: 'string' }, dist: { type: 'string', default: 'dist' }, limit: { type: 'string', default: '5' } },
});

const { contentDir, rootDir, configFile } = contextFromEnvironment(process.env, process.cwd());
const sources = loadSiteSources(contentDir, rootDir, new DiagnosticSink(), configFile);
const { locales, defaultLocale } = sources.localeConfig;
const locale = values.lang ? findLocale(locales, values.lang) : defaultLocale;
if (!locale) {
  console.error(`Unknown --lang "${values.lang}". Use one of: ${locales.map((l) => l.name).join(', ')}.`);
  process.exit(2);
}

async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

const file = positionals[0];
const paste = file && file !== '-' ? await readFile(file, 'utf8') : await readStdin();
const folder = join(resolve(values.dist), signatureIndexPath(locale));
const store = fileStore(async (path) => readFile(join(folder, path), 'utf8').catch((error: NodeJS.ErrnoException) => {
  if (error.code === 'ENOENT') return undefined;
  throw error;
}));

let result;
try {
  result = await matchPaste(paste, store, Number(values.limit));
} catch (error) {
  console.error(`${(error as Error).message} (looked in ${folder})`);
  process.exit(2);
}
const { lines, matches } = result;
console.log(`Searched for (${locale.name}):`);
for (const line of normalisedSummary(lines).split('\n')) console.log(`  ${line}`);
console.log('');
const good = matches.filter((match) => match.score >= GOOD_MATCH);
if (good.length === 0) console.log('No entry matches this error well.');
for (const match of matches) {
  const mark = match.score >= GOOD_MATCH ? '' : '  (weak)';
  console.log(`${Math.min(1, match.score).toFixed(2)}  ${absoluteUrl(sources.siteUrl, match.record.url)}${mark}`);
  console.log(`      ${match.record.title}${match.record.sourceLang !== locale.bcp47 ? ` [${match.record.sourceLang}]` : ''}`);
  console.log(`      matched line ${match.line.index + 1}: ${match.line.text.slice(0, 160)}`);
}
process.exitCode = good.length > 0 ? 0 : 1;
