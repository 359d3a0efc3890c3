/**
 * Output folders that change all at once. A build writes into `<out>.partial-<pid>` beside
 * `<out>`. A full build renames it into place at the end. A rebuild's staging folder holds
 * only the files that changed: it is applied over the output from a journal written first, so
 * that a commit interrupted half-way is finished by the next build before anything else.
 * Readers (and a host syncing the folder) never see half of a build, and a failed build loses
 * nothing.
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmdirSync, rmSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { listFiles } from './list-files.ts';
import { writeFileAtomic } from './write-atomic.ts';

const PARTIAL = '.partial-';
const PREVIOUS = '.previous-';
const JOURNAL = '.commit-';

/**
 * Makes this process the only build writing `target` until it exits: a rebuild changes the
 * output in place, and two at once would mix their files. A lock left by a killed build is
 * taken over.
 */
export function lockOutput(target: string): void {
  const lock = `${target}.lock`;
  mkdirSync(dirname(target), { recursive: true });
  for (;;) {
    try {
      writeFileSync(lock, String(process.pid), { flag: 'wx' });
      break;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const holder = Number(readFileSync(lock, 'utf8'));
      if (holder !== process.pid && holder > 0 && isRunning(holder)) {
        throw new Error(`Another build (process ${holder}) is writing ${target}. Wait for it to finish, or stop it.`);
      }
      rmSync(lock, { force: true });
    }
  }
  process.on('exit', () => {
    if (existsSync(lock) && readFileSync(lock, 'utf8') === String(process.pid)) rmSync(lock, { force: true });
  });
}

export function stagingFolder(target: string, pid: number): string {
  return `${target}${PARTIAL}${pid}`;
}

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    // ESRCH: no such process. (EPERM would mean it runs as another user: leave it.)
    return false;
  }
}

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * Finishes commits interrupted by a killed build, then removes staging and previous folders
 * left by builds that are no longer running (killed builds, or an old output still being
 * deleted) in the background: they are in nobody's way. With `includeOwn`, also this
 * process's own staging folder, at once.
 */
export function removeStaleBuilds(target: string, { includeOwn = false } = {}): void {
  const parent = dirname(target);
  const name = escape(basename(target));
  if (!existsSync(parent)) return;
  for (const entry of readdirSync(parent)) {
    const journal = new RegExp(`^${name}${escape(JOURNAL)}(\\d+)\\.json$`).exec(entry);
    if (journal && Number(journal[1]) !== process.pid && !isRunning(Number(journal[1]))) applyJournal(target, join(parent, entry));
  }
  for (const entry of readdirSync(parent)) {
    const match = new RegExp(`^${name}(?:${escape(PARTIAL)}|${escape(PREVIOUS)})(\\d+)$`).exec(entry);
    if (!match) continue;
    const pid = Number(match[1]);
    // Retried: a thread of this build may still be writing into it (see background-writes.ts).
    if (pid === process.pid && includeOwn) rmSync(join(parent, entry), { recursive: true, force: true, maxRetries: 3 });
    else if (pid !== process.pid && !isRunning(pid)) removeInBackground(join(parent, entry));
  }
}

/**
 * Puts `staging` where `target` is. The old output is deleted by a detached process: removing
 * tens of thousands of files takes seconds that nobody needs to wait for (a build that
 * starts before it is gone removes what is left).
 */
export function swapIntoPlace(staging: string, target: string): void {
  const previous = `${target}${PREVIOUS}${process.pid}`;
  if (existsSync(target)) renameSync(target, previous);
  renameSync(staging, target);
  if (existsSync(previous)) removeInBackground(previous);
}

interface Journal {
  readonly staging: string;
  /** Files of the staging folder, each moved over the output's. */
  readonly moved: readonly string[];
  /** Files of the output that the new build does not have. */
  readonly deleted: readonly string[];
}

/**
 * Applies a rebuild's staging folder (only what changed) over `target`, and deletes `deleted`.
 * The journal is written first: if this process dies half-way, the next build finishes it.
 */
export function commitChanges(staging: string, target: string, deleted: readonly string[]): void {
  const journalFile = `${target}${JOURNAL}${process.pid}.json`;
  const journal: Journal = { staging, moved: listFiles(staging), deleted };
  writeFileAtomic(journalFile, JSON.stringify(journal));
  applyJournal(target, journalFile);
}

/** Moves, deletes, then removes the staging folder and the journal; safe to run again. */
function applyJournal(target: string, journalFile: string): void {
  const journal = JSON.parse(readFileSync(journalFile, 'utf8')) as Journal;
  for (const file of journal.moved) {
    const from = join(journal.staging, file);
    if (!existsSync(from)) continue; // moved before the interruption
    mkdirSync(dirname(join(target, file)), { recursive: true });
    renameSync(from, join(target, file));
  }
  for (const file of journal.deleted) {
    rmSync(join(target, file), { force: true });
    removeEmptyFolders(target, dirname(file));
  }
  rmSync(journal.staging, { recursive: true, force: true });
  rmSync(journalFile, { force: true });
}

/** Removes `folder` (relative to `root`) and its parents while they are empty. */
function removeEmptyFolders(root: string, folder: string): void {
  for (let current = folder; current !== '.' && current !== ''; current = dirname(current)) {
    try {
      rmdirSync(join(root, current));
    } catch {
      return; // not empty
    }
  }
}

/** Deletes the folders from a detached process: this one need not wait for it. */
export function removeInBackground(...folders: string[]): void {
  if (folders.length === 0) return;
  const script = 'for (const folder of process.argv.slice(1)) require("node:fs").rmSync(folder, { recursive: true, force: true })';
  const remover = spawn(process.execPath, ['-e', script, ...folders], {
    detached: true,
    stdio: 'ignore',
  });
  remover.unref();
}
