/**
 * The pieces that let a Jekyll tree build unchanged: old URLs and their redirects, the Liquid
 * source map behind include positions, heading ids known before rendering, broken-link levels,
 * and what makes a page an entry. The documentation navigation: `doc-nav.test.ts`.
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { formatDiagnostic } from '../../src/lib/validation/diagnostic.ts';
import { pageKind } from '../../src/lib/content/load-page.ts';
import { loadSite } from '../../src/lib/content/load-site.ts';
import { markdownCandidates } from '../../src/lib/content/resolve-links.ts';
import { makeLocaleConfig } from '../../src/lib/i18n/locales.ts';
import { createLiquidRenderer } from '../../src/lib/liquid/render-liquid.ts';
import { headingIds } from '../../src/lib/markdown/anchor-ids.ts';
import { parseMarkdown } from '../../src/lib/markdown/parse-markdown.ts';
import { renderBody } from '../../src/lib/markdown/render-html.ts';
import { redirectsFile } from '../../src/lib/routing/host-rules.ts';
import { redirectPageFile, redirectPageHtml } from '../../src/lib/routing/redirect-page.ts';
import { CONTENT_SECURITY_POLICY } from '../../src/lib/site/security.ts';
import { localeSpellings, normaliseOldPath, oldPathsFor, pageUid } from '../../src/lib/routing/redirects.ts';
import { RESERVED_IDS } from '../../src/lib/site/page-ids.ts';
import { inContent, tempFolders } from '../helpers/temp-folders.ts';

const config = makeLocaleConfig(['en', 'ja', 'ko', 'zh_CN'], 'en');
const [en, ja, , zh] = config.locales;
if (!en || !ja || !zh) throw new Error('locales');

const folder = tempFolders('errata-jekyll-');
/** A content tree in a temporary folder: path → text. */
const tree = (files: Record<string, string>) => folder(inContent(files));

const check = (root: string) => loadSite({ rootDir: root, contentDir: join(root, 'content') });
const page = (front: string, body: string) => `---\n${front}\n---\n\n${body}\n`;

describe('old URLs', () => {
  it('are the first 8 hex digits of sha1(pagename), under every spelling of a language', () => {
    expect(pageUid('index')).toBe('e540cdd1');
    expect(pageUid('license-server-unreachable')).toMatch(/^[0-9a-f]{8}$/);
    expect(localeSpellings(zh)).toEqual(['zh_CN', 'zh-cn', 'zh-CN', 'zh_cn']);
    expect(localeSpellings(ja)).toEqual(['ja']);
  });

  it('read redirect_from as jekyll-polyglot served it', () => {
    expect(normaliseOldPath('old//path')).toBe('/old/path/');
    expect(normaliseOldPath('/old/page.html')).toBe('/old/page.html');
    expect(oldPathsFor('/old/', en, config)).toEqual(['/old/']);
    expect(oldPathsFor('/old/', ja, config)).toEqual(['/ja/old/']);
    expect(oldPathsFor('/zh-CN/old/', ja, config)).toEqual(['/zh-CN/old/']);
  });

  it('put the 301 lines before the per-locale 404 catch-alls', () => {
    const lines = redirectsFile(config.locales, [
      { from: '/ja/1a2b3c4d/', to: '/ja/foo/', locale: ja, title: 'Foo', origin: 'uid' },
      { from: '/1a2b3c4d/', to: '/en/foo/', locale: en, title: 'Foo', origin: 'uid' },
    ]).trim().split('\n');
    expect(lines).toEqual([
      '/1a2b3c4d/  /en/foo/  301',
      '/ja/1a2b3c4d/  /ja/foo/  301',
      '/en/*  /en/404/  404',
      '/ja/*  /ja/404/  404',
      '/ko/*  /ko/404/  404',
      '/zh-cn/*  /zh-cn/404/  404',
    ]);
  });

  it('get a static page with the site\'s Content-Security-Policy, a canonical link, noindex and an external script, titles escaped', () => {
    const html = redirectPageHtml({ from: '/x/', to: '/en/foo/', locale: en, title: '</title><script>x</script>', origin: 'uid' }, 'https://d.example/en/foo/', { moved: 'Moved to' });
    const policy = `<meta http-equiv="Content-Security-Policy" content="${CONTENT_SECURITY_POLICY.replaceAll("'", '&#39;')}">`;
    expect(html.indexOf(policy)).toBeGreaterThan(0);
    expect(html.indexOf(policy)).toBeLessThan(html.indexOf('<script'));
    expect(html).toContain('<meta http-equiv="refresh" content="0; url=/en/foo/">');
    expect(html).toContain('<link rel="canonical" href="https://d.example/en/foo/">');
    expect(html).toContain('<meta name="robots" content="noindex">');
    expect(html).toContain('<script src="/redirect.js"></script>');
    expect(html).toContain('<title>&lt;/title&gt;&lt;script&gt;x&lt;/script&gt;</title>');
    expect(html).not.toMatch(/<script>(?!x)/);
    expect(redirectPageFile('/zh_CN/1a2b3c4d/')).toBe('zh_CN/1a2b3c4d/index.html');
    expect(redirectPageFile('/docs/page.html')).toBe('docs/page.html');
  });
});

describe('Liquid output', () => {
  const renderer = createLiquidRenderer(new Map([['warning', '<p class="custom">{{ include.content }}</p>\n']]));
  const scope = { site: {}, page: {}, ui: { info: 'Information' } };

  it('maps every output line back to the page, inside include output to the tag', () => {
    const text = 'Intro.\n{% include info content="See [x](./x.md)." %}\nAfter [y](./y.md).';
    const { output, toSource } = renderer.render(text, scope, { line: 10, column: 1 });
    const lines = output.split('\n');
    const x = lines.findIndex((line) => line.includes('[x]'));
    const y = lines.findIndex((line) => line.includes('[y]'));
    expect(toSource(x + 1, 5)).toEqual({ line: 11, column: 1 });
    expect(toSource(y + 1, 7)).toEqual({ line: 12, column: 7 });
  });

  it('uses a tree\'s own include over the built-in one, and labels untitled callouts in the page\'s language', () => {
    expect(renderer.render('{% include warning content="Careful" %}', scope, { line: 1, column: 1 }).output).toBe('<p class="custom">Careful</p>');
    expect(renderer.render('{% include info content="Hi" %}', scope, { line: 1, column: 1 }).output).toContain('aria-label="Information"');
  });
});

describe('heading ids known before rendering', () => {
  it('are the ids the renderer gives', () => {
    const markdown = '## Fix it\n\n## Fix it\n\n## 修正方法\n\n### `E0277` in *Rust*\n\n## Main\n\n## ![icon](x.png) With image\n\n## <span>Raw</span> HTML';
    const tree = parseMarkdown(markdown);
    const html = renderBody(tree, { reservedIds: RESERVED_IDS, copyText: 'Copy', copyLabel: 'Copy code', codeLabel: (number) => `Code block ${number}`, headingAnchor: (text) => text }).html;
    const rendered = [...html.matchAll(/<h[2-6] id="([^"]+)"/g)].map((match) => match[1]);
    expect(headingIds(tree, RESERVED_IDS)).toEqual(rendered);
    expect(rendered).toContain('main-1');
  });
});

describe('what a page is', () => {
  const no = () => false;
  const yes = () => true;
  it('follows kind:, then the layout, then the H1, errors: and what the page looks like', () => {
    expect(pageKind({ kind: 'page', layout: 'entry', errors: [] }, true, yes)).toBe('page');
    expect(pageKind({ layout: 'page', errors: ['x'] }, true, yes)).toBe('page');
    expect(pageKind({ layout: 'auto', errors: [] }, true, no)).toBe('entry');
    expect(pageKind({ layout: 'auto', errors: ['x'] }, false, no)).toBe('entry');
    expect(pageKind({ layout: 'auto', errors: [] }, false, yes)).toBe('entry');
    expect(pageKind({ layout: 'auto', errors: [] }, false, no)).toBe('page');
  });
});

describe('error pages in known folders', () => {
  const files = (settings: string) => ({
    '_config.yml': settings,
    'en/troubleshooting/slow.md': page('layout: default\ntitle: Sync is slow\npagename: slow\nlang: en', '# Sync is slow\n\nCheck the network.'),
    'ko/troubleshooting/slow.md': page('layout: default\ntitle: 동기화가 느립니다\npagename: slow\nlang: ko', '# 동기화가 느립니다\n\n네트워크를 확인하세요.'),
    'en/guides/install.md': page('layout: default\ntitle: Installing\npagename: install\nlang: en', '# Installing\n\nRun the installer.'),
  });
  const kinds = (root: string) => Object.fromEntries(loadSite({ rootDir: root, contentDir: join(root, 'content') }).pages.map((p) => [`${p.locale.name}/${p.pagename}`, p.kind]));

  it('are entries when errata: entry_folders names their folder, in every language; other pages are not', () => {
    expect(kinds(tree(files('title: t\nlanguages: [en, ko]\nerrata:\n  entry_folders: [troubleshooting]')))).toEqual({ 'en/slow': 'entry', 'ko/slow': 'entry', 'en/install': 'page' });
    expect(kinds(tree(files('title: t\nlanguages: [en, ko]')))).toEqual({ 'en/slow': 'page', 'ko/slow': 'page', 'en/install': 'page' });
  });

  it('reports an entry_folders that is not a list of names', () => {
    expect(check(tree(files('title: t\nlanguages: [en, ko]\nerrata:\n  entry_folders: 3'))).diagnostics.map(formatDiagnostic)[0]).toBe(
      'content/_config.yml:4:18: "errata.entry_folders" must be a list of names, e.g. [troubleshooting, errors/windows]. [config-value]',
    );
  });
});

describe('broken links', () => {
  const body = '# `E: x`\n\n[gone](./gone.md) ![img](./nope.png) [anchor](#nowhere)';
  const files = (settings: string) => ({ '_config.yml': settings, 'en/a.md': page('title: A\npagename: a\nlang: en', body) });
  const lines = (root: string) => check(root).diagnostics.map(formatDiagnostic);

  it('are errors (files, images) and warnings (anchors) by default', () => {
    expect(lines(tree(files('title: t')))).toEqual([
      'content/en/a.md:9:1: Link to "./gone.md": no file content/en/gone.md exists. Fix the path, relative to this file. [link-target-missing]',
      'content/en/a.md:9:19: Image "./nope.png": no file content/en/nope.png exists. Fix the path, relative to this file, or add the image. [image-missing]',
      'content/en/a.md:9:38: warning: Link to "#nowhere": content/en/a.md has no heading with the id "nowhere". It has no section headings. [link-anchor-missing]',
    ]);
  });

  it('follow errata: on_broken_links / on_broken_images / on_broken_anchors', () => {
    const root = tree(files('errata:\n  on_broken_links: warn\n  on_broken_anchors: ignore'));
    const found = check(root).diagnostics.map((d) => `${d.severity} ${d.ruleId}`);
    // Images follow on_broken_links unless set apart.
    expect(found).toEqual(['warning link-target-missing', 'warning image-missing']);
    expect(check(tree(files('errata:\n  on_broken_links: ignore\n  on_broken_images: error'))).diagnostics.map((d) => `${d.severity} ${d.ruleId}`)).toEqual([
      'error image-missing',
      'warning link-anchor-missing',
    ]);
  });

  it('report a bad level at its position', () => {
    expect(lines(tree(files('errata:\n  on_broken_links: maybe')))[0]).toBe(
      'content/_config.yml:2:20: "errata.on_broken_links" must be one of error, warn, ignore, but it is "maybe". [config-value]',
    );
  });

  it('resolve .html, folder and other-language paths to pages', () => {
    expect(markdownCandidates('en/x.html')).toEqual(['en/x.html', 'en/x.md']);
    expect(markdownCandidates('en/guides/')).toEqual(['en/guides.md', 'en/guides/index.md', 'en/guides/README.md']);
    const root = tree({
      'en/guides.md': page('title: Guides\npagename: guides\nlang: en', '# Guides'),
      'en/only-en.md': page('title: Only\npagename: only-en\nlang: en', '# Only\n\n## Part'),
      'ja/start.md': page('title: 開始\npagename: start\nlang: ja', '# 開始\n\n[a](./guides/) [b](guides.html) [c](./only-en.md#part)'),
    });
    const site = check(root);
    expect(site.diagnostics).toEqual([]);
    const html = renderBody(site.pages.find((p) => p.pagename === 'start')?.tree ?? parseMarkdown(''), { reservedIds: [], copyText: 'c', copyLabel: 'c', codeLabel: (n) => `c${n}`, headingAnchor: (t) => t }).html;
    expect(html).toContain('<a href="/ja/guides/">a</a> <a href="/ja/guides/">b</a> <a href="/ja/only-en/#part">c</a>');
  });
});
