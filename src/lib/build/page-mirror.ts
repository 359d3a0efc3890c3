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
  /** Links not made yet: file → where it links to (see `link`). */
  private readonly pending = new Map<string, string>();

  constructor(dir: string) {
    this.dir = dir;
    this.stateFile = `${dir}.json`;
  }

  /**
   * Makes the mirror show `files`, each linked from `sourceOf(file)`. When it showed the build
   * `previousBuildId`, only `changed` files and files it did not show are linked again, and
   * files no longer listed removed.
   * `discard` deletes a stale mirror (it may hold tens of thousands of links).
   * The links are made when their folder is first asked for (`link`), or at the latest by
   * `markAs`: Pagefind reads one part's folder while the next part's links are made.
   */
  sync(previousBuildId: string | undefined, files: ReadonlySet<string>, changed: ReadonlySet<string>, sourceOf: (file: string) => string, discard: (dir: string) => void): void {
    const state = this.readState();
    const valid = previousBuildId !== undefined && state?.buildId === previousBuildId && existsSync(this.dir);
    this.writeState({ buildId: '', files: [] });
    this.pending.clear();
    if (valid) {
      const shown = new Set(state.files);
      for (const file of shown) if (!files.has(file)) rmSync(join(this.dir, file), { force: true });
      for (const file of files) if (!shown.has(file) || changed.has(file)) this.pending.set(file, sourceOf(file));
    } else {
      if (existsSync(this.dir)) {
        const stale = `${this.dir}-stale-${process.pid}`;
        renameSync(this.dir, stale);
        discard(stale);
      }
      for (const file of files) this.pending.set(file, sourceOf(file));
    }
    this.files = [...files];
  }

  /** Makes the links still to be made under `prefix` (a folder, ending in `/`; '' for all). */
  link(prefix: string): void {
    for (const [file, source] of this.pending) {
      if (!file.startsWith(prefix)) continue;
      const target = join(this.dir, file);
      rmSync(target, { force: true });
      linkFile(source, target);
      this.pending.delete(file);
    }
  }

  /** Names the build the mirror now shows, once every link is made; it counts once that build's manifest is saved. */
  markAs(buildId: string): void {
    this.link('');
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
