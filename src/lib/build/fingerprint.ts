/** Content hashes for cache keys (hex: usable in file names on any file system). */
import { createHash } from 'node:crypto';

/**
 * A hash of the parts, in order; parts cannot run into each other.
 * @example fingerprint('a', 'bc') !== fingerprint('ab', 'c')
 */
export function fingerprint(...parts: readonly (string | Uint8Array)[]): string {
  const hash = createHash('sha1');
  for (const part of parts) hash.update(String(part.length)).update(':').update(part);
  return hash.digest('hex');
}
