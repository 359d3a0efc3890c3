/**
 * Paste accuracy on a knowledge-base fixture with errata's matcher in memory (no build, no
 * browser): per locale hit@1, hit@5 and no result, then every miss. The browser figures, next
 * to plain Pagefind, come from `bench/search-accuracy.ts` on the built fixture.
 *
 *   npm run bench:kb                       # tests/fixtures/real-kb, its pastes/
 *   npm run bench:kb -- --pastes holdout   # the pastes kept aside
 */
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { evaluatePastes, readPastes, summarise } from '../tests/helpers/kb-pastes.ts';

const { values } = parseArgs({
  options: {
    fixture: { type: 'string', default: 'tests/fixtures/real-kb' },
    pastes: { type: 'string', default: 'pastes' },
    quiet: { type: 'boolean', default: false },
  },
});
const fixture = resolve(values.fixture);
const outcomes = await evaluatePastes(join(fixture, 'content'), readPastes(join(fixture, values.pastes)));
const pct = (value: number) => `${value.toFixed(1)}%`.padStart(7);
console.log(`${fixture} (${values.pastes})`);
console.log('locale  pastes   hit@1   hit@5    none');
for (const locale of [...new Set(outcomes.map((o) => o.locale))]) {
  const s = summarise(outcomes.filter((o) => o.locale === locale));
  console.log(`${locale.padEnd(7)} ${String(s.n).padStart(6)} ${pct(s.hit1)} ${pct(s.hit5)} ${pct(s.none)}`);
}
const byKind = new Map<string, typeof outcomes>();
for (const outcome of outcomes) byKind.set(outcome.paste.kind, [...(byKind.get(outcome.paste.kind) ?? []), outcome]);
console.log('\nby kind (all locales): pastes, hit@1, hit@5, none');
for (const [kind, list] of byKind) {
  const s = summarise(list);
  console.log(`  ${kind.padEnd(10)} ${String(s.n).padStart(6)} ${pct(s.hit1)} ${pct(s.hit5)} ${pct(s.none)}`);
}
if (!values.quiet) {
  console.log('\nmisses:');
  for (const o of outcomes.filter((outcome) => outcome.rank !== 0)) {
    console.log(`- [${o.locale}] expected ${o.paste.expected} (${o.paste.kind}), rank ${o.rank}; got ${o.urls.slice(0, 3).join(' ')}\n    ${o.paste.text.split('\n').slice(0, 4).join('\n    ')}`);
  }
}
