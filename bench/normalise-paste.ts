/**
 * How long the paste normaliser takes on pastes no one means to search (the inputs of its
 * robustness tests, which bound its work in characters read, not in time):
 *
 *   node bench/normalise-paste.ts [--runs 5]
 *
 * Prints, per kind of input, the characters read and the median time of a run.
 */
import { parseArgs } from 'node:util';
import { extractErrorLines } from '../src/lib/search/normalise-paste.ts';
import { megabytePaste, PATHOLOGICAL_PASTES, randomPastes } from '../tests/fixtures/pastes/hostile-pastes.ts';

const { values } = parseArgs({ options: { runs: { type: 'string', default: '5' } } });
const runs = Math.max(1, Number(values.runs));

const inputs: Record<string, readonly string[]> = {
  '300 random pastes (up to 3,000 characters)': randomPastes(),
  'pathological lines (10,000–60,000 characters)': PATHOLOGICAL_PASTES,
  'a megabyte of random bytes': [megabytePaste()],
};

for (const [name, pastes] of Object.entries(inputs)) {
  const times: number[] = [];
  let characters = 0;
  for (let run = 0; run < runs; run++) {
    const work = { characters: 0 };
    const start = performance.now();
    for (const paste of pastes) extractErrorLines(paste, work);
    times.push(performance.now() - start);
    characters = work.characters;
  }
  const median = times.sort((a, b) => a - b)[Math.floor(times.length / 2)] ?? 0;
  console.log(`${name}: ${characters.toLocaleString('en')} characters read, ${median.toFixed(1)} ms (median of ${runs})`);
}
