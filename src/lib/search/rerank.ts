/**
 * The second pass over the best candidates of a paste: each scored again with every word of its
 * line (`exactScore`), then re-ranked by what the paste says besides the line — the values that
 * name a page, the words of its title, word order, and the context of its example logs.
 */
import { CODE_LINE_FACTOR, coverScore, OTHER_LINE_SHARE, scoringTokens, type Candidate } from './line-pairs.ts';
import { maskLine } from './mask.ts';
import type { ErrorLine } from './normalise-paste.ts';
import { signatureTokens, tokenWeight, type IndexMeta, type SignatureRecord } from './signature-index.ts';
import { errorTokens, valueTokens } from './tokens.ts';

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
 * The score of a candidate with the common words counted too. The first pass sees only posted
 * words, and common words are posted only for lines that have no others: a page's line whose
 * distinguishing word is common (`Upload 'x' cannot be opened`) would otherwise require only
 * its rare words and fit any paste that has them. The best candidates are scored again here
 * from their line's text, every word weighed.
 */
export function exactScore(candidate: Candidate, signature: string, line: ErrorLine, meta: IndexMeta, found: ReadonlyMap<string, unknown>): number {
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
export interface PasteContext {
  /** Every token of the whole paste, values included. */
  readonly all: ReadonlySet<string>;
  /** Tokens of the paste's paths and quoted names. */
  readonly values: ReadonlySet<string>;
}

/**
 * How much of the page's example-log context the paste has, besides the words the two lines
 * share: the weights of the context tokens it matches.
 */
export function contextWeight(candidate: Candidate, record: SignatureRecord, context: PasteContext): number {
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
export function lineAdjustment(candidate: Candidate, record: SignatureRecord, line: ErrorLine, context: PasteContext): number {
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

/** The context bonus of a candidate whose context weight is `weight`, `most` being the candidates' largest. */
export function contextBonus(weight: number, most: number): number {
  return (CONTEXT_BONUS * weight) / Math.max(most, CONTEXT_FLOOR);
}
