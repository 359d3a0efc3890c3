import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { type CommittedDates, type HistoryCache, parseGitLog, parseGitStatus, readFileHistory } from '../../src/lib/content/git-history.ts';

describe('parseGitLog', () => {
  it('keeps the newest commit date of each path', () => {
    const log = [
      '\u001e2026-03-01T10:00:00+00:00\u0000\nen/a.md\u0000ja/a.md\u0000',
      '\u001e2026-01-01T10:00:00+09:00\u0000\nen/a.md\u0000en/b.md\u0000',
      // Log order is not strictly by date (merges): a later date further down still wins.
      '\u001e2026-04-01T00:00:00Z\u0000\nen/b.md\u0000',
    ].join('');
    const dates = parseGitLog(log);
    expect(dates.get('en/a.md')?.toISOString()).toBe('2026-03-01T10:00:00.000Z');
    expect(dates.get('ja/a.md')?.toISOString()).toBe('2026-03-01T10:00:00.000Z');
    expect(dates.get('en/b.md')?.toISOString()).toBe('2026-04-01T00:00:00.000Z');
  });

  it('keeps paths with spaces and non-ASCII letters as written', () => {
    const dates = parseGitLog('\u001e2026-01-02T00:00:00Z\u0000\nja/権限 エラー.md\u0000');
    expect([...dates.keys()]).toEqual(['ja/権限 エラー.md']);
  });

  it('skips records without a readable date', () => {
    expect(parseGitLog('\u001enot a date\u0000\nen/a.md\u0000').size).toBe(0);
  });
});

describe('parseGitStatus', () => {
  it('lists modified, added and untracked paths, and the new side of a rename', () => {
    const status = ' M content/en/a.md\u0000A  content/en/b.md\u0000?? content/ja/c.md\u0000R  content/en/new.md\u0000content/en/old.md\u0000';
    expect([...parseGitStatus(status)].sort()).toEqual(['content/en/a.md', 'content/en/b.md', 'content/en/new.md', 'content/ja/c.md']);
  });
});

describe('readFileHistory', () => {
  const work = mkdtempSync(join(tmpdir(), 'errata-history-'));
  afterAll(() => rmSync(work, { recursive: true, force: true }));
  const git = (cwd: string, args: string[], date?: string) => {
    const result = spawnSync('git', args, {
      cwd,
      encoding: 'utf8',
      env: { ...process.env, GIT_AUTHOR_NAME: 't', GIT_AUTHOR_EMAIL: 't@example.test', GIT_COMMITTER_NAME: 't', GIT_COMMITTER_EMAIL: 't@example.test', ...(date ? { GIT_AUTHOR_DATE: date, GIT_COMMITTER_DATE: date } : {}) },
    });
    if (result.status !== 0) throw new Error(result.stderr);
  };
  const write = (root: string, path: string, text: string) => {
    mkdirSync(join(root, path, '..'), { recursive: true });
    writeFileSync(join(root, path), text);
  };
  /** A repository `name` whose first commit (at `date`) holds `files` under `content/`; returns that folder. */
  const repository = (name: string, files: Record<string, string>, date: string) => {
    const repo = join(work, name);
    const content = join(repo, 'content');
    for (const [path, text] of Object.entries(files)) write(content, path, text);
    git(repo, ['init', '-q']);
    git(repo, ['add', '.']);
    git(repo, ['commit', '-qm', 'first'], date);
    return content;
  };

  it('reads commit dates of files in a content folder below the repository root', () => {
    const content = repository('repo', { 'en/a.md': 'one', 'ja/a.md': 'ichi' }, '2026-01-05T12:00:00Z');
    write(content, 'en/a.md', 'one, changed');
    git(content, ['commit', '-qam', 'source changed'], '2026-02-07T08:30:00Z');
    // Uncommitted: a modified translation and a new file use their file times.
    write(content, 'ja/a.md', 'ichi, edited');
    write(content, 'ko/a.md', 'hana');
    const mtime = new Date('2026-03-03T03:03:03Z');
    utimesSync(join(content, 'ja/a.md'), mtime, mtime);
    utimesSync(join(content, 'ko/a.md'), mtime, mtime);

    const history = readFileHistory(content);
    expect(history.lastChange('en/a.md')).toEqual({ date: new Date('2026-02-07T08:30:00Z'), source: 'git' });
    expect(history.lastChange('ja/a.md')).toEqual({ date: mtime, source: 'mtime' });
    expect(history.lastChange('ko/a.md')).toEqual({ date: mtime, source: 'mtime' });
    expect(history.lastChange('zh_CN/missing.md')).toBeUndefined();
  });

  it('reads only the commits made since the dates it kept, and none while HEAD stays', () => {
    const content = repository('kept', { 'en/a.md': 'one', 'en/b.md': 'two' }, '2026-01-05T12:00:00Z');
    let kept: CommittedDates | undefined;
    const cache: HistoryCache = { read: () => kept, write: (dates) => (kept = dates) };
    const first = new Date('2026-01-05T12:00:00Z');
    expect(readFileHistory(content, cache).lastChange('en/b.md')).toEqual({ date: first, source: 'git' });
    expect([...(kept?.dates.keys() ?? [])].sort()).toEqual(['en/a.md', 'en/b.md']);

    // A date no commit has shows where an answer came from: the kept dates, not git.
    const forged = new Date('2020-01-01T00:00:00Z');
    const head = kept?.head ?? '';
    kept = { head, dates: new Map([['en/a.md', first], ['en/b.md', forged]]) };
    expect(readFileHistory(content, cache).lastChange('en/b.md')?.date).toEqual(forged);

    write(content, 'en/a.md', 'one, changed');
    git(content, ['commit', '-qam', 'second'], '2026-02-01T00:00:00Z');
    const since = readFileHistory(content, cache);
    expect(since.lastChange('en/a.md')?.date).toEqual(new Date('2026-02-01T00:00:00Z'));
    expect(since.lastChange('en/b.md')?.date).toEqual(forged);
    expect(kept?.head).not.toBe(head);

    // Dates of a commit HEAD does not descend from (a rewritten history): the whole log again.
    kept = { head: '0'.repeat(40), dates: new Map([['en/b.md', forged]]) };
    expect(readFileHistory(content, cache).lastChange('en/b.md')?.date).toEqual(first);
  });

  it('falls back to file times outside a repository', () => {
    const plain = join(work, 'plain');
    write(plain, 'en/a.md', 'one');
    const mtime = new Date('2025-12-24T00:00:00Z');
    utimesSync(join(plain, 'en/a.md'), mtime, mtime);
    expect(readFileHistory(plain).lastChange('en/a.md')).toEqual({ date: mtime, source: 'mtime' });
    // No repository is no problem: file times are the right dates then.
    expect(readFileHistory(plain).problem).toBeUndefined();
  });

  it('says what git said when it refuses to read a repository, and uses file times', () => {
    const content = repository('refused', { 'en/a.md': 'one' }, '2026-01-01T00:00:00Z');
    const mtime = new Date('2025-11-11T00:00:00Z');
    utimesSync(join(content, 'en/a.md'), mtime, mtime);
    expect(readFileHistory(content).problem).toBeUndefined();
    // A config git cannot read stands for any refusal, such as CI's "dubious ownership".
    const brokenConfig = join(work, 'broken-gitconfig');
    writeFileSync(brokenConfig, '[core\n');
    const saved = process.env['GIT_CONFIG_GLOBAL'];
    process.env['GIT_CONFIG_GLOBAL'] = brokenConfig;
    try {
      const history = readFileHistory(content);
      expect(history.problem).toMatch(/^git could not read the content's history \(git rev-parse: (fatal|error): bad config line 1 in file .*broken-gitconfig\): every "Last updated" date/);
      expect(history.lastChange('en/a.md')).toEqual({ date: mtime, source: 'mtime' });
    } finally {
      if (saved === undefined) delete process.env['GIT_CONFIG_GLOBAL'];
      else process.env['GIT_CONFIG_GLOBAL'] = saved;
    }
  });
});
