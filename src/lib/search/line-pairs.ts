/**
 * Pairs of a page's line and a paste line, the unit the matcher scores: how well the two cover
 * each other, kept in flat arrays (a search reads thousands of postings, and the build's check
 * runs tens of thousands of searches), and the best pairs per page.
 */
import type { ErrorLine } from './normalise-paste.ts';

/** A line of the page's code, against the page's own error. */
export const CODE_LINE_FACTOR = 0.96;
/** What a second matched line of the paste adds, times its score. */
export const OTHER_LINE_SHARE = 0.06;

/**
 * The tokens a paste line is scored with: its words, and the words of its values, which meet a
 * page whose copy writes them unquoted (titles often drop the punctuation: `... missing the key version`).
 */
export function scoringTokens(line: ErrorLine): string[] {
  return line.values.length === 0 ? [...line.tokens] : [...new Set([...line.tokens, ...line.values])];
}

/**
 * How well a paste line and a page's line cover each other: the F₂ measure of the weight they
 * share, which favours covering the page's line (recall) four to one over explaining the paste's.
 */
export function coverScore(recallShare: number, precisionShare: number): number {
  const recall = Math.min(1, recallShare);
  const precision = Math.min(1, precisionShare);
  return recall + precision === 0 ? 0 : (5 * precision * recall) / (4 * precision + recall);
}

/** One of a page's lines against one paste line. */
export interface Pair {
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
export interface Candidate extends Pair {
  readonly doc: number;
  /** The best score of another paste line against the same page: a log matched line by line. */
  other: number;
  /** The next best pairs, best first, scored again with common words (`exactScore`). */
  readonly alternatives: Pair[];
}

/** Pairs of a page's line and a paste line kept per page for the exact scoring. */
export const PAIRS_PER_PAGE = 3;
/** Pairs of a page's line and a paste line as flat, growable arrays. */
export class PairTable {
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
export function offer(best: Map<number, Candidate>, doc: number, pair: Pair): void {
  const current = best.get(doc);
  if (!current) {
    best.set(doc, { doc, score: pair.score, signature: pair.signature, line: pair.line, words: pair.words, values: pair.values, norm: pair.norm, lineWeight: pair.lineWeight, other: 0, alternatives: [] });
    return;
  }
  if (pair.line !== current.line && pair.score > current.other) current.other = pair.score;
  if (current.alternatives.length < PAIRS_PER_PAGE - 1) current.alternatives.push(pair);
}
