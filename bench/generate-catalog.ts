/**
 * Writes a synthetic catalog for benchmarks only: N entries per locale over the four default
 * locales, shaped like real entries (front matter with `errors:`, an error heading, sections,
 * a traceback in a fenced block, a console block, `{% include product %}`, links to other
 * entries), each with a distinct error message made from a seeded vocabulary.
 *
 *   node bench/generate-catalog.ts --per-locale 1000 --out /tmp/errata-synthetic
 */
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { syntheticEntries } from './synthetic-entries.ts';

const { values } = parseArgs({
  options: { 'per-locale': { type: 'string', default: '1000' }, out: { type: 'string', default: '/tmp/errata-synthetic' } },
});
const perLocale = Number(values['per-locale']);
const out = resolve(values.out);
const content = join(out, 'content');
rmSync(out, { recursive: true, force: true });

const LOCALES = ['en', 'ja', 'ko', 'zh_CN'] as const;
mkdirSync(join(content, '_includes'), { recursive: true });
mkdirSync(join(content, '_data'), { recursive: true });
writeFileSync(join(content, '_includes', 'product'), 'Errata Workbench');
writeFileSync(join(content, '_config.yml'), `title: errata synthetic\nurl: https://bench.errata.example\nlanguages: ["en", "ja", "ko", "zh_CN"]\ndefault_lang: en\n`);

const entries = syntheticEntries(perLocale);
const categories = [...new Set(entries.map((entry) => entry.category))];
writeFileSync(join(content, '_data', 'categories.yml'), categories.map((key) => `${key}:\n  en: ${key}\n`).join(''));

let files = 0;
let bytes = 0;
for (const locale of LOCALES) {
  const folder = join(content, locale, 'errors');
  mkdirSync(folder, { recursive: true });
  for (const entry of entries) {
    const text = entry.markdown(locale);
    writeFileSync(join(folder, `${entry.pagename}.md`), text);
    files++;
    bytes += Buffer.byteLength(text);
  }
}
console.log(`${files} entries (${perLocale} per locale) in ${content}, ${(bytes / 1024 / 1024).toFixed(1)} MiB of Markdown`);
