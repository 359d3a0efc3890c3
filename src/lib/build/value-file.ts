/** One value kept on disk between builds, in Node's serialisation (which keeps Maps and Dates). */
import { readFileSync } from 'node:fs';
import { deserialize, serialize } from 'node:v8';
import { writeFileAtomic } from './write-atomic.ts';

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
    writeFileAtomic(this.file, serialize(value));
  }
}
