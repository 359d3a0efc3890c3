/**
 * Writes a synthetic catalog for benchmarks only: N entries per locale over the four default
 * locales, shaped and overlapping as real knowledge bases are (`synthetic-entries.ts`: plain
 * H1s, no `errors:`, the writer's log in a code block, several pages per exception class,
 * generic and specific pages, server log lines), with `pastes.json` beside `content/`: three
 * pastes or so per entry as other users copy them, for `bench/search-accuracy.ts --pastes`.
 *
 * With `--git-commits N`, the output folder is a git repository whose history has N commits
 * after the first, each editing one entry, as a catalog maintained for years has: the build
 * reads every file's last change from that history.
 *
 *   node bench/generate-catalog.ts --per-locale 1000 --out /tmp/errata-synthetic [--git-commits 1500]
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { syntheticEntries } from './synthetic-entries.ts';

const { values } = parseArgs({
  options: {
    'per-locale': { type: 'string', default: '1000' },
    out: { type: 'string', default: '/tmp/errata-synthetic' },
    'git-commits': { type: 'string', default: '0' },
  },
});
const perLocale = Number(values['per-locale']);
const out = resolve(values.out);
const content = join(out, 'content');
rmSync(out, { recursive: true, force: true });

const LOCALES = ['en', 'ja', 'ko', 'zh_CN'] as const;
mkdirSync(join(content, '_includes'), { recursive: true });
mkdirSync(join(content, '_data'), { recursive: true });
writeFileSync(join(content, '_includes', 'product'), 'Errata Workbench');
writeFileSync(join(content, '_config.yml'), `title: errata synthetic\nurl: https://bench.errata.example\nlanguages: ["en", "ja", "ko", "zh_CN"]\ndefault_lang: en\n`);

const entries = syntheticEntries(perLocale);
const categories = [...new Set(entries.map((entry) => entry.category))];
writeFileSync(join(content, '_data', 'categories.yml'), categories.map((key) => `${key}:\n  en: ${key}\n`).join(''));

/** Each entry's text, by its path in the output folder. */
const texts = new Map<string, string>();
let bytes = 0;
for (const locale of LOCALES) {
  mkdirSync(join(content, locale, 'errors'), { recursive: true });
  for (const entry of entries) {
    const path = `content/${locale}/errors/${entry.pagename}.md`;
    const text = entry.markdown(locale);
    writeFileSync(join(out, path), text);
    texts.set(path, text);
    bytes += Buffer.byteLength(text);
  }
}
const pastes = entries.flatMap((entry) => entry.pastes());
writeFileSync(join(out, 'pastes.json'), JSON.stringify(pastes));
console.log(`${texts.size} entries (${perLocale} per locale) in ${content}, ${(bytes / 1024 / 1024).toFixed(1)} MiB of Markdown; ${pastes.length} pastes in ${join(out, 'pastes.json')}`);

const commits = Number(values['git-commits']);
if (commits > 0) {
  const start = Date.parse('2024-01-01T00:00:00Z') / 1000;
  const author = { GIT_AUTHOR_NAME: 'Bench', GIT_AUTHOR_EMAIL: 'bench@errata.example', GIT_COMMITTER_NAME: 'Bench', GIT_COMMITTER_EMAIL: 'bench@errata.example', GIT_AUTHOR_DATE: `${start} +0000`, GIT_COMMITTER_DATE: `${start} +0000` };
  const git = (args: string[], input?: string) => {
    const result = spawnSync('git', args, { cwd: out, input, encoding: 'utf8', maxBuffer: 256 * 1024 * 1024, env: { ...process.env, ...author } });
    if (result.status !== 0) throw new Error(`git ${args[0]}: ${result.stderr}`);
  };
  git(['init', '-q', '-b', 'main']);
  git(['add', '-A']);
  git(['commit', '-q', '-m', 'Catalog']);
  // The edits as one fast-import stream (a commit per process would take minutes), each a
  // sentence more in an entry, two hours apart; then the working tree is brought up to them.
  const paths = [...texts.keys()];
  const stream: string[] = [];
  for (let index = 0; index < commits; index++) {
    const path = paths[(index * 7919) % paths.length] ?? '';
    const text = `${texts.get(path)}\nRevision ${index + 1}: one more sentence.\n`;
    texts.set(path, text);
    const message = `Edit ${path}`;
    stream.push(
      'commit refs/heads/main',
      `committer Bench <bench@errata.example> ${start + (index + 1) * 7200} +0000`,
      `data ${Buffer.byteLength(message)}`,
      message,
      ...(index === 0 ? ['from refs/heads/main^0'] : []),
      `M 100644 inline ${path}`,
      `data ${Buffer.byteLength(text)}`,
      text,
    );
  }
  git(['fast-import', '--quiet'], `${stream.join('\n')}\n`);
  git(['reset', '-q', '--hard']);
  console.log(`git history: ${commits + 1} commits`);
}
