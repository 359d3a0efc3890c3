/**
 * Paste → ranked pages. Retrieval is OR: every page that shares an indexed token with any
 * error line of the paste is a candidate. Candidates are scored by how well the best paste line
 * and one of the page's error lines cover each other (rare tokens weigh more; covering the
 * page's line counts most, so a one-word line does not win every paste that has the word). A
 * line of the page's code weighs a little less than the page's own error. The best candidates
 * are then re-ranked by what the paste says besides the line: the quoted names and paths that
 * name a page, the order of the words, and the context (loggers, frames' modules, tools) of the
 * page's example logs. The same code runs in the browser, the CLI and the build's check; only
 * the store that reads the index files differs.
 */
import { contextTokens, pasteValues } from './context-tokens.ts';
import { extractErrorLines, type ErrorLine } from './normalise-paste.ts';
import { signatureTokens, tokenShard, tokenWeight, VALUE_POSTING, type Chunk, type IndexMeta, type Shard, type SignatureRecord } from './signature-index.ts';
import { maskLine } from './mask.ts';
import { errorTokens, valueTokens } from './tokens.ts';

/** Reads the index files of one locale. */
export interface IndexStore {
  meta(): Promise<IndexMeta>;
  shard(id: number): Promise<Shard>;
  chunk(id: number): Promise<Chunk>;
}

export interface PasteMatch {
  readonly record: SignatureRecord;
  /**
   * About 0–1: 1 when the paste line and the page's line have the same indexed tokens, a few
   * hundredths more or less for what surrounds the line (see `rerankAdjustment`).
   */
  readonly score: number;
  /** The page's error line that matched. */
  readonly signature: string;
  /** The paste line that matched it. */
  readonly line: ErrorLine;
  /** Tokens the two share, for highlighting. */
  readonly sharedTokens: readonly string[];
}

/** Below this, a match is shown as a candidate rather than as the answer. */
export const GOOD_MATCH = 0.5;
const MAX_QUERY_TOKENS = 64;
/** A line of the page's code, against the page's own error. */
const CODE_LINE_FACTOR = 0.96;
/** What a second matched line of the paste adds, times its score. */
const OTHER_LINE_SHARE = 0.06;
/** Candidates re-ranked by what surrounds the line; their records are fetched. */
const RERANK = 12;
/** Candidates this far below the best are not re-ranked: nothing around the line lifts them that much. */
const RERANK_MARGIN = 0.3;
/** Largest changes re-ranking makes: values that name the page, word order, context. */
const VALUE_BONUS = 0.05;
const VALUE_PENALTY = 0.03;
/** A paste that names another value in the place of the one the page is about. */
const CONTRADICTION_PENALTY = 0.2;
const ORDER_BONUS = 0.03;
const DOCUMENTATION_PENALTY = 0.08;
/**
 * The whole context bonus goes to the candidate whose context the paste matches most, a share
 * to the others; below `CONTEXT_FLOOR` of weight (a word or two), only a share of it.
 */
const CONTEXT_BONUS = 0.12;
const CONTEXT_FLOOR = 10;
/** For a page whose title and H1 words the paste has: a page about a specific situation names it there. */
const TITLE_BONUS = 0.04;

/**
 * The tokens a paste line is scored with: its words, and the words of its values, which meet a
 * page whose copy writes them unquoted (titles often drop the punctuation: `... missing the key version`).
 */
function scoringTokens(line: ErrorLine): string[] {
  return line.values.length === 0 ? [...line.tokens] : [...new Set([...line.tokens, ...line.values])];
}

/**
 * Tokens to look up: primary lines first, rare tokens before common ones (which are posted only
 * for lines that have no other words), longer (more specific) tokens first.
 */
function queryTokens(lines: readonly ErrorLine[], common: Readonly<Record<string, number>>): string[] {
  const ordered = [...lines].sort((a, b) => Number(b.primary) - Number(a.primary));
  const tokens = new Set<string>();
  for (const line of ordered) for (const token of scoringTokens(line)) tokens.add(token);
  return [...tokens].sort((a, b) => Number(a in common) - Number(b in common) || b.length - a.length).slice(0, MAX_QUERY_TOKENS);
}

/**
 * How well a paste line and a page's line cover each other: the F₂ measure of the weight they
 * share, which favours covering the page's line (recall) four to one over explaining the paste's.
 */
function coverScore(recallShare: number, precisionShare: number): number {
  const recall = Math.min(1, recallShare);
  const precision = Math.min(1, precisionShare);
  return recall + precision === 0 ? 0 : (5 * precision * recall) / (4 * precision + recall);
}

/** One of a page's lines against one paste line. */
interface Pair {
  score: number;
  signature: number;
  line: number;
  /** What the score was made of: the weights of shared words and values, the line's norm, the paste line's weight. */
  words: number;
  values: number;
  norm: number;
  lineWeight: number;
}

/** A page: its best pair, and what else the paste matched of it. */
interface Candidate extends Pair {
  readonly doc: number;
  /** The best score of another paste line against the same page: a log matched line by line. */
  other: number;
  /** The next best pairs, best first, scored again with common words (`exactScore`). */
  readonly alternatives: Pair[];
}

/** Pairs of a page's line and a paste line kept per page for the exact scoring. */
const PAIRS_PER_PAGE = 3;

/** Frequent words (listed by page, not by line) move a pair this much at most in the first pass. */
const FREQUENT_NUDGE = 0.02;

/** The set of a frequent token's pages (memoised per list: the store reads each shard once). */
const pageSets = new WeakMap<readonly number[], ReadonlySet<number>>();
function pagesOf(pages: readonly number[]): ReadonlySet<number> {
  let set = pageSets.get(pages);
  if (!set) pageSets.set(pages, (set = new Set(pages)));
  return set;
}

/** Candidates further than this below the best pair cannot overtake it however they are re-ranked. */
const CANDIDATE_MARGIN = 0.5;

/** Pairs of a page's line and a paste line as flat, growable arrays. */
class PairTable {
  length = 0;
  private keys = new Float64Array(256);
  private lines = new Float64Array(256);
  private norms = new Float64Array(256);
  private words = new Float64Array(256);
  private values = new Float64Array(256);
  private lineWeights = new Float64Array(256);
  scores = new Float64Array(256);

  add(key: number, line: number, norm: number): number {
    if (this.length === this.keys.length) {
      const grow = (array: Float64Array<ArrayBuffer>) => {
        const grown = new Float64Array(array.length * 2);
        grown.set(array);
        return grown;
      };
      [this.keys, this.lines, this.norms, this.words, this.values, this.lineWeights, this.scores] = [this.keys, this.lines, this.norms, this.words, this.values, this.lineWeights, this.scores].map(grow) as [Float64Array<ArrayBuffer>, Float64Array<ArrayBuffer>, Float64Array<ArrayBuffer>, Float64Array<ArrayBuffer>, Float64Array<ArrayBuffer>, Float64Array<ArrayBuffer>, Float64Array<ArrayBuffer>];
    }
    const slot = this.length++;
    this.keys[slot] = key;
    this.lines[slot] = line;
    this.norms[slot] = norm;
    this.words[slot] = 0;
    this.values[slot] = 0;
    return slot;
  }

  credit(slot: number, weight: number, isValue: boolean): void {
    if (isValue) this.values[slot]! += weight;
    else this.words[slot]! += weight;
  }

  /**
   * What the page's line requires is its words; a value the paste shares counts as one more
   * word of it, met (another value the paste names is no missing word).
   */
  score(slot: number, lineWeight: number): void {
    const [words, values, norm] = [this.words[slot]!, this.values[slot]!, this.norms[slot]!];
    const recall = (words + values) / Math.max(Math.abs(norm) + values, 1e-9);
    this.lineWeights[slot] = lineWeight;
    this.scores[slot] = coverScore(recall, (words + values) / Math.max(lineWeight, 1e-9)) * (norm < 0 ? CODE_LINE_FACTOR : 1);
  }

  byScore(): number[] {
    return Array.from({ length: this.length }, (_, slot) => slot).sort((a, b) => this.scores[b]! - this.scores[a]! || this.keys[a]! - this.keys[b]!);
  }

  line(slot: number): number {
    return this.lines[slot]!;
  }

  doc(slot: number): number {
    return Math.floor(this.keys[slot]! / 1024);
  }

  pair(slot: number): Pair {
    return {
      score: this.scores[slot]!,
      signature: this.keys[slot]! % 1024,
      line: this.lines[slot]!,
      words: this.words[slot]!,
      values: this.values[slot]!,
      norm: this.norms[slot]!,
      lineWeight: this.lineWeights[slot]!,
    };
  }
}

/**
 * Records a pair for page `doc`, pairs coming best first: the page's first pair is its best,
 * the next ones are its alternatives, and the best of another paste line is `other`.
 */
function offer(best: Map<number, Candidate>, doc: number, pair: Pair): void {
  const current = best.get(doc);
  if (!current) {
    best.set(doc, { doc, score: pair.score, signature: pair.signature, line: pair.line, words: pair.words, values: pair.values, norm: pair.norm, lineWeight: pair.lineWeight, other: 0, alternatives: [] });
    return;
  }
  if (pair.line !== current.line && pair.score > current.other) current.other = pair.score;
  if (current.alternatives.length < PAIRS_PER_PAGE - 1) current.alternatives.push(pair);
}

/**
 * The score of a candidate with the common words counted too. The first pass sees only posted
 * words, and common words are posted only for lines that have no others: a page's line whose
 * distinguishing word is common (`Upload 'x' cannot be opened`) would otherwise require only
 * its rare words and fit any paste that has them. The best candidates are scored again here
 * from their line's text, every word weighed.
 */
function exactScore(candidate: Candidate, signature: string, line: ErrorLine, meta: IndexMeta, found: ReadonlyMap<string, unknown>): number {
  const tokens = signatureTokens(signature);
  const common = (token: string) => token in meta.common;
  const weight = (token: string) => tokenWeight(meta.common[token] ?? 1, meta.docs);
  const postedCommon = tokens.every(common);
  const lineTokens = new Set(scoringTokens(line));
  let norm = Math.abs(candidate.norm);
  let shared = candidate.words + candidate.values;
  let lineWeight = candidate.lineWeight;
  for (const token of lineTokens) if (common(token) && !found.has(token)) lineWeight += weight(token);
  if (!postedCommon) {
    for (const token of tokens) {
      if (!common(token)) continue;
      norm += weight(token);
      if (lineTokens.has(token)) shared += weight(token);
    }
  }
  const recall = shared / Math.max(norm + candidate.values, 1e-9);
  return coverScore(recall, shared / Math.max(lineWeight, 1e-9)) * (candidate.norm < 0 ? CODE_LINE_FACTOR : 1) + OTHER_LINE_SHARE * candidate.other;
}

/** Share of the page's consecutive token pairs that the paste line has in the same order. */
function orderAgreement(lineTokens: readonly string[], signature: string): number {
  const signatureOrder = signatureTokens(signature);
  if (signatureOrder.length < 2) return 0;
  const pairs = new Set(lineTokens.slice(1).map((token, index) => `${lineTokens[index]}\u0000${token}`));
  let agree = 0;
  for (let index = 1; index < signatureOrder.length; index++) if (pairs.has(`${signatureOrder[index - 1]}\u0000${signatureOrder[index]}`)) agree++;
  return agree / (signatureOrder.length - 1);
}

/** What the paste says besides each line. */
interface PasteContext {
  /** Every token of the whole paste, values included. */
  readonly all: ReadonlySet<string>;
  /** Tokens of the paste's paths and quoted names. */
  readonly values: ReadonlySet<string>;
}

/**
 * How much of the page's example-log context the paste has, besides the words the two lines
 * share: the weights of the context tokens it matches.
 */
function contextWeight(candidate: Candidate, record: SignatureRecord, context: PasteContext): number {
  if (!record.context) return 0;
  const shared = new Set(signatureTokens(record.signatures[candidate.signature] ?? ''));
  let weight = 0;
  for (const token of context.all) if (!shared.has(token)) weight += record.context[token] ?? 0;
  return weight;
}

/** Words and values of a page's line (memoised: the same records come back search after search, and in the build's check). */
const lineWordsCache = new Map<string, readonly string[]>();
function lineWords(text: string): readonly string[] {
  let words = lineWordsCache.get(text);
  if (!words) {
    const { masked, values } = maskLine(text);
    lineWordsCache.set(text, (words = [...errorTokens(masked), ...valueTokens(values)]));
  }
  return words;
}
const lineValuesCache = new Map<string, readonly string[]>();
function lineValueTokens(text: string): readonly string[] {
  let values = lineValuesCache.get(text);
  if (!values) lineValuesCache.set(text, (values = valueTokens(maskLine(text).values)));
  return values;
}

/** Share of the words of the page's title and own error (H1) that the paste has, values included. */
function titleCoverage(record: SignatureRecord, context: PasteContext): number {
  const words = new Set([...lineWords(record.title), ...(record.strong ? lineWords(record.signatures[0] ?? '') : [])]);
  if (words.size === 0) return 0;
  let found = 0;
  for (const word of words) if (context.all.has(word) || context.values.has(word)) found++;
  return found / words.size;
}

/** The change in score that the values and word order of the line make for one candidate. */
function lineAdjustment(candidate: Candidate, record: SignatureRecord, line: ErrorLine, context: PasteContext): number {
  let adjustment = 0;
  const signature = record.signatures[candidate.signature] ?? '';
  // Values that name the page (`No module named 'yaml'` on the yaml page): another value fits it less.
  const named = record.values ?? [];
  const lineValues = lineValueTokens(signature);
  if (named.length > 0) {
    const found = named.filter((token) => context.values.has(token)).length / named.length;
    adjustment += found > 0 ? VALUE_BONUS * found : -VALUE_PENALTY;
    // The paste names something else where the page's own line names its value: the page is about another name.
    const naming = lineValues.filter((token) => named.includes(token));
    const missing = naming.filter((token) => !context.values.has(token)).length;
    if (missing * 2 > naming.length && line.values.some((token) => !lineValues.includes(token))) adjustment -= CONTRADICTION_PENALTY;
  } else if (lineValues.length > 0) {
    // A page that names no value: its example's values, when the paste has them, still count a little.
    adjustment += (VALUE_BONUS / 2) * (lineValues.filter((token) => context.values.has(token)).length / lineValues.length);
  }
  adjustment += TITLE_BONUS * titleCoverage(record, context);
  // A documentation page shows errors as examples; a page about the error comes first.
  if (record.strong === 0) adjustment -= DOCUMENTATION_PENALTY;
  return adjustment + ORDER_BONUS * orderAgreement(line.tokens, signature);
}

/**
 * Ranks the pages of `store` for already extracted error lines; `pasteText` is the whole paste,
 * whose other lines break ties between pages that share the matched line.
 */
export async function matchErrorLines(lines: readonly ErrorLine[], store: IndexStore, limit = 10, pasteText?: string): Promise<PasteMatch[]> {
  if (lines.length === 0) return [];
  const meta = await store.meta();
  const tokens = queryTokens(lines, meta.common);
  const shardIds = [...new Set(tokens.map((token) => tokenShard(token, meta.shards)))];
  const shards = new Map(await Promise.all(shardIds.map(async (id) => [id, await store.shard(id)] as const)));
  const found = new Map<string, Shard[string]>();
  for (const token of tokens) {
    const entry = shards.get(tokenShard(token, meta.shards))?.[token];
    if (entry) found.set(token, entry);
  }

  // Every pair of a page's line and a paste line, in flat arrays: a search reads thousands of
  // postings, and the build's check runs tens of thousands of searches.
  const pairs = new PairTable();
  const slots = new Map<number, number>();
  lines.forEach((line, lineIndex) => {
    slots.clear();
    const first = pairs.length;
    let lineWeight = 0;
    const frequent: { readonly weight: number; readonly pages: ReadonlySet<number> }[] = [];
    for (const token of scoringTokens(line)) {
      const entry = found.get(token);
      if (!entry) continue;
      const [df, postings, pages] = entry;
      const weight = tokenWeight(df, meta.docs);
      if (pages) frequent.push({ weight, pages: pagesOf(pages) });
      lineWeight += weight;
      for (let i = 0; i < postings.length; i += 3) {
        const signature = postings[i + 1] as number;
        const key = (postings[i] as number) * 1024 + (signature % VALUE_POSTING);
        let slot = slots.get(key);
        if (slot === undefined) slots.set(key, (slot = pairs.add(key, lineIndex, (postings[i + 2] as number) / 100)));
        pairs.credit(slot, weight, signature >= VALUE_POSTING);
      }
    }
    const frequentWeight = frequent.reduce((sum, { weight }) => sum + weight, 0);
    for (let slot = first; slot < pairs.length; slot++) {
      pairs.score(slot, lineWeight);
      // Frequent words the page has: a nudge that orders lines differing only in them, for the exact scoring to decide.
      if (frequentWeight > 0) {
        const doc = pairs.doc(slot);
        const had = frequent.reduce((sum, { weight, pages }) => sum + (pages.has(doc) ? weight : 0), 0);
        pairs.scores[slot]! += FREQUENT_NUDGE * (had / frequentWeight);
      }
    }
  });

  // Only pairs that could still come first after re-ranking become candidates, and at least
  // enough pages to show.
  const best = new Map<number, Candidate>();
  const order = pairs.byScore();
  const cutoff = (pairs.scores[order[0] ?? 0] ?? 0) - CANDIDATE_MARGIN;
  for (const slot of order) {
    if (pairs.scores[slot]! < cutoff && best.size >= limit) break;
    const doc = pairs.doc(slot);
    const current = best.get(doc);
    // A page's pairs past its best few and its best other line change nothing.
    if (current && current.alternatives.length >= PAIRS_PER_PAGE - 1 && (current.other > 0 || pairs.line(slot) === current.line)) continue;
    offer(best, doc, pairs.pair(slot));
  }

  // A page whose example log has more of the paste's lines fits it better.
  const ranked = [...best.values()];
  for (const candidate of ranked) candidate.score += OTHER_LINE_SHARE * candidate.other;
  ranked.sort((a, b) => b.score - a.score || a.doc - b.doc);
  const top = ranked[0]?.score ?? 0;
  const reranked = ranked.slice(0, Math.max(limit, RERANK)).filter((candidate, index) => index < limit || candidate.score >= top - RERANK_MARGIN);
  const chunkIds = [...new Set(reranked.map(({ doc }) => Math.floor(doc / meta.chunkSize)))];
  const chunks = new Map(await Promise.all(chunkIds.map(async (id) => [id, await store.chunk(id)] as const)));
  const recordOf = (doc: number) => chunks.get(Math.floor(doc / meta.chunkSize))?.[doc % meta.chunkSize];

  const text = pasteText ?? lines.map((line) => line.text).join('\n');
  const context: PasteContext = { all: new Set([...contextTokens(text), ...lines.flatMap((line) => [...line.tokens, ...line.values])]), values: new Set([...pasteValues(text), ...lines.flatMap((line) => line.values)]) };
  const close = reranked.flatMap((candidate) => {
    const record = recordOf(candidate.doc);
    if (!record) return [];
    if (candidate.score < top - RERANK_MARGIN) {
      const line = lines[candidate.line];
      return line ? [{ ...candidate, record, pasteLine: line }] : [];
    }
    // The pair that scores best with every word counted.
    let chosen: (Candidate & { pasteLine: ErrorLine }) | undefined;
    for (const pair of [candidate, ...candidate.alternatives]) {
      const line = lines[pair.line];
      const signature = record.signatures[pair.signature];
      if (!line || signature === undefined) continue;
      const score = exactScore({ ...candidate, ...pair }, signature, line, meta, found);
      if (!chosen || score > chosen.score) chosen = { ...candidate, ...pair, score, pasteLine: line };
    }
    return chosen ? [{ ...chosen, record }] : [];
  });
  const contexts = close.map((candidate) => (candidate.score >= top - RERANK_MARGIN ? contextWeight(candidate, candidate.record, context) : 0));
  const mostContext = Math.max(0, ...contexts);
  const scored = close.map((candidate, index) => {
    if (candidate.score < top - RERANK_MARGIN) return candidate;
    const adjustment = lineAdjustment(candidate, candidate.record, candidate.pasteLine, context) + (CONTEXT_BONUS * (contexts[index] ?? 0)) / Math.max(mostContext, CONTEXT_FLOOR);
    return { ...candidate, score: candidate.score + adjustment };
  });
  return scored
    .sort((a, b) => b.score - a.score || a.doc - b.doc)
    .slice(0, limit)
    .flatMap(({ record, score, signature, pasteLine }) => {
      const signatureText = record.signatures[signature];
      if (signatureText === undefined) return [];
      const signatureTokenSet = new Set(signatureTokens(signatureText));
      return [{ record, score, signature: signatureText, line: pasteLine, sharedTokens: pasteLine.tokens.filter((token) => signatureTokenSet.has(token)) }];
    });
}

/** Normalises `paste` and ranks the pages for it. */
export async function matchPaste(paste: string, store: IndexStore, limit = 10): Promise<{ lines: ErrorLine[]; matches: PasteMatch[] }> {
  const lines = extractErrorLines(paste);
  return { lines, matches: await matchErrorLines(lines, store, limit, paste) };
}

/** A store over an index held in memory (the build's own check and tests). */
export function memoryStore(index: { meta: IndexMeta; shards: ReadonlyMap<number, Shard>; chunks: ReadonlyMap<number, Chunk> }): IndexStore {
  return {
    meta: async () => index.meta,
    shard: async (id) => index.shards.get(id) ?? {},
    chunk: async (id) => index.chunks.get(id) ?? [],
  };
}
