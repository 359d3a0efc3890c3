/**
 * Search accuracy on realistic pastes, through the real search page in headless Chromium,
 * side by side with plain Pagefind on the same site. Prints hit@1, hit@5, the share with no
 * result, p50/p95 time from paste to results shown, and the bytes a paste search fetches.
 *
 *   npm run build && npm run bench:search
 *   npm run bench:search -- --dist /tmp/synth/dist --sample 250
 *   npm run bench:search -- --dist /tmp/kb/dist --pastes tests/fixtures/real-kb/holdout
 *
 * Without `--pastes`, the pastes are made from each entry's own error lines (`paste-variants.ts`);
 * with it, they are read from a folder of `.json` files or one file, as the fixtures and the
 * generated catalogs write them (`kb-pastes.ts`): each expects a page name on the languages it
 * lists, and `--sample` keeps about that many per language.
 *
 * Not a test: it prints figures. Needs a built site (`--dist`, default dist/).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import type { Page, Response } from 'playwright-core';
import { startStaticServer } from '../src/server/static-server.ts';
import type { SignatureRecord } from '../src/lib/search/signature-index.ts';
import { launchBrowser } from '../tests/helpers/browser.ts';
import { pasteVariants, random } from './paste-variants.ts';
import { readPastes } from '../tests/helpers/kb-pastes.ts';

const { values } = parseArgs({
  options: {
    dist: { type: 'string', default: 'dist' },
    locales: { type: 'string', default: 'en,ja,ko,zh-cn' },
    sample: { type: 'string', default: '0' },
    'cold-samples': { type: 'string', default: '20' },
    pastes: { type: 'string' },
  },
});
const dist = resolve(values.dist);

interface Paste {
  readonly kind: string;
  readonly text: string;
  readonly expected: string;
}

/** Entries of a locale, read back from the built signature index. */
function records(segment: string): SignatureRecord[] {
  const folder = join(dist, 'errata-search', segment, 'd');
  return readdirSync(folder)
    .map((name) => Number.parseInt(name, 10))
    .sort((a, b) => a - b)
    .flatMap((id) => JSON.parse(readFileSync(join(folder, `${id}.json`), 'utf8')) as SignatureRecord[]);
}

/** The locale name (`zh_CN`) of a URL segment (`zh-cn`). */
const localeOfSegment = (segment: string) => segment.replace(/-(\w+)$/, (_, region: string) => `_${region.toUpperCase()}`);

function pastesFor(segment: string): Paste[] {
  if (values.pastes) {
    const written = readPastes(resolve(values.pastes)).filter((paste) => paste.locales.includes(localeOfSegment(segment)));
    const sample = Number(values.sample);
    const next = random(7);
    const kept = sample > 0 && sample < written.length ? written.filter(() => next() < sample / written.length) : written;
    return kept.map((paste) => ({ kind: paste.kind, text: paste.text, expected: `/${segment}/${paste.expected}/` }));
  }
  const all = records(segment);
  const sample = Number(values.sample);
  const next = random(99);
  const chosen = sample > 0 && sample < all.length ? all.filter(() => next() < sample / all.length) : all;
  return chosen.flatMap((record, i) =>
    record.signatures.flatMap((signature, j) => pasteVariants(signature, i * 31 + j).map((variant) => ({ ...variant, expected: record.url }))),
  );
}

interface Outcome {
  readonly rank: number; // 0-based position of the expected URL, -1 when absent
  readonly none: boolean;
  readonly ms: number;
}

/** Runs one paste through the page's own search, as a reader submitting it would. */
async function searchPage(page: Page, text: string): Promise<{ urls: string[]; ms: number }> {
  return page.evaluate(async (query) => {
    const root = document.querySelector<HTMLElement>('[data-search-page]')!;
    const input = root.querySelector('textarea')!;
    const started = performance.now();
    input.value = query;
    root.querySelector('form')!.requestSubmit();
    while (root.dataset['state'] === 'loading') await new Promise((done) => setTimeout(done, 1));
    const ms = performance.now() - started;
    const urls = [...root.querySelectorAll('[data-testid="search-results"] a, [data-testid="full-text-results"] a')].map((a) => a.getAttribute('href') ?? '');
    return { urls, ms };
  }, text);
}

/** The same text through plain Pagefind, as a stock Pagefind search box would run it. */
async function plainPagefind(page: Page, text: string): Promise<{ urls: string[]; ms: number }> {
  return page.evaluate(async (query) => {
    const started = performance.now();
    const url = '/pagefind/pagefind.js';
    const pagefind = await import(url);
    // A large language's index comes in parts, all of which a search must cover (merged once).
    const holder = window as unknown as { partsMerged?: Promise<unknown> };
    const parts = JSON.parse(document.querySelector<HTMLElement>('[data-search-page]')?.dataset['searchParts'] ?? '[]') as string[];
    await (holder.partsMerged ??= Promise.all(parts.map((part) => pagefind.mergeIndex(part, { baseUrl: '/' }))));
    const search = await pagefind.search(query);
    const data = await Promise.all(search.results.slice(0, 5).map((result: { data(): Promise<{ url: string }> }) => result.data()));
    return { urls: data.map((d: { url: string }) => d.url), ms: performance.now() - started };
  }, text);
}

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor((sorted.length - 1) * p))] ?? 0;
function summarise(outcomes: Outcome[]) {
  const n = outcomes.length || 1;
  const times = outcomes.map((o) => o.ms).sort((a, b) => a - b);
  return {
    hit1: (100 * outcomes.filter((o) => o.rank === 0).length) / n,
    hit5: (100 * outcomes.filter((o) => o.rank >= 0 && o.rank < 5).length) / n,
    none: (100 * outcomes.filter((o) => o.none).length) / n,
    p50: percentile(times, 0.5),
    p95: percentile(times, 0.95),
  };
}

const server = await startStaticServer({ root: dist, port: 0 });
const browser = await launchBrowser();
const page = await browser.context.newPage();
const pct = (value: number) => `${value.toFixed(1)}%`.padStart(7);
console.log(`site: ${dist}`);
console.log('locale pastes |  errata: hit@1   hit@5    none  p50ms  p95ms | pagefind: hit@1   hit@5    none');
const byKind = new Map<string, Outcome[]>();
for (const segment of values.locales.split(',')) {
  const pastes = pastesFor(segment);
  await page.goto(`${server.url}/${segment}/search/`);
  await page.locator('[data-search-page][data-state="done"]').waitFor();
  const ours: Outcome[] = [];
  const theirs: Outcome[] = [];
  // errata's searches first, then plain Pagefind's: Pagefind's worker would otherwise still be
  // busy with its last search while errata's next one is timed.
  for (const paste of pastes) {
    const a = await searchPage(page, paste.text);
    const outcome = { rank: a.urls.indexOf(paste.expected), none: a.urls.length === 0, ms: a.ms };
    ours.push(outcome);
    byKind.set(paste.kind, [...(byKind.get(paste.kind) ?? []), outcome]);
  }
  for (const paste of pastes) {
    const b = await plainPagefind(page, paste.text);
    theirs.push({ rank: b.urls.indexOf(paste.expected), none: b.urls.length === 0, ms: b.ms });
  }
  const o = summarise(ours);
  const t = summarise(theirs);
  console.log(
    `${segment.padEnd(6)} ${String(pastes.length).padStart(6)} |  ${pct(o.hit1)} ${pct(o.hit5)} ${pct(o.none)} ${o.p50.toFixed(0).padStart(6)} ${o.p95.toFixed(0).padStart(6)} | ${pct(t.hit1)} ${pct(t.hit5)} ${pct(t.none)}`,
  );
}
console.log('\nby kind (all locales): hit@1 / hit@5 / none');
for (const [kind, outcomes] of byKind) {
  const s = summarise(outcomes);
  console.log(`  ${kind.padEnd(10)} ${String(outcomes.length).padStart(6)} ${pct(s.hit1)} ${pct(s.hit5)} ${pct(s.none)}`);
}

// Bytes a paste search fetches on a fresh page (nothing cached): meta, shards and chunks.
const segment = values.locales.split(',')[0] ?? 'en';
const samples = pastesFor(segment).filter((paste) => paste.kind === 'traceback').slice(0, Number(values['cold-samples']));
const bytes: number[] = [];
for (const paste of samples) {
  await page.goto(`${server.url}/${segment}/search/`);
  await page.locator('[data-search-page][data-state="done"]').waitFor();
  await page.evaluate(() => performance.clearResourceTimings());
  await searchPage(page, paste.text);
  bytes.push(
    await page.evaluate(() =>
      performance
        .getEntriesByType('resource')
        .filter((entry) => entry.name.includes('/errata-search/'))
        .reduce((sum, entry) => sum + (entry as PerformanceResourceTiming).encodedBodySize, 0),
    ),
  );
}
bytes.sort((a, b) => a - b);
console.log(`\nbytes fetched by a paste search (${segment}, cold, ${bytes.length} tracebacks): median ${(percentile(bytes, 0.5) / 1024).toFixed(1)} KiB, p95 ${(percentile(bytes, 0.95) / 1024).toFixed(1)} KiB (uncompressed JSON)`);

// Typed words on a fresh page: the full-text search loads Pagefind and every part of the
// language's index (in Pagefind's worker). Time to results shown, bytes of every /pagefind/
// file the search read (from the network or the browser's cache), and the entry first.
const typedRecords = records(segment).filter((_, index) => index % 97 === 0).slice(0, Number(values['cold-samples']));
const typed: Outcome[] = [];
const typedBytes: number[] = [];
const warm: Outcome[] = [];
const titleWords = (record: SignatureRecord) =>
  [...new Set(record.title.split(/[^\p{L}\p{N}_]+/u).filter((word) => word.length >= 4))].sort((a, b) => b.length - a.length).slice(0, 3).join(' ');
for (const [index, record] of typedRecords.entries()) {
  await page.goto(`${server.url}/${segment}/search/`);
  await page.locator('[data-search-page][data-state="done"]').waitFor();
  const reads: Promise<number>[] = [];
  const onResponse = (response: Response) => {
    if (response.url().includes('/pagefind/')) reads.push(response.body().then((body) => body.length, () => 0));
  };
  page.on('response', onResponse);
  const result = await searchPage(page, titleWords(record));
  page.off('response', onResponse);
  typedBytes.push((await Promise.all(reads)).reduce((sum, size) => sum + size, 0));
  typed.push({ rank: result.urls.indexOf(record.url), none: result.urls.length === 0, ms: result.ms });
  // A second search on the same page: Pagefind and its parts are loaded, the words' chunks are not.
  const next = typedRecords[(index + 1) % typedRecords.length] ?? record;
  const again = await searchPage(page, titleWords(next));
  warm.push({ rank: again.urls.indexOf(next.url), none: again.urls.length === 0, ms: again.ms });
}
const typedSummary = summarise(typed);
const warmSummary = summarise(warm);
typedBytes.sort((a, b) => a - b);
console.log(
  `typed words (${segment}, cold, ${typed.length} entries' titles): hit@1 ${pct(typedSummary.hit1)}, p50 ${typedSummary.p50.toFixed(0)} ms, p95 ${typedSummary.p95.toFixed(0)} ms, ` +
    `Pagefind bytes median ${(percentile(typedBytes, 0.5) / 1024).toFixed(1)} KiB, p95 ${(percentile(typedBytes, 0.95) / 1024).toFixed(1)} KiB`,
);
console.log(`typed words again on the same page: hit@1 ${pct(warmSummary.hit1)}, p50 ${warmSummary.p50.toFixed(0)} ms, p95 ${warmSummary.p95.toFixed(0)} ms`);
await browser.close();
await server.close();
