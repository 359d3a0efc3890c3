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
import { contextTokens } from './context-tokens.ts';
import { extractErrorLines, type ErrorLine } from './normalise-paste.ts';
import { signatureTokens, tokenShard, tokenWeight, type Chunk, type IndexMeta, type Shard, type SignatureRecord } from './signature-index.ts';
import { maskLine } from './mask.ts';
import { valueTokens } from './tokens.ts';

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
/** Candidates re-ranked by what surrounds the line; their records are fetched. */
const RERANK = 12;
/** Candidates this far below the best are not re-ranked: nothing around the line lifts them that much. */
const RERANK_MARGIN = 0.2;
/** Largest changes re-ranking makes: values that name the page, word order, context. */
const VALUE_BONUS = 0.05;
const VALUE_PENALTY = 0.03;
const ORDER_BONUS = 0.03;
const CONTEXT_BONUS = 0.1;
/** Context weight (sum of matched tokens' weights) that earns the whole context bonus. */
const CONTEXT_FULL = 20;

/** Tokens to look up: primary lines first, longer (more specific) tokens first. */
function queryTokens(lines: readonly ErrorLine[], common: Readonly<Record<string, number>>): string[] {
  const ordered = [...lines].sort((a, b) => Number(b.primary) - Number(a.primary));
  const tokens = new Set<string>();
  for (const line of ordered) for (const token of line.tokens) if (!(token in common)) tokens.add(token);
  return [...tokens].sort((a, b) => b.length - a.length).slice(0, MAX_QUERY_TOKENS);
}

/**
 * How well a paste line and a page's line cover each other: the F₂ measure of the weight they
 * share, which favours covering the page's line (recall) four to one over explaining the paste's.
 */
function coverScore(shared: number, lineWeight: number, norm: number): number {
  const recall = Math.min(1, shared / Math.max(norm, 1e-9));
  const precision = Math.min(1, shared / Math.max(lineWeight, 1e-9));
  return recall + precision === 0 ? 0 : (5 * precision * recall) / (4 * precision + recall);
}

interface Candidate {
  doc: number;
  score: number;
  signature: number;
  line: number;
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

/** What the paste says besides each line: every token of the whole paste, values included. */
interface PasteContext {
  readonly all: ReadonlySet<string>;
}

/** The change in score that what surrounds the line makes for one candidate. */
function rerankAdjustment(candidate: Candidate, record: SignatureRecord, line: ErrorLine, context: PasteContext): number {
  let adjustment = 0;
  const signature = record.signatures[candidate.signature] ?? '';
  // Values that name the page (`No module named 'yaml'` on the yaml page): another value fits it less.
  const named = record.values ?? [];
  if (named.length > 0) {
    const found = named.filter((token) => context.all.has(token)).length / named.length;
    adjustment += found > 0 ? VALUE_BONUS * found : -VALUE_PENALTY;
  } else {
    // A page that names no value: its example's values, when the paste has them, still count a little.
    const example = valueTokens(maskLine(signature).values);
    if (example.length > 0) adjustment += (VALUE_BONUS / 2) * (example.filter((token) => line.values.includes(token)).length / example.length);
  }
  adjustment += ORDER_BONUS * orderAgreement(line.tokens, signature);
  if (record.context) {
    let weight = 0;
    for (const token of context.all) if (!line.tokens.includes(token)) weight += record.context[token] ?? 0;
    adjustment += CONTEXT_BONUS * Math.min(1, weight / CONTEXT_FULL);
  }
  return adjustment;
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
  const found = new Map<string, readonly [number, readonly number[]]>();
  for (const token of tokens) {
    const entry = shards.get(tokenShard(token, meta.shards))?.[token];
    if (entry) found.set(token, entry);
  }

  // Best score per document, with the signature and line that gave it.
  const best = new Map<number, Candidate>();
  lines.forEach((line, lineIndex) => {
    let lineWeight = 0;
    const matched = new Map<number, { weight: number; norm: number }>();
    for (const token of line.tokens) {
      const entry = found.get(token);
      if (!entry) continue;
      const [df, postings] = entry;
      const weight = tokenWeight(df, meta.docs);
      lineWeight += weight;
      for (let i = 0; i < postings.length; i += 3) {
        const key = (postings[i] as number) * 1024 + (postings[i + 1] as number);
        const current = matched.get(key);
        if (current) current.weight += weight;
        else matched.set(key, { weight, norm: (postings[i + 2] as number) / 100 });
      }
    }
    for (const [key, { weight, norm }] of matched) {
      const score = coverScore(weight, lineWeight, Math.abs(norm)) * (norm < 0 ? CODE_LINE_FACTOR : 1);
      const doc = Math.floor(key / 1024);
      const previous = best.get(doc);
      if (!previous || score > previous.score) best.set(doc, { doc, score, signature: key % 1024, line: lineIndex });
    }
  });

  const ranked = [...best.values()].sort((a, b) => b.score - a.score || a.doc - b.doc);
  const top = ranked[0]?.score ?? 0;
  const reranked = ranked.slice(0, Math.max(limit, RERANK)).filter((candidate, index) => index < limit || candidate.score >= top - RERANK_MARGIN);
  const chunkIds = [...new Set(reranked.map(({ doc }) => Math.floor(doc / meta.chunkSize)))];
  const chunks = new Map(await Promise.all(chunkIds.map(async (id) => [id, await store.chunk(id)] as const)));
  const recordOf = (doc: number) => chunks.get(Math.floor(doc / meta.chunkSize))?.[doc % meta.chunkSize];

  const context: PasteContext = { all: new Set([...(pasteText === undefined ? [] : contextTokens(pasteText)), ...lines.flatMap((line) => [...line.tokens, ...line.values])]) };
  const scored = reranked.flatMap((candidate) => {
    const record = recordOf(candidate.doc);
    const line = lines[candidate.line];
    if (!record || !line) return [];
    const close = candidate.score >= top - RERANK_MARGIN;
    return [{ ...candidate, record, line, score: candidate.score + (close ? rerankAdjustment(candidate, record, line, context) : 0) }];
  });
  return scored
    .sort((a, b) => b.score - a.score || a.doc - b.doc)
    .slice(0, limit)
    .flatMap(({ record, score, signature, line }) => {
      const signatureText = record.signatures[signature];
      if (signatureText === undefined) return [];
      const signatureTokenSet = new Set(signatureTokens(signatureText));
      return [{ record, score, signature: signatureText, line, sharedTokens: line.tokens.filter((token) => signatureTokenSet.has(token)) }];
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
