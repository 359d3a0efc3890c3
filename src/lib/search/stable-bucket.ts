/**
 * FNV-1a (32 bits) over a text's UTF-16 code units, modulo `buckets`: the same bucket in the
 * build, the browser and the CLI, from build to build, and even enough for tokens and paths.
 * @example stableBucket('/en/a/', 7) === 4
 */
export function stableBucket(text: string, buckets: number): number {
  let hash = 0x811c9dc5;
  for (let index = 0; index < text.length; index++) {
    hash ^= text.charCodeAt(index);
    hash = Math.imul(hash, 0x01000193);
  }
  return (hash >>> 0) % buckets;
}
