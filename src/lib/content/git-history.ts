/**
 * When each content file last changed, from git history read in ONE pass per build: a
 * catalog of 10,000 entries per locale must not spawn git 40,000 times. Files git does not
 * know, or that have uncommitted changes, use their modification time; with no git at all
 * (a tarball of the tree, say), every file does. Pure apart from the two git calls and `stat`.
 */
import { spawnSync } from 'node:child_process';
import { statSync } from 'node:fs';
import { join } from 'node:path';

/** Where a "last updated" date comes from; shown nowhere, but tests and the status page use it. */
export type ChangeSource = 'git' | 'mtime';

export interface LastChange {
  /** The commit date (committer date) of the last commit touching the file, or its mtime. */
  readonly date: Date;
  readonly source: ChangeSource;
}

export interface FileHistory {
  /** The last change of a file, by its path relative to the content folder (`/` separators). */
  lastChange(contentPath: string): LastChange | undefined;
}

/** Record separator that starts each commit in the log output (`%x1e`). */
const RECORD = '\u001e';

/**
 * Reads `git log --format=%x1e%cI --name-only -z` output: for each path, the newest commit date.
 * Paths are as git printed them (relative to the folder when `--relative` was given).
 * @example parseGitLog('\u001e2026-01-02T00:00:00Z\u0000\na.md\u0000').get('a.md')?.toISOString() === '2026-01-02T00:00:00.000Z'
 */
export function parseGitLog(output: string): Map<string, Date> {
  const newest = new Map<string, Date>();
  for (const record of output.split(RECORD)) {
    const [rawDate, ...rawPaths] = record.split('\u0000');
    const date = new Date((rawDate ?? '').trim());
    if (Number.isNaN(date.getTime())) continue;
    for (const rawPath of rawPaths) {
      const path = rawPath.replace(/^\n+/, '');
      if (!path) continue;
      const known = newest.get(path);
      // Log order is topological, not strictly by date: keep the newest date seen.
      if (!known || known < date) newest.set(path, date);
    }
  }
  return newest;
}

/**
 * Reads `git status --porcelain -z` output: the paths with uncommitted changes (modified,
 * added, untracked), whose last change is in the working tree rather than in a commit.
 * @example parseGitStatus(' M en/a.md\u0000?? en/b.md\u0000') // Set { 'en/a.md', 'en/b.md' }
 */
export function parseGitStatus(output: string): Set<string> {
  const changed = new Set<string>();
  const fields = output.split('\u0000');
  for (let index = 0; index < fields.length; index += 1) {
    const field = fields[index] ?? '';
    if (field.length < 4) continue;
    const status = field.slice(0, 2);
    changed.add(field.slice(3));
    // A rename or copy is followed by a field with its old path; skip it.
    if (status.includes('R') || status.includes('C')) index += 1;
  }
  return changed;
}

function runGit(cwd: string, args: readonly string[]): string | undefined {
  const result = spawnSync('git', ['-c', 'core.quotePath=false', ...args], {
    cwd,
    encoding: 'utf8',
    maxBuffer: 512 * 1024 * 1024,
    stdio: ['ignore', 'pipe', 'ignore'],
  });
  // No git binary (error set) or not a repository (non-zero status): use file times instead.
  return result.error || result.status !== 0 ? undefined : result.stdout;
}

function modificationTime(contentDir: string, contentPath: string): LastChange | undefined {
  try {
    return { date: statSync(join(contentDir, contentPath)).mtime, source: 'mtime' };
  } catch {
    // A file that vanished since it was loaded has no date to show; the page shows none.
    return undefined;
  }
}

/**
 * The history of every file under `contentDir`, from one `git log` and one `git status`.
 * Reads nothing more later: `lastChange` is a map lookup (plus `stat` for untracked files).
 */
export function readFileHistory(contentDir: string): FileHistory {
  const log = runGit(contentDir, ['log', '--format=%x1e%cI', '--name-only', '--no-renames', '-z', '--relative', '--', '.']);
  const status = log === undefined ? undefined : runGit(contentDir, ['status', '--porcelain', '-z', '--untracked-files=all', '--', '.']);
  const committed = log === undefined ? new Map<string, Date>() : parseGitLog(log);
  // `git status` prints paths relative to the repository root, not to this folder.
  const prefix = log === undefined ? '' : (runGit(contentDir, ['rev-parse', '--show-prefix'])?.trim() ?? '');
  const uncommitted = new Set([...(status === undefined ? [] : parseGitStatus(status))].map((path) => (path.startsWith(prefix) ? path.slice(prefix.length) : path)));
  // Pages ask once per language they are shown in; a file's time is read once.
  const known = new Map<string, LastChange | undefined>();
  return {
    lastChange(contentPath) {
      if (known.has(contentPath)) return known.get(contentPath);
      const date = committed.get(contentPath);
      const change = date && !uncommitted.has(contentPath) ? { date, source: 'git' as const } : modificationTime(contentDir, contentPath);
      known.set(contentPath, change);
      return change;
    },
  };
}
