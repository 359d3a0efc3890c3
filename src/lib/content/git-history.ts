/**
 * When each content file last changed, from git history read in ONE pass per build: a
 * catalog of 10,000 entries per locale must not spawn git 40,000 times. Files git does not
 * know, or that have uncommitted changes, use their modification time; with no git at all
 * (a tarball of the tree, say), every file does. Pure apart from the git calls and `stat`.
 *
 * Reading the whole history grows with it: 1,500 commits over 4,000 entries took 0.2–0.5 s
 * packed, and 1.2–4 s as the loose objects of commits made locally, on every build. So the
 * dates come with the commit they were read at (`CommittedDates`), and a build that is given
 * them reads only the commits made since.
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
  /**
   * What git said when it refused to read the history of a folder that is in a repository (a
   * "dubious ownership" refusal, a broken config): every date is then a file time, which the
   * build must say. Undefined when git read it, or when there is no repository to read.
   */
  readonly problem: string | undefined;
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

/** What git says when the folder is in no repository, or one without commits: file times are right then. */
const NO_HISTORY = /not a git repository|unknown revision|ambiguous argument 'HEAD'|does not have any commits/i;

/** Runs git; a refusal other than "no history here" is added to `problems`, with git's words. */
function runGit(cwd: string, args: readonly string[], problems?: string[]): string | undefined {
  const result = spawnSync('git', ['-c', 'core.quotePath=false', ...args], {
    cwd,
    encoding: 'utf8',
    maxBuffer: 512 * 1024 * 1024,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  // No git binary: file times, as without a repository.
  if (result.error) return undefined;
  if (result.status === 0) return result.stdout;
  const said = result.stderr.trim().split('\n')[0] ?? '';
  if (said && !NO_HISTORY.test(result.stderr)) problems?.push(`git ${args[0] ?? ''}: ${said}`);
  return undefined;
}

function modificationTime(contentDir: string, contentPath: string): LastChange | undefined {
  try {
    return { date: statSync(join(contentDir, contentPath)).mtime, source: 'mtime' };
  } catch {
    // A file that vanished since it was loaded has no date to show; the page shows none.
    return undefined;
  }
}

/** The newest commit date of each path under a content folder, as of commit `head`. */
export interface CommittedDates {
  readonly head: string;
  readonly dates: ReadonlyMap<string, Date>;
}

/** Whether a value read back from a cache is a `CommittedDates`. */
export function isCommittedDates(value: unknown): value is CommittedDates {
  const dates = value as Partial<CommittedDates> | undefined;
  return typeof dates?.head === 'string' && dates.dates instanceof Map;
}

/** Where a build keeps the dates it read for the next one. */
export interface HistoryCache {
  read(): CommittedDates | undefined;
  write(dates: CommittedDates): void;
}

/**
 * Every file's newest commit date as of `head`: the cached dates when they are of `head`; the
 * cached dates updated from the commits since, when `head` descends from theirs; else the
 * whole log. The union of the old history and the commits since is the whole history, so
 * the newer date of the two is the one the whole log would give.
 */
function committedDates(contentDir: string, head: string, cached: CommittedDates | undefined, problems: string[]): ReadonlyMap<string, Date> | undefined {
  if (cached?.head === head) return cached.dates;
  // Not an ancestor is an answer, not a problem.
  const descends = cached !== undefined && runGit(contentDir, ['merge-base', '--is-ancestor', cached.head, head]) !== undefined;
  const log = runGit(contentDir, ['log', '--format=%x1e%cI', '--name-only', '--no-renames', '-z', '--relative', ...(descends ? [`${cached.head}..${head}`] : [head]), '--', '.'], problems);
  if (log === undefined) return undefined;
  const dates = parseGitLog(log);
  if (!descends) return dates;
  const merged = new Map(cached.dates);
  for (const [path, date] of dates) {
    const known = merged.get(path);
    if (!known || known < date) merged.set(path, date);
  }
  return merged;
}

/**
 * The history of every file under `contentDir`, from `git rev-parse`, `git log` (of the commits
 * since the cached dates, if any) and `git status`. Reads nothing more later: `lastChange` is
 * a map lookup (plus `stat` for untracked files).
 */
export function readFileHistory(contentDir: string, cache?: HistoryCache): FileHistory {
  // No repository, or one without commits: every file uses its file time.
  const problems: string[] = [];
  const [head, prefix = ''] = runGit(contentDir, ['rev-parse', 'HEAD', '--show-prefix'], problems)?.split('\n') ?? [];
  const cached = head ? cache?.read() : undefined;
  const dates = head ? committedDates(contentDir, head, cached, problems) : undefined;
  if (head && dates && dates !== cached?.dates) cache?.write({ head, dates });
  const committed = dates ?? new Map<string, Date>();
  const status = dates === undefined ? undefined : runGit(contentDir, ['status', '--porcelain', '-z', '--untracked-files=all', '--', '.'], problems);
  // `git status` prints paths relative to the repository root (`prefix` is this folder's path in it).
  const uncommitted = new Set([...(status === undefined ? [] : parseGitStatus(status))].map((path) => (path.startsWith(prefix) ? path.slice(prefix.length) : path)));
  // Pages ask once per language they are shown in; a file's time is read once.
  const known = new Map<string, LastChange | undefined>();
  return {
    problem:
      problems.length === 0
        ? undefined
        : `git could not read the content's history (${problems.join('; ')}): every "Last updated" date and the translation status use file times instead. Fix what git says (for "dubious ownership": git config --global --add safe.directory <the repository>) and build again.`,
    lastChange(contentPath) {
      if (known.has(contentPath)) return known.get(contentPath);
      const date = committed.get(contentPath);
      const change = date && !uncommitted.has(contentPath) ? { date, source: 'git' as const } : modificationTime(contentDir, contentPath);
      known.set(contentPath, change);
      return change;
    },
  };
}
