/**
 * A multilingual Jekyll documentation tree (tests/fixtures/jekyll-tree), copied unchanged into
 * a content folder with its Jekyll config kept beside it, and built for real: it must build
 * with the levels its config sets for the old defects it carries, report those defects grouped
 * by rule, and the output must carry every construct — callouts, figures, variables, raw
 * blocks, resolved links, copied images, navigation, and a redirect at every old URL.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { join, relative } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ReportJson } from '../../src/lib/validation/report.ts';
import { pageUid } from '../../src/lib/routing/redirects.ts';
import { buildSite, makeWorkDir, PROJECT_ROOT, reportPath, type BuildResult } from '../helpers/build-site.ts';

const fixture = join(PROJECT_ROOT, 'tests/fixtures/jekyll-tree/content');
const config = join(PROJECT_ROOT, 'tests/fixtures/jekyll-tree/jekyll_config.yml');
const work = makeWorkDir('jekyll-');
let build: BuildResult;
const file = (path: string) => readFileSync(join(build.outDir, path), 'utf8');
/** The page's `<main>`, where the page's own content is (the navigation is outside it). */
const main = (path: string) => {
  const html = file(path);
  return html.slice(html.indexOf('<main'), html.indexOf('</main>'));
};
const uid = pageUid('license-server-unreachable');

beforeAll(() => {
  build = buildSite(fixture, join(work, 'dist'), { configFile: config });
});
afterAll(() => rmSync(work, { recursive: true, force: true }));

describe('a Jekyll tree copied unchanged', () => {
  it('builds with the levels its config sets: 49 pages in 4 languages, its old defects reported by rule', () => {
    expect(build.status, build.output).toBe(0);
    const fixtureConfig = 'tests/fixtures/jekyll-tree/jekyll_config.yml';
    const headers = build.output.split('\n').filter((line) => /^[a-z-]+: \d+ (note|warning|error)s?/.test(line));
    expect(headers).toEqual([
      `front-matter-missing: 2 notes · to change: errata: { levels: { front-matter-missing: ignore } } in ${fixtureConfig}`,
      `config-theme-html: 1 note · to change: errata: { levels: { config-theme-html: ignore } } in ${fixtureConfig}`,
      `liquid-variable-unknown: 3 warnings · to change: liquid: { strict_variables: true } makes them errors in ${fixtureConfig}`,
      `link-anchor-missing: 2 warnings · to change: errata: { on_broken_anchors: ignore } in ${fixtureConfig}`,
      `link-target-missing: 2 warnings · to change: errata: { on_broken_links: ignore } in ${fixtureConfig}`,
      `data-duplicate-key: 1 warning · to change: errata: { levels: { data-duplicate-key: ignore } } in ${fixtureConfig}`,
    ]);
    expect(build.output).toContain(`✓ 51 files checked: 49 pages in 4 languages, 8 warnings, 3 notes, no errors. Full report: ${relative(PROJECT_ROOT, reportPath(build.outDir))}`);
    for (const line of [
      `  ${fixtureConfig}:14:23: note: additional_head_html, custom_pre_content hold HTML for the old theme: errata ignores them, and pages cannot print them. [config-theme-html]`,
      '  tests/fixtures/jekyll-tree/content/README.md:1:1: note: No front matter: not a page (Jekyll copies such a file as it is), so it is left out of the site. To make it a page, start it with a line "---", the fields (layout, title, pagename, lang), and a closing "---". [front-matter-missing]',
      '  tests/fixtures/jekyll-tree/content/_data/ja/toc_text.yml:7:1: warning: The key "community" is written twice in this mapping: on line 4 and on line 7. The value on line 7 is used, as Jekyll does; delete the other one. [data-duplicate-key]',
      `  tests/fixtures/jekyll-tree/content/en/quickstart.md:11:97: warning: Unknown variable "site.product_version". It prints as empty text. Define it in ${fixtureConfig} (as site.product_version) or in _data/. If this is literal text, wrap it in {% raw %}…{% endraw %}. [liquid-variable-unknown]`,
      `  tests/fixtures/jekyll-tree/content/en/index.md:10:4: warning: Unknown variable "custom_pre_content". It prints as empty text. ${fixtureConfig} sets it to the old theme's HTML, which errata never prints: remove the tag. If this is literal text, wrap it in {% raw %}…{% endraw %}. [liquid-variable-unknown]`,
      '  tests/fixtures/jekyll-tree/content/en/troubleshooting.md:18:3: warning: Link to "./guides/setup.md": no file content/en/guides/setup.md exists. Fix the path, relative to this file. [link-target-missing]',
      '  tests/fixtures/jekyll-tree/content/ja/guides/configure.md:30:15: warning: Link to "./install.md#verify-the-installation": tests/fixtures/jekyll-tree/content/ja/guides/install.md has no heading with the id "verify-the-installation". "verify-the-installation" is heading 3 of tests/fixtures/jekyll-tree/content/en/guides/install.md; heading 3 here has the id "インストールの確認": link to "#インストールの確認". [link-anchor-missing]',
      '  tests/fixtures/jekyll-tree/content/en/release-notes.md:14:5: warning: Link to "./guides/install.md#old-heading": tests/fixtures/jekyll-tree/content/en/guides/install.md has no heading with the id "old-heading". Its headings\' ids: before-you-begin, steps, verify-the-installation. [link-anchor-missing]',
    ]) {
      expect(build.output).toContain(line);
    }
  });

  it('writes every problem to the JSON report, which npm run check -- --format json prints too', () => {
    const written = JSON.parse(readFileSync(reportPath(build.outDir), 'utf8')) as ReportJson;
    expect(written.ok).toBe(true);
    expect(written.configFile).toBe('tests/fixtures/jekyll-tree/jekyll_config.yml');
    expect(written.counts).toEqual({ error: 0, warning: 8, note: 3 });
    expect(written.problems).toContainEqual({
      file: 'tests/fixtures/jekyll-tree/content/ko/guides.md',
      line: 15,
      column: 3,
      rule: 'link-target-missing',
      level: 'warning',
      message: 'Link to "./guides/pipeline-examples.md": no file content/ko/guides/pipeline-examples.md exists. Fix the path, relative to this file.',
    });
    const check = spawnSync(process.execPath, ['scripts/check.ts', fixture, '--config', config, '--format', 'json', '--report', join(work, 'check-report.json')], { cwd: PROJECT_ROOT, encoding: 'utf8' });
    expect(check.status, check.stderr).toBe(0);
    expect(JSON.parse(check.stdout)).toEqual(written);
    expect(JSON.parse(readFileSync(join(work, 'check-report.json'), 'utf8'))).toEqual(written);
  });

  it('leaves out what Jekyll leaves out, and prints none of the old theme\'s HTML', () => {
    expect(existsSync(join(build.outDir, 'en/next-release/index.html'))).toBe(false);
    expect(existsSync(join(build.outDir, 'README.md'))).toBe(false);
    for (const path of ['en/index.html', 'en/getting-started/index.html']) {
      expect(file(path)).not.toMatch(/stats\.lumen\.example|onclick|Lumen Studio 4\.2 is out/);
    }
    // The variable defined nowhere prints as empty text, as on the old site.
    expect(main('en/getting-started/index.html')).toContain('This guide is for version .');
    // The duplicated caption: the last one wins, as in Jekyll.
    expect(file('ja/index.html')).toContain('コミュニティー');
    expect(file('en/installation-guide/index.html')).toContain('href="https://github.com/lumen-studio/help/edit/main/docs/en/guides/install.md"');
  });

  it('serves every page name in every language, whatever the file is called', () => {
    for (const locale of ['en', 'ja', 'ko', 'zh-cn']) {
      for (const name of ['index', 'getting-started', 'guides', 'installation-guide', 'configure-pipeline', 'troubleshooting', 'license-server-unreachable', 'cli-reference', 'release-notes']) {
        expect(existsSync(join(build.outDir, locale, name, 'index.html')), `${locale}/${name}`).toBe(true);
      }
    }
  });

  it('renders the theme\'s includes as accessible callouts and figures, their Markdown parsed and linked', () => {
    const html = main('en/installation-guide/index.html');
    expect(html).toContain('<div class="callout callout-info" role="note" aria-label="Note">');
    expect(html).toMatch(/<div class="callout callout-warning" role="note" aria-label="Back up first">\s*<p class="callout-title" aria-hidden="true">Back up first<\/p>\s*<p>Installing replaces the <strong>existing<\/strong> configuration folder.<\/p>/);
    expect(html).toContain('<a href="/en/license-server-unreachable/#fix">the licence error</a>');
    expect(html).toMatch(/<figure class="figure">\s*<img src="\/assets\/en\/guides\/images\/step_1.png" alt="The installer’s first screen" width="400">\s*<figcaption>\s*<p>The installer’s first screen<\/p>/);
    expect(html).toContain('<figure class="figure figure-width-50">');
    // An untitled callout is named by its kind, in the page's language.
    expect(main('ja/configure-pipeline/index.html')).toContain('<div class="callout callout-note" role="note" aria-label="メモ">');
  });

  it('copies linked images, a translation\'s missing image taken from the default language', () => {
    expect(existsSync(join(build.outDir, 'assets/en/guides/images/step_1.png'))).toBe(true);
    expect(existsSync(join(build.outDir, 'assets/images/logo.png'))).toBe(true);
    expect(main('ja/installation-guide/index.html')).toContain('src="/assets/en/guides/images/step_2.png"');
  });

  it('prints variables from config and data, keeps raw blocks and drops comments', () => {
    const html = main('en/configure-pipeline/index.html');
    expect(html).toContain('help@lumen.example');
    expect(html).toContain('<a href="https://forum.lumen.example">forum</a>');
    expect(html).toContain('{{ shot.name | upcase }} — {% if shot.ready %}ready{% endif %}');
    expect(html).not.toContain('nothing-here');
    expect(main('ko/installation-guide/index.html')).toContain('Lumen Studio 4.2');
  });

  it('points relative links at the target page in the same language, anchors kept', () => {
    const ja = main('ja/getting-started/index.html');
    expect(ja).toContain(`href="/ja/installation-guide/#${encodeURIComponent('始める前に')}"`);
    const ko = main('ko/troubleshooting/index.html');
    expect(ko).toContain('<a href="/ko/license-server-unreachable/">License server</a>');
    // Links written against the old site's paths lead to the page itself.
    expect(ko).toContain('<a href="/ko/license-server-unreachable/">이전 고정 링크</a>');
    expect(ko).toContain('<a href="/ko/configure-pipeline/">파이프라인 구성</a>');
    expect(main('en/guides/index.html')).toContain('<a href="/en/configure-pipeline/">Configuring the pipeline</a>');
  });

  it('lists error entries in the catalog and renders guides, folder indexes and landing pages as pages', () => {
    const home = main('en/index.html');
    for (const entry of ['license-server-unreachable', 'ssl-certificate-rejected', 'maya-plugin-load-failed', 'cache-disk-full', 'project-folder-permission-denied']) {
      expect(home).toContain(`/en/${entry}/`);
    }
    for (const page of ['installation-guide', 'guides', 'troubleshooting', 'index', 'cli-reference', 'getting-started']) {
      expect(home).not.toContain(`"/en/${page}/"`);
    }
    // `kind: page` keeps a page whose H1 is code out of the catalog; the search check skips it.
    expect(main('en/cli-reference/index.html')).toContain('<code>lumen --help</code>');
  });

  it('navigates by the toc in a sidebar, with captions in the reader\'s language and the current page marked', () => {
    const html = file('ko/troubleshooting/index.html');
    const nav = html.slice(html.indexOf('<nav id="doc-sidebar"'), html.indexOf('</nav>', html.indexOf('<nav id="doc-sidebar"')));
    expect(nav).toContain('<details><summary>시작하기</summary>');
    expect(nav).toContain('<details open><summary>문제 해결</summary><ul><li><a href="/ko/troubleshooting/" aria-current="page">문제 해결</a></li>');
    expect(nav).toContain('<a href="https://forum.lumen.example/" rel="external">커뮤니티 포럼</a>');
    // A caption no toc_text.yml names reads as words, not as the key.
    expect(nav).toContain('<summary>Advanced</summary>');
    // Pages the toc leaves out stay reachable: the English-only page, and the catalog's entries.
    expect(nav).toContain('<a href="/ko/release-notes/" lang="en">Release notes</a>');
    expect(nav).toContain('<a href="/ko/">모든 오류 항목 5개</a>');
    // The catalog shows it too; the search page does not.
    expect(file('ko/index.html')).toContain('<a href="/ko/" aria-current="page">모든 오류 항목 5개</a>');
    expect(file('ko/search/index.html')).not.toContain('doc-sidebar');
  });

  it('places documentation pages by the toc: breadcrumbs by section, previous/next in reading order', () => {
    const html = file('en/configure-pipeline/index.html');
    expect(html).toContain('<ol><li><a href="/en/index/">Home</a></li><li><a href="/en/guides/">Guides</a></li><li><span>Advanced</span></li><li><span aria-current="page">Configuring the pipeline</span></li></ol>');
    expect(html).toMatch(/<a class="pagination-previous" href="\/en\/installation-guide\/" rel="prev">.*<a class="pagination-next" href="\/en\/troubleshooting\/" rel="next">/);
    // An entry the toc lists reads in its order; one it leaves out keeps catalog › category.
    expect(file('en/license-server-unreachable/index.html')).toContain('<li><a href="/en/troubleshooting/">Troubleshooting</a></li><li><span aria-current="page">License server unreachable (LM-5012)</span></li>');
    expect(file('en/cache-disk-full/index.html')).toMatch(/<ol><li><a href="\/en\/">Catalog<\/a><\/li><li><a href="\/en\/category\/[^"]+\/">/);
  });

  it('redirects every old URL: UIDs in every language spelling, redirect_from, permalink, configured', () => {
    const rules = file('_redirects').trim().split('\n');
    expect(rules).toContain(`/${uid}/  /en/license-server-unreachable/  301`);
    for (const spelling of ['zh_CN', 'zh-cn', 'zh-CN', 'zh_cn']) expect(rules).toContain(`/${spelling}/${uid}/  /zh-cn/license-server-unreachable/  301`);
    expect(rules).toContain('/old/configure/  /en/configure-pipeline/  301');
    expect(rules).toContain('/ja/old/configure/  /ja/configure-pipeline/  301');
    expect(rules).toContain('/releases/  /en/release-notes/  301');
    expect(rules).toContain('/docs/old-install-notes/  /en/installation-guide/  301');
    const firstMissing = rules.findIndex((line) => line.endsWith(' 404'));
    expect(rules.slice(firstMissing).every((line) => line.endsWith(' 404'))).toBe(true);
    expect(rules.filter((line) => line.endsWith(' 301'))).toHaveLength(13 * (1 + 3 + 4) + 4 * 2 + 3 * 2 + 1 + 1);

    for (const path of [`${uid}/index.html`, `zh_CN/${uid}/index.html`, `zh-CN/${uid}/index.html`, 'old/configure/index.html', 'zh_CN/old/configure/index.html', 'docs/pipeline-setup.html', 'releases/index.html']) {
      expect(existsSync(join(build.outDir, path)), path).toBe(true);
    }
    const page = file(`ja/${uid}/index.html`);
    expect(page).toContain('<meta http-equiv="refresh" content="0; url=/ja/license-server-unreachable/">');
    expect(page).toContain('<link rel="canonical" href="https://help.lumen.example/ja/license-server-unreachable/">');
    expect(page).toContain('<script src="/redirect.js"></script>');
    expect(page).not.toMatch(/<script>/);
    expect(existsSync(join(build.outDir, 'redirect.js'))).toBe(true);
  });

  it('indexes every page of each language for search, and no redirect page', () => {
    const entry = JSON.parse(file('pagefind/pagefind-entry.json')) as { languages: Record<string, { page_count: number }> };
    expect(Object.values(entry.languages).map((language) => language.page_count)).toEqual([13, 13, 13, 13]);
  });
});
