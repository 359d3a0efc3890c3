/**
 * Builds a small fixture tree with the real build and checks what lands in the output:
 * pages per locale, fallbacks, hreflang, includes, links, escaping and the search index.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'parse5';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildSite, makeWorkDir, PROJECT_ROOT, type BuildResult } from '../helpers/build-site.ts';
import { checkInternalLinks, sitemapLocations, validateHtml } from '../helpers/site-checks.ts';

const fixture = join(PROJECT_ROOT, 'tests/fixtures/site-small/content');
const work = makeWorkDir('build-');
let build: BuildResult;
const page = (path: string) => readFileSync(join(build.outDir, path), 'utf8');

interface Element {
  tagName: string;
  attrs: { name: string; value: string }[];
}

/** Every element of a document, as the HTML parsing algorithm builds them. */
function parseElements(html: string): Element[] {
  const found: Element[] = [];
  const walk = (node: { tagName?: string; attrs?: Element['attrs']; childNodes?: unknown[]; content?: unknown }) => {
    if (node.tagName && node.attrs) found.push({ tagName: node.tagName, attrs: node.attrs });
    for (const child of node.childNodes ?? []) walk(child as typeof node);
    if (node.content) walk(node.content as typeof node);
  };
  walk(parse(html) as unknown as Parameters<typeof walk>[0]);
  return found;
}

beforeAll(() => {
  build = buildSite(fixture, join(work, 'dist'));
});
afterAll(() => rmSync(work, { recursive: true, force: true }));

describe('a successful build', () => {
  it('exits 0', () => {
    expect(build.status, build.output).toBe(0);
  });

  it('writes every page name in every locale, fallbacks included', () => {
    for (const locale of ['en', 'ja', 'ko', 'zh-cn']) {
      for (const name of ['ssl-verify', 'permission', 'ko-only', 'hostile', 'guide', 'search', '404']) {
        expect(existsSync(join(build.outDir, locale, name, 'index.html')), `${locale}/${name}`).toBe(true);
      }
      expect(existsSync(join(build.outDir, locale, 'index.html'))).toBe(true);
    }
    expect(existsSync(join(build.outDir, 'index.html'))).toBe(true);
    expect(existsSync(join(build.outDir, '404.html'))).toBe(true);
  });

  it('uses BCP-47 in <html lang> and lowercase segments in URLs', () => {
    expect(page('zh-cn/ssl-verify/index.html')).toContain('<html lang="zh-CN">');
    expect(page('ja/ssl-verify/index.html')).toContain('<html lang="ja">');
  });

  it('links each translation with hreflang, x-default and a canonical URL from the site URL', () => {
    const html = page('ja/ssl-verify/index.html');
    const alternates = [...html.matchAll(/<link rel="alternate" hreflang="([^"]+)" href="([^"]+)">/g)].map((m) => [m[1], m[2]]);
    expect(alternates).toEqual([
      ['en', 'https://docs.example.test/en/ssl-verify/'],
      ['ja', 'https://docs.example.test/ja/ssl-verify/'],
      ['zh-CN', 'https://docs.example.test/zh-cn/ssl-verify/'],
      ['x-default', 'https://docs.example.test/en/ssl-verify/'],
    ]);
    expect(html).toContain('<link rel="canonical" href="https://docs.example.test/ja/ssl-verify/">');
  });

  it('shows a fallback in the reader\'s locale, marked and pointing at the original', () => {
    const html = page('ja/permission/index.html');
    expect(html).toContain('<article class="entry" data-pagefind-body lang="en">');
    expect(html).toContain('このエントリはまだ日本語に翻訳されていません。');
    expect(html).toContain('<link rel="canonical" href="https://docs.example.test/en/permission/">');
    // A page name with no default-locale version falls back to the first translation.
    expect(page('en/ko-only/index.html')).toContain('<article class="entry" data-pagefind-body lang="ko">');
  });

  it('replaces includes in headings and code blocks, and site variables', () => {
    const html = page('en/ssl-verify/index.html');
    expect(html).toContain('<h2 id="when-fixture-tool-connects">When Fixture Tool connects</h2>');
    expect(html).toContain('$ Fixture Tool sync --verbose');
    expect(html).toContain('https://forum.example.test');
    expect(html).not.toContain('{%');
  });

  it('rewrites links to .md files into the target page URL, keeping the anchor', () => {
    expect(page('en/ssl-verify/index.html')).toContain('<a href="/en/permission/#fix">the permissions entry</a>');
  });

  it('renders the error heading as code and lists the other errors covered', () => {
    const html = page('en/ssl-verify/index.html');
    expect(html).toContain('<code>[SSL: CERTIFICATE_VERIFY_FAILED] certificate verify failed (_ssl.c:1006)</code></h1>');
    expect(html).toContain('urlopen error [SSL: CERTIFICATE_VERIFY_FAILED] (_ssl.c:726)');
  });

  it('escapes hostile front matter and strips dangerous markup from bodies', () => {
    const html = page('en/hostile/index.html');
    expect(html).toContain('<title>&lt;/title&gt;&lt;script&gt;alert(&#39;title&#39;)&lt;/script&gt; | Fixture Catalog</title>');
    const elements = parseElements(html);
    // Parsed as a browser would: no element carries the hostile markup, only text does.
    // The only scripts are the site's own files: none inline, none from the content.
    const scripts = elements.filter((el) => el.tagName === 'script').map((el) => el.attrs.find((attr) => attr.name === 'src')?.value ?? 'inline');
    expect(scripts.length).toBeGreaterThan(0);
    for (const src of scripts) expect(src).toMatch(/^\/(theme-init\.js|_astro\/[\w.-]+\.js)$/);
    expect(elements.flatMap((el) => el.attrs.filter((attr) => /^on/i.test(attr.name)))).toEqual([]);
    expect(elements.flatMap((el) => el.attrs.filter((attr) => /^\s*javascript:/i.test(attr.value)))).toEqual([]);
    expect(elements.filter((el) => ['iframe', 'style'].includes(el.tagName)).map((el) => el.tagName)).toEqual([]);
    // The only form is the site's own search box.
    expect(elements.filter((el) => el.tagName === 'form').map((el) => el.attrs.find((attr) => attr.name === 'action')?.value)).toEqual(['/en/search/']);
    expect(html).toContain('&lt;img src=x onerror=alert(&#39;errors&#39;)&gt;');
  });

  it('groups the catalog by category with counts, in the page\'s language', () => {
    const html = page('ja/index.html');
    expect(html).toMatch(/ネットワーク <span class="count">1 件<\/span>/);
    expect(html).toMatch(/Files <span class="count">1 件<\/span>/);
    // Documentation pages are not error entries (the documentation navigation lists them, not the catalog).
    expect(html.slice(html.indexOf('<main'))).not.toContain('/ja/guide/');
  });

  it('writes one search index per language with every page in it', () => {
    const entry = JSON.parse(page('pagefind/pagefind-entry.json')) as { languages: Record<string, { page_count: number }> };
    expect(Object.fromEntries(Object.entries(entry.languages).map(([lang, { page_count }]) => [lang, page_count]))).toEqual({
      en: 5,
      ja: 5,
      ko: 5,
      'zh-cn': 5,
    });
    expect(entry).toHaveProperty('include_characters');
  });
});

describe('reading, browsing and sharing', () => {
  it('writes a page per category (entries without one under "other"), an A–Z list and the translation status, in every locale', () => {
    for (const locale of ['en', 'ja', 'ko', 'zh-cn']) {
      for (const path of ['category/net', 'category/fs', 'category/other', 'a-z', 'translations']) {
        expect(existsSync(join(build.outDir, locale, path, 'index.html')), `${locale}/${path}`).toBe(true);
      }
    }
    const category = page('ja/category/other/index.html');
    expect(category).toContain('<a href="/ja/hostile/">');
    expect(category).toContain('<a href="/ja/ko-only/">');
  });

  it('previews an entry as its error message, with the configured image', () => {
    const html = page('ja/ssl-verify/index.html');
    expect(html).toContain('<meta property="og:title" content="[SSL: CERTIFICATE_VERIFY_FAILED] certificate verify failed (_ssl.c:1006)">');
    expect(html).toContain('<meta property="og:image" content="https://cdn.example.test/preview.png">');
    expect(html).toContain('<meta name="twitter:card" content="summary_large_image">');
    expect(html).toContain('<meta property="og:url" content="https://docs.example.test/ja/ssl-verify/">');
    // Hostile front matter stays an attribute's text in previews too.
    const ogTitle = parseElements(page('en/hostile/index.html')).find((el) => el.attrs.some((attr) => attr.name === 'property' && attr.value === 'og:title'));
    expect(ogTitle?.attrs.find((attr) => attr.name === 'content')?.value).toBe("</script><script>alert('heading')</script>");
  });

  it('dates each entry from git history and links to its source in the editor', () => {
    const html = page('ja/ssl-verify/index.html');
    // The date of the last commit that changed the file, as git itself reports it.
    const source = join(fixture, 'ja/net/ssl-verify.md');
    const committed = execFileSync('git', ['log', '-1', '--format=%cI', '--', source], { cwd: PROJECT_ROOT, encoding: 'utf8' }).trim();
    expect(execFileSync('git', ['status', '--porcelain', '--', source], { cwd: PROJECT_ROOT, encoding: 'utf8' })).toBe('');
    const date = new Date(committed);
    const shown = `${date.getUTCFullYear()}年${date.getUTCMonth() + 1}月${date.getUTCDate()}日`;
    expect(html).toContain(`<p data-testid="last-updated">最終更新: <time datetime="${date.toISOString()}">${shown}</time></p>`);
    expect(html).toContain('<a href="https://git.example.test/fixture/edit/main/content/ja/net/ssl-verify.md" data-testid="edit-link">このページを編集</a>');
  });

  it('gives each section heading an anchor link and the page an outline of them', () => {
    const html = page('ja/ssl-verify/index.html');
    expect(html).toContain('<h2 id="発生する状況">発生する状況</h2><a class="heading-anchor" href="#発生する状況"');
    expect(html).toContain('<a href="#発生する状況">発生する状況</a>');
  });

  it('lists every real translation in sitemap.xml, and names it in robots.txt', () => {
    const locations = sitemapLocations(page('sitemap.xml'));
    expect(locations).toContain('https://docs.example.test/ja/ssl-verify/');
    expect(locations).toContain('https://docs.example.test/ko/ko-only/');
    expect(locations).not.toContain('https://docs.example.test/ja/permission/');
    expect(locations).not.toContain('https://docs.example.test/en/search/');
    expect(page('robots.txt')).toContain('Sitemap: https://docs.example.test/sitemap.xml');
  });

  it('writes valid HTML and no broken internal link', async () => {
    // The hostile entry's body keeps, once sanitised, an author's `<img src=x>`: an image with
    // neither a source nor alternative text is the content's mistake, not the templates'.
    const isAuthorsImage = (problem: string) => /^\/?[a-z-]+\/hostile\/(index\.html:\d+:\d+: <img> is missing required "alt" attribute|: x \(no file)/.test(problem);
    const { problems } = await validateHtml(build.outDir);
    expect(problems.filter((problem) => !isAuthorsImage(problem))).toEqual([]);
    const links = checkInternalLinks(build.outDir, 'https://docs.example.test');
    expect(links.checked).toBeGreaterThan(1000);
    expect(links.broken.filter((problem) => !isAuthorsImage(problem))).toEqual([]);
  });
});

describe('a build with mistakes', () => {
  let failed: BuildResult;
  beforeAll(() => {
    failed = buildSite(join(PROJECT_ROOT, 'tests/fixtures/validation/unknown-lang/content'), join(work, 'failed-dist'));
  });

  it('stops before rendering anything and names the file, line and column', () => {
    expect(failed.status).toBe(1);
    expect(failed.output).toContain('content/jp/unknown-lang.md:5:7: Unknown lang "jp". Use one of: en, ja, ko, zh_CN. [front-matter-lang]');
    expect(existsSync(failed.outDir)).toBe(false);
  });
});
