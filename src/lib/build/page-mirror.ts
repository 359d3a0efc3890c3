/**
 * A folder of hard links to the output's entry pages, kept between builds. Pagefind indexes a
 * language from it: on a rebuild the output is not complete until the end, and relinking the
 * few rendered pages costs far less than linking every page again (40,000 links take seconds).
 *
 * The mirror is valid for one output: a state file names the build it matches. A build that
 * changes the mirror first marks it as changing, and names its own build id only when done;
 * anything unexpected means the mirror is made again from scratch.
 */
import { existsSync, mkdirSync, readFileSync, renameSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { linkFile } from './link-file.ts';
import { writeFileAtomic } from './write-atomic.ts';

interface MirrorState {
  /** The build whose output the mirror shows. */
  readonly buildId: string;
  readonly files: readonly string[];
}

export class PageMirror {
  readonly dir: string;
  private readonly stateFile: string;
  private files: readonly string[] = [];

  constructor(dir: string) {
    this.dir = dir;
    this.stateFile = `${dir}.json`;
  }

  /**
   * Makes the mirror show `files`, each linked from `sourceOf(file)`. When it showed the build
   * `previousBuildId`, only `changed` files and files it did not show are linked again, and
   * files no longer listed removed.
   * `discard` deletes a stale mirror (it may hold tens of thousands of links).
   */
  sync(previousBuildId: string | undefined, files: ReadonlySet<string>, changed: ReadonlySet<string>, sourceOf: (file: string) => string, discard: (dir: string) => void): void {
    const state = this.readState();
    const valid = previousBuildId !== undefined && state?.buildId === previousBuildId && existsSync(this.dir);
    this.writeState({ buildId: '', files: [] });
    if (valid) {
      const shown = new Set(state.files);
      for (const file of shown) if (!files.has(file)) rmSync(join(this.dir, file), { force: true });
      for (const file of files) {
        if (shown.has(file) && !changed.has(file)) continue;
        rmSync(join(this.dir, file), { force: true });
        linkFile(sourceOf(file), join(this.dir, file));
      }
    } else {
      if (existsSync(this.dir)) {
        const stale = `${this.dir}-stale-${process.pid}`;
        renameSync(this.dir, stale);
        discard(stale);
      }
      for (const file of files) linkFile(sourceOf(file), join(this.dir, file));
    }
    this.files = [...files];
  }

  /** Names the build the mirror now shows; it counts once that build's manifest is saved. */
  markAs(buildId: string): void {
    this.writeState({ buildId, files: this.files });
  }

  /** Removes the mirror, for a mirror made for one build only. */
  remove(): void {
    rmSync(this.dir, { recursive: true, force: true });
    rmSync(this.stateFile, { force: true });
  }

  private readState(): MirrorState | undefined {
    try {
      return JSON.parse(readFileSync(this.stateFile, 'utf8')) as MirrorState;
    } catch {
      return undefined;
    }
  }

  private writeState(state: MirrorState): void {
    mkdirSync(dirname(this.stateFile), { recursive: true });
    writeFileAtomic(this.stateFile, JSON.stringify(state));
  }
}
