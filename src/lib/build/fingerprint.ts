/** Content hashes for cache keys (hex: usable in file names on any file system). */
import { createHash, hash } from 'node:crypto';

/**
 * A hash of the parts, in order; parts cannot run into each other.
 * @example fingerprint('a', 'bc') !== fingerprint('ab', 'c')
 */
export function fingerprint(...parts: readonly (string | Uint8Array)[]): string {
  // Text alone is hashed in one call: a rebuild takes tens of thousands of fingerprints, and
  // one call costs less than half of a hash object fed part by part (same digest).
  if (parts.every((part) => typeof part === 'string')) {
    let text = '';
    for (const part of parts) text += `${part.length}:${part}`;
    return hash('sha1', text);
  }
  const hasher = createHash('sha1');
  for (const part of parts) hasher.update(String(part.length)).update(':').update(part);
  return hasher.digest('hex');
}
