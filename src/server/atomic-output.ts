/**
 * Output folders that change all at once: a build writes into `<out>.partial-<pid>` beside
 * `<out>` and renames it into place at the end, so readers (and a host syncing the folder)
 * never see half of a build, and a failed build loses nothing.
 */
import { existsSync, readdirSync, renameSync, rmSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';

const PARTIAL = '.partial-';
const PREVIOUS = '.previous-';

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

/**
 * Removes staging and previous folders left by builds that are no longer running (killed
 * builds). With `includeOwn`, also this process's own staging folder.
 */
export function removeStaleBuilds(target: string, { includeOwn = false } = {}): void {
  const parent = dirname(target);
  const name = basename(target);
  if (!existsSync(parent)) return;
  for (const entry of readdirSync(parent)) {
    const match = new RegExp(`^${name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?:${PARTIAL}|${PREVIOUS})(\\d+)$`).exec(entry);
    if (!match) continue;
    const pid = Number(match[1]);
    if ((pid === process.pid && includeOwn) || (pid !== process.pid && !isRunning(pid))) {
      rmSync(join(parent, entry), { recursive: true, force: true });
    }
  }
}

/** Puts `staging` where `target` is, then deletes the old output. */
export function swapIntoPlace(staging: string, target: string): void {
  const previous = `${target}${PREVIOUS}${process.pid}`;
  if (existsSync(target)) renameSync(target, previous);
  renameSync(staging, target);
  rmSync(previous, { recursive: true, force: true });
}
