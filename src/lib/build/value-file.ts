/** One value kept on disk between builds, in Node's serialisation (which keeps Maps and Dates). */
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { deserialize, serialize } from 'node:v8';

export class ValueFile<T> {
  private readonly file: string;
  private readonly accepts: (value: unknown) => value is T;

  /** `accepts` tells a value of the right shape: a file written by other code is not one. */
  constructor(file: string, accepts: (value: unknown) => value is T) {
    this.file = file;
    this.accepts = accepts;
  }

  /** The value, or undefined when there is none or it cannot be read. */
  read(): T | undefined {
    try {
      const value: unknown = deserialize(readFileSync(this.file));
      return this.accepts(value) ? value : undefined;
    } catch {
      return undefined;
    }
  }

  write(value: T): void {
    mkdirSync(dirname(this.file), { recursive: true });
    // Written beside and renamed: a killed build never leaves half a file.
    writeFileSync(`${this.file}.tmp-${process.pid}`, serialize(value));
    renameSync(`${this.file}.tmp-${process.pid}`, this.file);
  }
}
