/**
 * `npm run new`: a pagename from the error's words, free in every language; the file in the
 * tree's shape; front matter that YAML reads back as written; a skeleton that `npm run check`
 * accepts as written; a translation that keeps the H1 and every code block byte for byte; and a
 * file that is never replaced. The script itself runs end to end in a copy of a small tree.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Code, Heading } from 'mdast';
import { toString } from 'mdast-util-to-string';
import { afterAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { entryText, SECTIONS, sectionOf } from '../../src/lib/authoring/entry-text.ts';
import { planNewEntry, planTranslation, type Plan, type Refusal } from '../../src/lib/authoring/new-entry.ts';
import { freePagename, pagenameProblem, suggestPagenameFromMessage } from '../../src/lib/authoring/pagename-suggestion.ts';
import { newEntryPath, translationPath, type TreeShape } from '../../src/lib/authoring/placement.ts';
import { readProject, writeNewFile } from '../../src/lib/authoring/project.ts';
import { inlineCode, readPaste } from '../../src/lib/authoring/skeleton.ts';
import { plain, quoted } from '../../src/lib/authoring/yaml-values.ts';
import { DiagnosticSink, formatDiagnostic } from '../../src/lib/validation/diagnostic.ts';
import { parseFrontMatter } from '../../src/lib/content/front-matter.ts';
import { loadSite } from '../../src/lib/content/load-site.ts';
import { makeLocaleConfig } from '../../src/lib/i18n/locales.ts';
import { parseMarkdown } from '../../src/lib/markdown/parse-markdown.ts';
import { Catalog } from '../../src/lib/site/catalog.ts';
import { checkSite } from '../../src/lib/validation/check-site.ts';

const ROOT = join(import.meta.dirname, '../..');
const SMALL_TREE = join(ROOT, 'tests/fixtures/site-small/content');
const work = mkdtempSync(join(tmpdir(), 'errata-new-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

/** A fresh project folder holding a copy of the small fixture tree as its content/. */
let projects = 0;
function copyProject(): string {
  projects += 1;
  const root = join(work, `project-${projects}`);
  cpSync(SMALL_TREE, join(root, 'content'), { recursive: true });
  return root;
}

/** Runs `npm run new -- …args` in `root`, as npm would. */
function runNew(root: string, ...args: string[]) {
  const env: NodeJS.ProcessEnv = { ...process.env, PORT: '4321' };
  delete env['ERRATA_CONTENT_DIR'];
  delete env['ERRATA_CONFIG'];
  const result = spawnSync(process.execPath, [join(ROOT, 'scripts/new.ts'), ...args], { cwd: root, env, encoding: 'utf8' });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** Every problem `npm run check` reports for the tree in `root`, as `path:line:column: message [rule]`. */
async function checkTree(root: string): Promise<string[]> {
  const site = loadSite({ rootDir: root, contentDir: join(root, 'content') });
  const catalog = new Catalog(site.pages, site.sources.localeConfig, site.sources.categories);
  const { diagnostics } = await checkSite({ site, catalog });
  return diagnostics.map(formatDiagnostic);
}

const errorsOf = (problems: readonly string[]) => problems.filter((line) => !/: (warning|note): /.test(line));

/** The front matter and body of a written file. */
function readEntry(file: string) {
  const parsed = parseFrontMatter(readFileSync(file, 'utf8'), file, new DiagnosticSink());
  if (!parsed) throw new Error(`${file} has no front matter`);
  return parsed;
}

function expectPlan(plan: Plan | Refusal): Plan {
  if (!plan.ok) throw new Error(`expected a plan, got: ${plan.message}`);
  return plan;
}

describe('the suggested pagename', () => {
  it.each([
    ["ModuleNotFoundError: No module named 'requests'", 'module-not-found-error-no-module-named'],
    ["[Errno 13] Permission denied: '/var/cache/fixture'", 'errno-13-permission-denied'],
    ["ERROR 1045 (28000): Access denied for user 'root'@'localhost'", 'error-1045-access-denied-for-user'],
    ['Error: listen EADDRINUSE: address already in use :::3000', 'error-listen-eaddrinuse-address-already-in-use'],
    ['Windows Update error 0x80070005', 'windows-update-error-0x80070005'],
    ['job_20251104_0042 failed after 3 retries at 2025-11-04 10:22:01', 'job-failed-after-retries'],
    ["fatal: detected dubious ownership in repository at '/srv/repo'", 'fatal-detected-dubious-ownership-in-repository'],
    ['FileNotFoundError: [WinError 2] 指定されたファイルが見つかりません。', 'file-not-found-error-win-error-2'],
    ['Café indisponible : état invalide', 'cafe-indisponible-etat-invalide'],
    ['ssl.SSLCertVerificationError: hostname mismatch', 'ssl-cert-verification-error-hostname-mismatch'],
    ['search', 'search-error'],
  ])('%s → %s', (message, pagename) => {
    expect(suggestPagenameFromMessage(message)).toBe(pagename);
  });

  it('keeps to the bound, cut at a word, and never ends on a dangling word', () => {
    const name = suggestPagenameFromMessage('RecursionError: maximum recursion depth exceeded while calling a Python object in the worker thread');
    expect(name).toBe('recursion-error-maximum-recursion-depth-exceeded');
    expect(suggestPagenameFromMessage(`${'x'.repeat(100)} failed`)).toHaveLength(60);
  });

  it('falls back to error- and a stable short hash when the message has no ASCII word', () => {
    const name = suggestPagenameFromMessage('ファイルが見つかりません');
    expect(name).toMatch(/^error-[0-9a-f]{8}$/);
    expect(suggestPagenameFromMessage('ファイルが見つかりません')).toBe(name);
    expect(suggestPagenameFromMessage('权限不足')).not.toBe(name);
  });

  it('takes the next free name when it is taken', () => {
    const taken = new Set(['x', 'x-2']);
    expect(freePagename('x', (name) => taken.has(name))).toBe('x-3');
    expect(freePagename('y', (name) => taken.has(name))).toBe('y');
  });

  it('explains why a hand-written pagename cannot be used', () => {
    expect(pagenameProblem('Python-Error')).toMatch(/not a valid pagename/);
    expect(pagenameProblem('a-z')).toMatch(/reserved/);
    expect(pagenameProblem('python-error')).toBeUndefined();
  });
});

describe('front-matter values', () => {
  it.each([
    'ModuleNotFoundError: No module named \'requests\'',
    'He said "hi": done',
    'C:\\Users\\ana\\AppData\\x.dll # not a comment',
    'ファイルが見つかりません: 設定.yml',
    '- looks like a list item',
    '{{ site.title }} is {% raw %}',
    'tab\tand bell\u0007',
  ])('%s reads back as written', (value) => {
    expect(parse(`title: ${quoted(value)}`)).toEqual({ title: value });
  });

  it('stays plain only when YAML reads it back as the same text', () => {
    expect(plain('python')).toBe('python');
    expect(plain('zh_CN')).toBe('zh_CN');
    expect(plain('1045')).toBe('"1045"');
    expect(plain('null')).toBe('"null"');
    expect(plain('0x1f')).toBe('"0x1f"');
  });
});

describe('the message and its H1', () => {
  it('writes any message as one code span', () => {
    expect(inlineCode('a`b')).toBe('``a`b``');
    expect(inlineCode('`x`')).toBe('`` `x` ``');
  });

  it('takes the error line of a pasted traceback and keeps the paste as the example log', () => {
    const paste = 'Traceback (most recent call last):\n  File "/srv/app/run.py", line 3, in <module>\n    import yaml\nModuleNotFoundError: No module named \'yaml\'\n';
    expect(readPaste(paste)).toEqual({ message: "ModuleNotFoundError: No module named 'yaml'", log: paste.trimEnd() });
    expect(readPaste('  KeyError: x  ')).toEqual({ message: 'KeyError: x', log: undefined });
  });
});

describe('where the file goes', () => {
  const config = makeLocaleConfig(['en', 'ja', 'ko', 'zh_CN'], 'en');
  const [en, ja, ko, zhCN] = config.locales as [typeof config.locales[0], typeof config.locales[0], typeof config.locales[0], typeof config.locales[0]];
  const tree = (folders: string[]): TreeShape => ({ topFolders: folders.filter((folder) => !folder.includes('/')), isFolder: (path) => folders.includes(path) });
  const place = (locale = en, category?: string, entryFolders: string[] = []) => ({ locale, pagename: 'x', category, entryFolders });

  it('in the language folder, as the sample catalog keeps its entries', () => {
    expect(newEntryPath(place(ja, 'python'), config, tree(['en', 'ja']))).toBe('ja/x.md');
  });

  it("in the category's folder when the tree has one, in this language or the default one", () => {
    expect(newEntryPath(place(en, 'net'), config, tree(['en', 'en/net']))).toBe('en/net/x.md');
    expect(newEntryPath(place(ja, 'net'), config, tree(['en', 'en/net', 'ja']))).toBe('ja/net/x.md');
  });

  it('in the folder of error pages (errata: entry_folders:) when there is no category folder', () => {
    expect(newEntryPath(place(ko, undefined, ['troubleshooting']), config, tree(['en', 'en/troubleshooting', 'ko']))).toBe('ko/troubleshooting/x.md');
  });

  it("in the tree's spelling of a language folder, and at the top for a default language without one", () => {
    expect(newEntryPath(place(zhCN), config, tree(['en', 'zh-CN']))).toBe('zh-CN/x.md');
    expect(newEntryPath(place(en), config, tree(['ja']))).toBe('x.md');
    expect(newEntryPath(place(ko), config, tree(['en']))).toBe('ko/x.md');
  });

  it('a translation mirrors its original', () => {
    expect(translationPath('en/net/x.md', en, ko, config, tree(['en']))).toBe('ko/net/x.md');
    expect(translationPath('net/x.md', en, ja, config, tree(['ja']))).toBe('ja/net/x.md');
    expect(translationPath('ko/x.md', ko, en, config, tree(['ko']))).toBe('x.md');
  });
});

describe('the section headings', () => {
  it("are the ones the sample catalog's entries use, in each language", () => {
    for (const lang of ['en', 'ja', 'ko', 'zh_CN']) {
      const folder = join(ROOT, 'content', lang);
      const used = new Set(
        readdirSync(folder).flatMap((name) => {
          const tree = parseMarkdown(readEntry(join(folder, name)).body);
          return tree.children.filter((node): node is Heading => node.type === 'heading' && node.depth === 2).map((node) => toString(node));
        }),
      );
      expect([...used].sort(), lang).toEqual(SECTIONS.map((section) => entryText(lang).headings[section]).sort());
    }
  });

  it('are recognised in the original when translating', () => {
    expect(sectionOf('en', 'How to fix it')).toBe('fix');
    expect(sectionOf('ja', '原因')).toBe('cause');
    expect(sectionOf('en', 'Background')).toBeUndefined();
  });
});

describe('planning in a project (pure: nothing is written)', () => {
  const root = copyProject();
  const project = readProject(join(root, 'content'), root);

  it('refuses an unknown language or category, naming the known ones', () => {
    expect(planNewEntry({ message: 'KeyError: x', lang: 'jp' }, project)).toEqual({ ok: false, reason: 'usage', message: 'Unknown --lang "jp". Use one of: en, ja, ko, zh_CN.' });
    expect(planNewEntry({ message: 'KeyError: x', category: 'python' }, project)).toEqual({
      ok: false,
      reason: 'usage',
      message: 'Unknown --category "python". Use one of: net, fs, or add it to content/_data/categories.yml.',
    });
  });

  it('refuses an empty message and an invalid pagename as usage errors', () => {
    expect(planNewEntry({ message: '  \n ' }, project)).toMatchObject({ ok: false, reason: 'usage' });
    expect(planNewEntry({ message: 'KeyError: x', pagename: 'Key Error' }, project)).toMatchObject({ ok: false, reason: 'usage', message: expect.stringMatching(/not a valid pagename/) });
  });

  it('refuses a pagename any language already uses, and points at --translate', () => {
    expect(planNewEntry({ message: 'KeyError: x', pagename: 'ko-only', lang: 'ja' }, project)).toEqual({
      ok: false,
      reason: 'refused',
      message: 'The pagename "ko-only" is already used by content/ko/ko-only.md. Choose another --pagename, or write that page\'s ja translation with: npm run new -- --translate ko-only --lang ja.',
    });
  });

  it('refuses to translate a page that does not exist, with the closest pagename', () => {
    expect(planTranslation({ pagename: 'ssl-verfy', lang: 'ko' }, project, (file) => readFileSync(file, 'utf8'))).toEqual({
      ok: false,
      reason: 'refused',
      message: 'No page has the pagename "ssl-verfy", so there is nothing to translate. Did you mean "ssl-verify"?',
    });
  });

  it('refuses a translation that exists', () => {
    expect(planTranslation({ pagename: 'ssl-verify', lang: 'ja' }, project, (file) => readFileSync(file, 'utf8'))).toEqual({
      ok: false,
      reason: 'refused',
      message: '"ssl-verify" already has a ja page: content/ja/net/ssl-verify.md. It is left as it is.',
    });
  });

  it('says when an entry already covers the same error, as search reads it', () => {
    const plan = expectPlan(planNewEntry({ message: 'urlopen error [SSL: CERTIFICATE_VERIFY_FAILED] (_ssl.c:1129)', lang: 'ja' }, project));
    expect(plan.notes).toEqual([
      'content/en/net/ssl-verify.md is about the same error ("urlopen error [SSL: CERTIFICATE_VERIFY_FAILED] (_ssl.c:1129)", as search reads it). If it is the same problem, add to that entry instead.',
    ]);
  });

  it('writes headings in English, and says so, for a language without its own text', () => {
    const fr = { ...project, sources: { ...project.sources, localeConfig: makeLocaleConfig(['en', 'fr'], 'en') } };
    const plan = expectPlan(planNewEntry({ message: 'KeyError: x', lang: 'fr' }, fr));
    expect(plan.text).toContain('## When it happens');
    expect(plan.notes).toEqual(['errata has no section headings in fr yet: they are written in English. Add them to src/lib/authoring/entry-text.ts.']);
  });
});

describe('writing never replaces a file', () => {
  it('creates a file once and refuses the second time, leaving it as it was', () => {
    const file = join(work, 'never-replaced', 'entry.md');
    expect(writeNewFile(file, 'first')).toBe(true);
    expect(writeNewFile(file, 'second')).toBe(false);
    expect(readFileSync(file, 'utf8')).toBe('first');
  });
});

describe('npm run new, end to end in a copy of a small tree', () => {
  const root = copyProject();
  const message = "PermissionError: [Errno 13] Permission denied: 'C:\\\\cache\\\\x.db' (say \"yes\": {{ retry }})";

  it('writes a new entry in the default language, and prints its path and dev-server URL', () => {
    const run = runNew(root, message);
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    const pagename = 'permission-error-errno-13-permission-denied-say-retry';
    expect(run.stdout).toBe(`Wrote content/en/${pagename}.md\nOn the dev server (npm run dev): http://localhost:4321/en/${pagename}/\n`);
    const entry = readEntry(join(root, 'content/en', `${pagename}.md`));
    expect(entry.data).toEqual({ layout: 'default', title: message, pagename, lang: 'en' });
    expect(entry.body.split('\n').slice(0, 6)).toEqual(['', `# {% raw %}\`${message}\`{% endraw %}`, '', '## When it happens', '', entryText('en').prompts.when]);
  });

  it('--lang ja writes the Japanese headings in the ja folder', () => {
    const run = runNew(root, 'TimeoutError: 接続がタイムアウトしました', '--lang', 'ja');
    expect(run.status).toBe(0);
    const file = join(root, 'content/ja/timeout-error.md');
    expect(run.stdout).toContain('http://localhost:4321/ja/timeout-error/');
    const { data, body } = readEntry(file);
    expect(data['lang']).toBe('ja');
    expect(body).toContain('# `TimeoutError: 接続がタイムアウトしました`\n\n## 発生する状況\n');
    expect(body).toContain('\n## 原因\n');
    expect(body).toContain('\n## 修正方法\n');
  });

  it("--category puts the entry in the category's folder, as the tree keeps them", () => {
    const run = runNew(root, 'ssl.SSLCertVerificationError: hostname mismatch', '--category', 'net');
    expect(run.status).toBe(0);
    expect(run.stdout).toContain('Wrote content/en/net/ssl-cert-verification-error-hostname-mismatch.md');
    expect(readEntry(join(root, 'content/en/net/ssl-cert-verification-error-hostname-mismatch.md')).data['category']).toBe('net');
  });

  it('--pagename overrides the suggestion', () => {
    const run = runNew(root, 'OSError: [Errno 28] No space left on device', '--pagename', 'disk-full');
    expect(run.status).toBe(0);
    expect(readEntry(join(root, 'content/en/disk-full.md')).data['pagename']).toBe('disk-full');
  });

  it('takes the next free pagename when the suggestion is taken, and says so', () => {
    const run = runNew(root, 'OSError: [Errno 28] Disk full');
    expect(run.status).toBe(0);
    const again = runNew(root, 'OSError: [Errno 28] Disk full!');
    expect(again.status).toBe(0);
    expect(again.stdout).toContain('note: The suggested pagename "os-error-errno-28-disk-full" is taken (content/en/os-error-errno-28-disk-full.md), so this entry is "os-error-errno-28-disk-full-2". Pass --pagename to choose another.');
    expect(existsSync(join(root, 'content/en/os-error-errno-28-disk-full-2.md'))).toBe(true);
  });

  it('refuses an explicit pagename that is taken (exit 1), writing nothing', () => {
    const run = runNew(root, 'OSError: something else', '--pagename', 'disk-full');
    expect(run.status).toBe(1);
    expect(run.stderr).toContain('The pagename "disk-full" is already used by content/en/disk-full.md. Choose another --pagename');
    expect(readEntry(join(root, 'content/en/disk-full.md')).data['title']).toBe('OSError: [Errno 28] No space left on device');
  });

  it('refuses to overwrite a file that is in the way, even one without that pagename (exit 1)', () => {
    writeFileSync(join(root, 'content/en/draft.md'), 'notes\n');
    const run = runNew(root, 'KeyError: draft', '--pagename', 'draft');
    expect(run.status).toBe(1);
    expect(run.stderr).toBe('content/en/draft.md already exists; it is left as it is. Choose another --pagename.\n');
    expect(readFileSync(join(root, 'content/en/draft.md'), 'utf8')).toBe('notes\n');
    rmSync(join(root, 'content/en/draft.md'));
  });

  it('refuses a bad --lang or --category with the known values and the usage line (exit 2)', () => {
    const lang = runNew(root, 'KeyError: x', '--lang', 'jp');
    expect(lang.status).toBe(2);
    expect(lang.stderr).toMatch(/^Unknown --lang "jp"\. Use one of: en, ja, ko, zh_CN\.\nUsage: npm run new -- /);
    const category = runNew(root, 'KeyError: x', '--category', 'python');
    expect(category.status).toBe(2);
    expect(category.stderr).toMatch(/^Unknown --category "python"\. Use one of: net, fs, or add it to content\/_data\/categories\.yml\.\nUsage: /);
  });

  it.each([
    [[], 'Give the error message.'],
    [['KeyError:', 'x'], 'Give the error message as one argument, in quotes (got 2 arguments).'],
    [['KeyError: x', '--colour', 'red'], "Unknown option '--colour'"],
    [['--translate', 'ssl-verify'], '--translate needs --lang: the language to translate into.'],
    [['KeyError: x', '--translate', 'ssl-verify', '--lang', 'ko'], "--translate takes a pagename, not an error message: the translation keeps the original's."],
    [['--translate', 'ssl-verify', '--lang', 'ko', '--category', 'net'], "A translation keeps the original's pagename and category: leave out --category and --pagename."],
  ])('usage error for %j (exit 2)', (args, message) => {
    const run = runNew(root, ...args);
    expect(run.status).toBe(2);
    expect(run.stderr).toContain(message);
    expect(run.stderr).toContain('Usage: npm run new -- "<error message>"');
  });

  it('--translate writes the ko skeleton at the mirrored path: H1, code blocks and errors kept, headings in ko, a TODO under each', () => {
    const run = runNew(root, '--translate', 'ssl-verify', '--lang', 'ko');
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    expect(run.stdout).toContain('Wrote content/ko/net/ssl-verify.md\nOn the dev server (npm run dev): http://localhost:4321/ko/ssl-verify/\n');
    const original = readEntry(join(root, 'content/en/net/ssl-verify.md'));
    const translation = readEntry(join(root, 'content/ko/net/ssl-verify.md'));
    expect(translation.data).toEqual({ ...original.data, lang: 'ko' });
    expect(readFileSync(join(root, 'content/ko/net/ssl-verify.md'), 'utf8')).toMatch(/^title: ".*" {2}# TODO: /m);

    const blocks = (body: string) => {
      const tree = parseMarkdown(body);
      const found: string[] = [];
      const visit = (node: { type: string; children?: unknown[] }) => {
        if (node.type === 'code') found.push(JSON.stringify([(node as Code).lang, (node as Code).meta, (node as Code).value]));
        for (const child of node.children ?? []) visit(child as { type: string });
      };
      visit(tree);
      return found;
    };
    expect(blocks(translation.body)).toEqual(blocks(original.body));
    expect(blocks(translation.body).length).toBeGreaterThan(0);
    const firstLine = (body: string) => body.split('\n').find((line) => line.startsWith('# '));
    expect(firstLine(translation.body)).toBe(firstLine(original.body));
    const ko = entryText('ko');
    for (const section of original.body.match(/^## .*$/gm) ?? []) {
      const key = sectionOf('en', section.slice(3));
      const heading = key ? `## ${ko.headings[key]}` : section;
      expect(translation.body).toContain(`${heading}\n\n${ko.translateSection}\n`);
    }
  });

  it('--translate refuses when the translation exists (exit 1), and an unknown pagename (exit 1)', () => {
    const again = runNew(root, '--translate', 'ssl-verify', '--lang', 'ko');
    expect(again.status).toBe(1);
    expect(again.stderr).toBe('"ssl-verify" already has a ko page: content/ko/net/ssl-verify.md. It is left as it is.\n');
    const unknown = runNew(root, '--translate', 'no-such-page', '--lang', 'ko');
    expect(unknown.status).toBe(1);
    expect(unknown.stderr).toBe('No page has the pagename "no-such-page", so there is nothing to translate.\n');
  });

  it('a multi-line paste keeps the log as the example, and everything written passes the check as written', async () => {
    const paste = 'Traceback (most recent call last):\n  File "/srv/app/run.py", line 3, in <module>\n    import yaml\nModuleNotFoundError: No module named \'yaml\'';
    const run = runNew(root, paste, '--lang', 'zh_CN', '--category', 'fs');
    expect(run.status).toBe(0);
    const { body } = readEntry(join(root, 'content/zh_CN/fs/module-not-found-error-no-module-named.md'));
    expect(body).toContain(`## 出现场景\n\n${entryText('zh_CN').prompts.when}\n\n\`\`\`\n${paste}\n\`\`\`\n`);

    const problems = await checkTree(root);
    expect(errorsOf(problems)).toEqual([]);
    // The new entries are found by their own error: nothing is reported at them but the
    // entry written twice on purpose above, which search cannot tell from its twin.
    const created = ['en/permission-error', 'ja/timeout-error', 'en/net/ssl-cert', 'en/disk-full', 'ko/net/ssl-verify', 'zh_CN/fs/'];
    expect(problems.filter((line) => created.some((path) => line.startsWith(`content/${path}`)))).toEqual([]);
  });
});
