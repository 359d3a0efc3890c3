/**
 * A migrated tree's own Jekyll config and Jekyll's leniency: a config kept outside the tree,
 * theme HTML keys, `exclude:`, the edit-link path, duplicate `_data` keys, files without front
 * matter, `liquid: strict_variables`, and the levels `errata.levels` sets.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { formatDiagnostic } from '../../src/lib/validation/diagnostic.ts';
import { excludedBy } from '../../src/lib/content/exclude.ts';
import { loadSite } from '../../src/lib/content/load-site.ts';
import type { ReportJson } from '../../src/lib/validation/report.ts';
import { levelHint, levelRuleIds, RULES, ruleOf } from '../../src/lib/validation/rules.ts';
import { tempFolders } from '../helpers/temp-folders.ts';

/** A project folder in a temporary place: path (relative to it) → text. */
const project = tempFolders('errata-config-');

const page = (front: string, body: string) => `---\nlayout: default\n${front}\n---\n\n${body}\n`;
const guide = (name: string, body = `# ${name}`) => page(`title: ${name}\npagename: ${name}\nlang: en`, body);
const load = (root: string, configFile?: string) =>
  loadSite({ rootDir: root, contentDir: join(root, 'content'), ...(configFile ? { configFile: join(root, configFile) } : {}) });
const lines = (root: string, configFile?: string) => load(root, configFile).diagnostics.map(formatDiagnostic);

describe('a config outside the tree', () => {
  const files = {
    'jekyll_config.yml': 'title: Lumen help\ndescription: Guides\nlanguages: ["en", "ja"]\ndefault_lang: en\nerrata:\n  on_broken_links: warn\n',
    'content/_config.yml': 'title: Not this one\n',
    'content/en/a.md': guide('a', '# A\n\n[gone](./gone.md)'),
  };

  it('is read instead of the tree\'s _config.yml, which gets a note', () => {
    const root = project(files);
    const site = load(root, 'jekyll_config.yml');
    expect(site.sources.site['title']).toBe('Lumen help');
    expect(site.sources.configFile).toBe('jekyll_config.yml');
    expect(site.sources.localeConfig.locales.map((locale) => locale.name)).toEqual(['en', 'ja']);
    expect(site.diagnostics.map(formatDiagnostic)).toEqual([
      'content/_config.yml:1:1: note: This file is not read: the site\'s config is jekyll_config.yml. Move what it sets there. [config-not-read]',
      'content/en/a.md:10:1: warning: Link to "./gone.md": no file content/en/gone.md exists. Fix the path, relative to this file. [link-target-missing]',
    ]);
  });

  it('is named once for every command in package.json, as npm run check reads it', () => {
    const root = project({ ...files, 'package.json': JSON.stringify({ errata: { config: 'jekyll_config.yml' } }) });
    const check = spawnSync(process.execPath, [join(import.meta.dirname, '../../scripts/check.ts'), '--format', 'json'], { cwd: root, encoding: 'utf8' });
    expect(check.status, check.stderr).toBe(0);
    expect((JSON.parse(check.stdout) as ReportJson).configFile).toBe('jekyll_config.yml');
    expect(readFileSync(join(root, 'errata-report.json'), 'utf8')).toBe(check.stdout);
  });

  it('must exist', () => {
    expect(lines(project(files), 'jekyl_config.yml')).toContain(
      'jekyl_config.yml:1:1: The config file jekyl_config.yml does not exist. Name an existing file, or leave the setting out to read content/_config.yml. [config-invalid]',
    );
  });
});

describe('Jekyll theme keys', () => {
  const root = project({
    'content/_config.yml': [
      'title: Help',
      'github_editme_path: lumen/help/edit/main/docs/',
      'additional_head_html: \'<script src="https://t.example/t.js"></script>\'',
      'footer_html: "<p>old</p>"',
      'banner: \'<div onclick="alert(1)">New!</div>\'',
      'support_email: help@example.org',
    ].join('\n'),
    'content/en/a.md': guide('a', '# A\n\n{{ site.additional_head_html }}{{ banner }} {{ support_email }}'),
  });
  const site = load(root);

  it('that hold the old theme\'s HTML are left out of site, with one note', () => {
    expect(site.diagnostics.filter((d) => d.ruleId === 'config-theme-html').map(formatDiagnostic)).toEqual([
      'content/_config.yml:3:23: note: additional_head_html, footer_html, banner hold HTML for the old theme: errata ignores them, and pages cannot print them. [config-theme-html]',
    ]);
    expect(Object.keys(site.sources.site)).not.toContain('additional_head_html');
    expect(site.sources.site['support_email']).toBe('help@example.org');
  });

  it('never reach a page: a tag printing one renders empty, with a warning', () => {
    const body = JSON.stringify(site.pages[0]?.tree);
    expect(body).not.toContain('script');
    expect(body).not.toContain('onclick');
    expect(body).toContain('help@example.org');
    expect(site.diagnostics.filter((d) => d.ruleId === 'liquid-variable-unknown').map((d) => [d.severity, d.column])).toEqual([
      ['warning', 4],
      ['warning', 35],
    ]);
  });

  it('give the edit link from github_editme_path', () => {
    expect(site.sources.editUrlBase).toBe('https://github.com/lumen/help/edit/main/docs/');
  });
});

describe('exclude:', () => {
  it('follows Jekyll: paths from the top, folders with all they hold, globs across folders', () => {
    const excluded = excludedBy(['README.md', 'drafts/', '*.sh', 'old/*.md']);
    expect(['README.md', 'drafts/x/y.md', 'drafts', 'tools/build.sh', 'old/a/b.md'].map(excluded)).toEqual([true, true, true, true, true]);
    expect(['en/README.md', 'draftsman.md', 'en/a.md', 'olden/a.md'].map(excluded)).toEqual([false, false, false, false]);
  });

  it('leaves excluded pages and files out of the site, and links to them broken', () => {
    const root = project({
      'content/_config.yml': 'exclude: [drafts/, "*.pdf"]\n',
      'content/drafts/wip.md': 'no front matter, {{ broken',
      'content/en/manual.pdf': 'pdf',
      'content/en/a.md': guide('a', '# A\n\n[manual](./manual.pdf)'),
    });
    const site = load(root);
    expect(site.pages.map((p) => p.pagename)).toEqual(['a']);
    expect(site.fileCount).toBe(1);
    expect(site.diagnostics.map((d) => d.ruleId)).toEqual(['link-target-missing']);
  });

  it('must be a list', () => {
    expect(lines(project({ 'content/_config.yml': 'exclude: drafts\n' }))).toEqual([
      'content/_config.yml:1:10: "exclude" must be a list of paths or patterns, e.g. [README.md, drafts/, "*.sh"]. [config-value]',
    ]);
  });
});

describe('a Markdown file without front matter', () => {
  it('is not a page: a note, never an error, and the rest builds', () => {
    const site = load(project({ 'content/README.md': '# About these docs\n', 'content/en/a.md': guide('a') }));
    expect(site.pages.map((p) => p.pagename)).toEqual(['a']);
    expect(site.diagnostics.map((d) => [d.file, d.severity, d.ruleId])).toEqual([['content/README.md', 'note', 'front-matter-missing']]);
  });

  it('is an error where the config says so, as errata\'s sample config does', () => {
    const root = project({ 'content/_config.yml': 'errata:\n  levels:\n    front-matter-missing: error\n', 'content/en/a.md': '# `Error: x`\n' });
    expect(load(root).diagnostics.map((d) => [d.severity, d.ruleId])).toEqual([['error', 'front-matter-missing']]);
  });
});

describe('liquid: strict_variables', () => {
  const files = (config: string) => ({ 'content/_config.yml': config, 'content/en/a.md': guide('a', '# A\n\nVersion {{ site.product_version }}.') });

  it('off (Jekyll\'s default): the page is built, the variable empty, with a warning', () => {
    const site = load(project(files('title: t\n')));
    expect(site.pages).toHaveLength(1);
    expect(JSON.stringify(site.pages[0]?.tree)).toContain('"Version ."');
    expect(site.diagnostics.map((d) => `${d.line}:${d.column} ${d.severity} ${d.ruleId}`)).toEqual(['10:12 warning liquid-variable-unknown']);
  });

  it('on: an error, and the page is not built', () => {
    const site = load(project(files('liquid:\n  strict_variables: true\n')));
    expect(site.pages).toHaveLength(0);
    expect(site.diagnostics.map((d) => `${d.line}:${d.column} ${d.severity} ${d.ruleId}`)).toEqual(['10:12 error liquid-variable-unknown']);
  });

  it('is on in errata\'s own sample config', () => {
    expect(readFileSync(join(import.meta.dirname, '../../content/_config.yml'), 'utf8')).toMatch(/^liquid:\n {2}strict_variables: true$/m);
  });

  it('must be true or false', () => {
    expect(lines(project(files('liquid:\n  strict_variables: sometimes\n')))[0]).toBe(
      'content/_config.yml:2:21: "liquid.strict_variables" must be true or false, but it is "sometimes". [config-value]',
    );
  });
});

describe('errata.levels', () => {
  const unknownKey = guide('a').replace('lang: en', 'lang: en\nreviewer: kim');

  it('lowers a rule to a warning, and the page is built', () => {
    const site = load(project({ 'content/_config.yml': 'errata:\n  levels:\n    front-matter-unknown-key: warn\n', 'content/en/a.md': unknownKey }));
    expect(site.pages).toHaveLength(1);
    expect(site.diagnostics.map((d) => [d.severity, d.ruleId])).toEqual([['warning', 'front-matter-unknown-key']]);
  });

  it('silences a rule with ignore', () => {
    const site = load(project({ 'content/_config.yml': 'errata:\n  levels:\n    front-matter-unknown-key: ignore\n', 'content/en/a.md': unknownKey }));
    expect(site.pages).toHaveLength(1);
    expect(site.diagnostics).toEqual([]);
  });

  it('refuses rules whose problem leaves nothing to build, and names the setting of those that have their own', () => {
    const config = 'errata:\n  levels:\n    pagename-duplicate: warn\n    link-target-missing: warn\n    toc-page-missing: loud\n';
    expect(lines(project({ 'content/_config.yml': config }))).toEqual([
      `content/_config.yml:3:25: "errata.levels" cannot set "pagename-duplicate". Its problems leave a page or setting that cannot be built, so they stay errors. Rules "errata.levels" can set: ${levelRuleIds().join(', ')}. [config-value]`,
      'content/_config.yml:4:26: "errata.levels" cannot set "link-target-missing". Set "errata.on_broken_links" instead. [config-value]',
      'content/_config.yml:5:23: The level of "toc-page-missing" must be one of error, warn, ignore, but it is "loud". [config-value]',
    ]);
  });
});

describe('the rules', () => {
  it('each have a setting that changes their level, or say why none does', () => {
    expect(levelHint('link-target-missing', 'error')).toBe('errata: { on_broken_links: warn }');
    expect(levelHint('link-anchor-missing', 'warning')).toBe('errata: { on_broken_anchors: ignore }');
    expect(levelHint('toc-page-missing', 'warning')).toBe('errata: { levels: { toc-page-missing: ignore } }');
    expect(levelHint('liquid-variable-unknown', 'error')).toBe('liquid: { strict_variables: false } (renders them empty, as Jekyll does)');
    expect(levelHint('front-matter-lang', 'error')).toBe('no setting: the page cannot be built until it is fixed');
    expect(ruleOf('no-such-rule')).toBeUndefined();
  });

  it('are all listed in the documentation of the checks', () => {
    const readme = readFileSync(join(import.meta.dirname, '../../docs/checks.md'), 'utf8');
    expect(RULES.filter((rule) => !readme.includes(`\`${rule.id}\``)).map((rule) => rule.id)).toEqual([]);
  });
});

describe('the migrated tree of tests/fixtures/jekyll-tree', () => {
  const projectRoot = join(import.meta.dirname, '../..');
  const fixture = join(projectRoot, 'tests/fixtures/jekyll-tree');

  it('fails on its moved links until its config lowers them, and only on them', () => {
    const config = readFileSync(join(fixture, 'jekyll_config.yml'), 'utf8');
    expect(config).toContain('\n  on_broken_links: warn\n');
    const strict = join(project({ 'strict.yml': config.replace('\n  on_broken_links: warn\n', '\n') }), 'strict.yml');
    const site = loadSite({ rootDir: projectRoot, contentDir: join(fixture, 'content'), configFile: strict });
    expect(site.diagnostics.filter((d) => d.severity === 'error').map((d) => `${d.file}:${d.line}:${d.column} ${d.ruleId}`)).toEqual([
      'tests/fixtures/jekyll-tree/content/en/troubleshooting.md:18:3 link-target-missing',
      'tests/fixtures/jekyll-tree/content/ko/guides.md:15:3 link-target-missing',
    ]);
  });
});
