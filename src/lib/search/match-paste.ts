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
import { OTHER_LINE_SHARE, offer, PAIRS_PER_PAGE, PairTable, scoringTokens, type Candidate } from './line-pairs.ts';
import { contextBonus, contextWeight, exactScore, lineAdjustment, type PasteContext } from './rerank.ts';
import { extractErrorLines, type ErrorLine } from './normalise-paste.ts';
import { signatureTokens, tokenShard, tokenWeight, VALUE_POSTING, type Chunk, type IndexMeta, type Shard, type SignatureRecord } from './signature-index.ts';

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
/** Candidates re-ranked by what surrounds the line; their records are fetched. */
const RERANK = 12;
/** Candidates this far below the best are not re-ranked: nothing around the line lifts them that much. */
const RERANK_MARGIN = 0.3;

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
    const adjustment = lineAdjustment(candidate, candidate.record, candidate.pasteLine, context) + contextBonus(contexts[index] ?? 0, mostContext);
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
