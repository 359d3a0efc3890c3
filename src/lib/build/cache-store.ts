/**
 * A key → value store kept on disk between builds, in 16 shard files (by the key's first
 * character) so that a rebuild that changed a few entries rewrites a few shards, not the
 * whole cache. Keys are content hashes: a stale value can never be found, and values no
 * build asked for are dropped when their shard is next written.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { writeFileAtomic } from './write-atomic.ts';
import { join } from 'node:path';
import { deserialize, serialize } from 'node:v8';

interface Shard<T> {
  readonly values: Map<string, T>;
  /** Keys read or written by this build; the rest is dropped on save. */
  readonly used: Set<string>;
  changed: boolean;
}

export class CacheStore<T> {
  private readonly shards = new Map<string, Shard<T>>();
  private readonly folder: string;
  private readonly name: string;

  /** `folder` is created on save; `name` prefixes the shard files. */
  constructor(folder: string, name: string) {
    this.folder = folder;
    this.name = name;
  }

  get(key: string): T | undefined {
    const shard = this.shard(key);
    const value = shard.values.get(key);
    if (value !== undefined) shard.used.add(key);
    return value;
  }

  set(key: string, value: T): void {
    const shard = this.shard(key);
    shard.values.set(key, value);
    shard.used.add(key);
    shard.changed = true;
  }

  /** Writes the shards that changed or hold values this build did not use; drops untouched ones. */
  save(): void {
    mkdirSync(this.folder, { recursive: true });
    for (const name of readdirSync(this.folder)) {
      const id = name.startsWith(`${this.name}-`) && name.endsWith('.v8') ? name.slice(this.name.length + 1, -3) : undefined;
      if (id !== undefined && !this.shards.has(id)) rmSync(join(this.folder, name), { force: true });
    }
    for (const [id, shard] of this.shards) {
      const unused = [...shard.values.keys()].filter((key) => !shard.used.has(key));
      if (!shard.changed && unused.length === 0) continue;
      for (const key of unused) shard.values.delete(key);
      const file = this.file(id);
      writeFileAtomic(file, serialize(shard.values));
    }
  }

  private file(id: string): string {
    return join(this.folder, `${this.name}-${id}.v8`);
  }

  private shard(key: string): Shard<T> {
    const id = key.slice(0, 1);
    let shard = this.shards.get(id);
    if (!shard) {
      shard = { values: this.read(this.file(id)), used: new Set(), changed: false };
      this.shards.set(id, shard);
    }
    return shard;
  }

  private read(file: string): Map<string, T> {
    if (!existsSync(file)) return new Map();
    try {
      const values: unknown = deserialize(readFileSync(file));
      return values instanceof Map ? (values as Map<string, T>) : new Map();
    } catch {
      // A cache that cannot be read is only a slower build, never a failed one.
      return new Map();
    }
  }
}
