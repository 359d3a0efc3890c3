/**
 * Tokens of a masked error line: identifiers as written (`certificate_verify_failed`,
 * `_ssl.c`, `tank.errors.tankerror`, `externally-managed-environment`) and their parts, so a
 * paste that writes only part of a dotted name still meets the catalog's copy.
 */
import { PLACEHOLDER } from './mask.ts';

const IDENTIFIER = /[\p{L}\p{N}_]+(?:[.:-][\p{L}\p{N}_]+)*/gu;
const PART = /[\p{L}\p{N}_]+/gu;

function keep(token: string): boolean {
  // One letter says nothing; a number may be an error code (`WinError 5`).
  return token.length > 1 || /\d/.test(token);
}

/** Distinct lowercase tokens of a masked line, in first-seen order. */
export function errorTokens(masked: string): string[] {
  const tokens = new Set<string>();
  const text = masked.replace(PLACEHOLDER, ' ').toLowerCase();
  for (const match of text.matchAll(IDENTIFIER)) {
    const token = match[0];
    if (keep(token)) tokens.add(token);
    if (/[.:-]/.test(token)) {
      for (const part of token.matchAll(PART)) if (keep(part[0])) tokens.add(part[0]);
    }
  }
  return [...tokens];
}
