/**
 * Paste → ranked entries. Retrieval is OR: every entry that shares an indexed token with any
 * error line of the paste is a candidate. Candidates are ranked by how much of the entry's
 * signature the best paste line covers (rare tokens weigh more), with a smaller share for
 * how much of that line the signature explains. The same code runs in the browser, the CLI
 * and the build's retrieval check; only the store that reads the index files differs.
 */
import { extractErrorLines, type ErrorLine } from './normalise-paste.ts';
import { signatureTokens, tokenShard, tokenWeight, type Chunk, type IndexMeta, type Shard, type SignatureRecord } from './signature-index.ts';

/** Reads the index files of one locale. */
export interface IndexStore {
  meta(): Promise<IndexMeta>;
  shard(id: number): Promise<Shard>;
  chunk(id: number): Promise<Chunk>;
}

export interface PasteMatch {
  readonly record: SignatureRecord;
  /** 0–1: 1 when the paste line and the signature have the same indexed tokens. */
  readonly score: number;
  /** The entry's error message that matched. */
  readonly signature: string;
  /** The paste line that matched it. */
  readonly line: ErrorLine;
  /** Tokens the two share, for highlighting. */
  readonly sharedTokens: readonly string[];
}

/** Below this, a match is shown as "related" rather than as the answer. */
export const GOOD_MATCH = 0.5;
const RECALL_SHARE = 0.7;
const MAX_QUERY_TOKENS = 64;

/** Tokens to look up: primary lines first, longer (more specific) tokens first. */
function queryTokens(lines: readonly ErrorLine[], common: Readonly<Record<string, number>>): string[] {
  const ordered = [...lines].sort((a, b) => Number(b.primary) - Number(a.primary));
  const tokens = new Set<string>();
  for (const line of ordered) for (const token of line.tokens) if (!(token in common)) tokens.add(token);
  return [...tokens].sort((a, b) => b.length - a.length).slice(0, MAX_QUERY_TOKENS);
}

/** Ranks the entries of `store` for already extracted error lines. */
export async function matchErrorLines(lines: readonly ErrorLine[], store: IndexStore, limit = 10): Promise<PasteMatch[]> {
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
  const best = new Map<number, { score: number; signature: number; line: number }>();
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
      const recall = Math.min(1, weight / Math.max(norm, 1e-9));
      const precision = Math.min(1, weight / Math.max(lineWeight, 1e-9));
      const score = RECALL_SHARE * recall + (1 - RECALL_SHARE) * precision;
      const doc = Math.floor(key / 1024);
      const previous = best.get(doc);
      if (!previous || score > previous.score) best.set(doc, { score, signature: key % 1024, line: lineIndex });
    }
  });

  const top = [...best].sort(([docA, a], [docB, b]) => b.score - a.score || docA - docB).slice(0, limit);
  const chunkIds = [...new Set(top.map(([doc]) => Math.floor(doc / meta.chunkSize)))];
  const chunks = new Map(await Promise.all(chunkIds.map(async (id) => [id, await store.chunk(id)] as const)));
  return top.flatMap(([doc, { score, signature, line }]) => {
    const record = chunks.get(Math.floor(doc / meta.chunkSize))?.[doc % meta.chunkSize];
    const pasteLine = lines[line];
    const signatureText = record?.signatures[signature];
    if (!record || !pasteLine || signatureText === undefined) return [];
    const signatureTokenSet = new Set(signatureTokens(signatureText));
    return [{ record, score, signature: signatureText, line: pasteLine, sharedTokens: pasteLine.tokens.filter((token) => signatureTokenSet.has(token)) }];
  });
}

/** Normalises `paste` and ranks the entries for it. */
export async function matchPaste(paste: string, store: IndexStore, limit = 10): Promise<{ lines: ErrorLine[]; matches: PasteMatch[] }> {
  const lines = extractErrorLines(paste);
  return { lines, matches: await matchErrorLines(lines, store, limit) };
}

/** A store over an index held in memory (the build's own check and tests). */
export function memoryStore(index: { meta: IndexMeta; shards: ReadonlyMap<number, Shard>; chunks: ReadonlyMap<number, Chunk> }): IndexStore {
  return {
    meta: async () => index.meta,
    shard: async (id) => index.shards.get(id) ?? {},
    chunk: async (id) => index.chunks.get(id) ?? [],
  };
}
