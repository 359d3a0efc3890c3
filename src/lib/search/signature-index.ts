/**
 * The paste index: every page's error lines (its own error — H1, title, `errors:` — and the
 * error lines of its code), normalised as pastes are, stored per locale as small files so a
 * search fetches only what it needs: `meta.json` (counts, and the document frequency of tokens
 * too common to index), `t/<shard>.json` (postings of the tokens that hash to that shard) and
 * `d/<chunk>.json` (the records of a few pages: what results show, and what re-ranking reads:
 * the values that name the page and the rare words of its example logs). Built at build time;
 * read by the browser and the CLI.
 */
import { extractErrorLines } from './normalise-paste.ts';
import { stableBucket } from './stable-bucket.ts';

const INDEX_VERSION = 2;

/** One page as the index sees it. */
export interface SignatureRecord {
  readonly url: string;
  readonly title: string;
  /** BCP-47 language of the page's content (differs from the locale on fallback pages). */
  readonly sourceLang: string;
  /** The page's error lines as written: its own error first, then the error lines of its code. */
  readonly signatures: readonly string[];
  /** How many of `signatures` are the page's own error (the rest weigh a little less); all when absent. */
  readonly strong?: number;
  /**
   * Tokens of the quoted names and paths in the page's own error (`'yaml'`, a cache path): a
   * paste that names them fits the page better, one that names others a little worse.
   */
  readonly values?: readonly string[];
  /** Rare tokens of the page's example logs and inline code, with their weights: what breaks ties. */
  readonly context?: Readonly<Record<string, number>>;
}

/** A page before indexing: its context as plain tokens, weighed by the index. */
export type SignatureInput = Omit<SignatureRecord, 'context'> & { readonly context?: readonly string[] };

export interface IndexMeta {
  readonly version: number;
  readonly docs: number;
  readonly shards: number;
  readonly chunkSize: number;
  /**
 * Tokens too many pages have, with their counts: posted only for the lines that have no other
 * words, and weighing little.
 */
  readonly common: Readonly<Record<string, number>>;
}

/**
 * token → [document frequency, postings as flat (doc, signature, norm × 100) triples, and for a
 * frequent token (see `isFrequent`) the pages that have it]; the norm is negative for a line of
 * the page's code rather than its own error, and the signature is offset by `VALUE_POSTING` when
 * the token is one of its values rather than its words.
 */
export type Shard = Readonly<Record<string, readonly [number, readonly number[], (readonly number[])?]>>;
export type Chunk = readonly SignatureRecord[];

export interface SignatureIndex {
  readonly meta: IndexMeta;
  readonly shards: ReadonlyMap<number, Shard>;
  readonly chunks: ReadonlyMap<number, Chunk>;
}

/** Added to a posting's signature number when the token is a value of the line (a page keeps fewer signatures). */
export const VALUE_POSTING = 512;

/** The same shard for a token in the build, the browser and the CLI. */
export function tokenShard(token: string, shards: number): number {
  return stableBucket(token, shards);
}

/** Weight of a token that `df` of `docs` entries have: rare identifiers weigh more than `error`. */
export function tokenWeight(df: number, docs: number): number {
  return Math.log(1 + docs / Math.max(df, 1));
}

/**
 * A token in more than this share of pages (and more than a few), or in more than a few
 * hundred, is not posted: its postings would be most of what a search fetches and reads, and
 * it tells few pages apart. The best candidates are scored with it all the same (`exactScore`).
 */
function isCommon(df: number, docs: number): boolean {
  return df > 50 && (df > docs * 0.05 || df > 250);
}

/**
 * A common token that still tells pages apart (in a few hundred pages of thousands: a tool's
 * or an object's name): its pages are listed, without their lines, so that the first pass can
 * break ties between lines that differ only in it (`Upload 'x' cannot be opened` and
 * `Fetcher 'x' cannot be opened`).
 */
function isFrequent(df: number, docs: number): boolean {
  return isCommon(df, docs) && df <= docs * 0.05;
}

const tokensCache = new Map<string, string[]>();

/** Tokens of a signature: those of all its error lines (memoised: locales share messages). */
export function signatureTokens(signature: string): string[] {
  let tokens = tokensCache.get(signature);
  if (!tokens) tokensCache.set(signature, (tokens = [...new Set(extractErrorLines(signature).flatMap((line) => line.tokens))]));
  return tokens;
}

/** A token in more than this share of pages' contexts (and more than a few) breaks no tie. */
function isCommonContext(df: number, docs: number): boolean {
  return df > 3 && df > docs * 0.05;
}
/** Context tokens kept per page, the rarest first: enough for any tie, small enough to fetch. */
const CONTEXT_TOKENS = 40;

const valuesCache = new Map<string, string[]>();

/** Tokens of the values (quoted names, paths) of a signature's error lines (memoised). */
export function signatureValueTokens(signature: string): string[] {
  let tokens = valuesCache.get(signature);
  if (!tokens) valuesCache.set(signature, (tokens = [...new Set(extractErrorLines(signature).flatMap((line) => line.values))]));
  return tokens;
}

/** About 4 KB of postings per shard: few requests, none large. */
function shardCount(postings: number): number {
  let shards = 16;
  while (shards < 4096 && postings * 8 > shards * 4096) shards *= 2;
  return shards;
}

export function buildSignatureIndex(inputs: readonly SignatureInput[], chunkSize = 4): SignatureIndex {
  const docs = inputs.length;
  const records = weighContexts(inputs);
  const tokenLists = records.map((record) => record.signatures.map(signatureTokens));
  const valueLists = records.map((record) => record.signatures.map(signatureValueTokens));
  const df = new Map<string, number>();
  tokenLists.forEach((signatures, doc) => {
    for (const token of new Set([...signatures.flat(), ...(valueLists[doc] ?? []).flat()])) df.set(token, (df.get(token) ?? 0) + 1);
  });
  const common: Record<string, number> = {};
  for (const [token, count] of df) if (isCommon(count, docs)) common[token] = count;

  // Each signature is posted under its words (the common ones only when it has no other and is
  // the page's own error: that must still be found, while a line of the page's code made of
  // common words, `step failed`, would only make every search read long lists) and under the
  // words of its values, which find it without being required of a paste: its norm, what a
  // paste must cover, is its words' weight.
  const postings = new Map<string, number[]>();
  let postingCount = 0;
  tokenLists.forEach((signatures, doc) => {
    const strong = records[doc]?.strong ?? signatures.length;
    signatures.forEach((tokens, signature) => {
      const rare = tokens.filter((token) => !(token in common));
      const words = rare.length > 0 || signature >= strong ? rare : tokens;
      const values = (valueLists[doc]?.[signature] ?? []).filter((token) => !(token in common) && !words.includes(token));
      const norm = Math.round(words.reduce((sum, token) => sum + tokenWeight(df.get(token) ?? 1, docs), 0) * 100) * (signature < strong ? 1 : -1);
      for (const [token, slot] of [...words.map((word) => [word, signature] as const), ...values.map((value) => [value, signature + VALUE_POSTING] as const)]) {
        let list = postings.get(token);
        if (!list) postings.set(token, (list = []));
        list.push(doc, slot, norm);
        postingCount++;
      }
    });
  });

  const shards = shardCount(postingCount);
  const shardMaps = new Map<number, Record<string, [number, number[], number[]?]>>();
  const pagesWith = new Map<string, number[]>();
  tokenLists.forEach((signatures, doc) => {
    for (const token of new Set([...signatures.flat(), ...(valueLists[doc] ?? []).flat()])) {
      if (!isFrequent(df.get(token) ?? 0, docs)) continue;
      let pages = pagesWith.get(token);
      if (!pages) pagesWith.set(token, (pages = []));
      pages.push(doc);
    }
  });
  for (const token of [...new Set([...postings.keys(), ...pagesWith.keys()])].sort()) {
    const id = tokenShard(token, shards);
    let shard = shardMaps.get(id);
    if (!shard) shardMaps.set(id, (shard = {}));
    const pages = pagesWith.get(token);
    shard[token] = pages ? [df.get(token) ?? 0, postings.get(token) ?? [], pages] : [df.get(token) ?? 0, postings.get(token) ?? []];
  }

  const chunks = new Map<number, Chunk>();
  for (let start = 0; start < docs; start += chunkSize) chunks.set(start / chunkSize, records.slice(start, start + chunkSize));

  return {
    meta: { version: INDEX_VERSION, docs, shards, chunkSize, common },
    shards: shardMaps,
    chunks,
  };
}

/** Each page's context tokens weighed by how few pages' contexts have them; common ones dropped. */
function weighContexts(inputs: readonly SignatureInput[]): SignatureRecord[] {
  const docs = inputs.length;
  const df = new Map<string, number>();
  for (const input of inputs) for (const token of new Set(input.context ?? [])) df.set(token, (df.get(token) ?? 0) + 1);
  return inputs.map(({ context, ...record }) => {
    if (!context || context.length === 0) return record;
    const weighed = [...new Set(context)]
      .filter((token) => !isCommonContext(df.get(token) ?? 0, docs))
      .map((token) => [token, Math.round(tokenWeight(df.get(token) ?? 1, docs) * 10) / 10] as const)
      .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))
      .slice(0, CONTEXT_TOKENS);
    return weighed.length === 0 ? record : { ...record, context: Object.fromEntries(weighed) };
  });
}
