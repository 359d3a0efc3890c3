/**
 * The file layout of a signature index under its folder, shared by the writer (build), the
 * browser store (fetch) and the CLI store (file system).
 */
import type { Chunk, IndexMeta, Shard, SignatureIndex } from './signature-index.ts';
import type { IndexStore } from './match-paste.ts';

const META_FILE = 'meta.json';
const shardFile = (id: number) => `t/${id}.json`;
const chunkFile = (id: number) => `d/${id}.json`;

/** Every file of an index, as relative path → JSON text. */
export function indexFiles(index: SignatureIndex): Map<string, string> {
  const files = new Map<string, string>([[META_FILE, JSON.stringify(index.meta)]]);
  for (const [id, shard] of index.shards) files.set(shardFile(id), JSON.stringify(shard));
  for (const [id, chunk] of index.chunks) files.set(chunkFile(id), JSON.stringify(chunk));
  return files;
}

/**
 * A store over any way of reading a file by relative path. Files are read once; a shard or
 * chunk that does not exist (an empty shard) reads as empty.
 */
export function fileStore(read: (path: string) => Promise<string | undefined>): IndexStore {
  const cache = new Map<string, Promise<unknown>>();
  const json = <T>(path: string, empty: T): Promise<T> => {
    let pending = cache.get(path) as Promise<T> | undefined;
    if (!pending) {
      pending = read(path).then((text) => (text === undefined ? empty : (JSON.parse(text) as T)));
      cache.set(path, pending);
    }
    return pending;
  };
  return {
    meta: async () => {
      const meta = await json<IndexMeta | undefined>(META_FILE, undefined);
      if (!meta) throw new Error('The search index has no meta.json: build the site first.');
      return meta;
    },
    shard: (id) => json<Shard>(shardFile(id), {}),
    chunk: (id) => json<Chunk>(chunkFile(id), []),
  };
}
