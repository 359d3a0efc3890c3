import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parseMarkdown } from '../../src/lib/markdown/parse-markdown.ts';
import { renderAnchoredHeading, renderBody, type BodyLabels } from '../../src/lib/markdown/render-html.ts';

const labels: BodyLabels = {
  reservedIds: ['main', 'also-covers'],
  copyText: 'Copy',
  copyLabel: 'Copy code',
  codeLabel: (number) => `Code block ${number}`,
  headingAnchor: (heading) => `Link to “${heading}”`,
};
const render = (markdown: string) => renderBody(parseMarkdown(markdown), labels);

/** What `render` gives in a fresh Node process, as a build renders it. */
function renderInOwnProcess(markdown: string): unknown {
  const module = (path: string) => JSON.stringify(pathToFileURL(join(import.meta.dirname, path)).href);
  const script = `
    const { parseMarkdown } = await import(${module('../../src/lib/markdown/parse-markdown.ts')});
    const { renderBody } = await import(${module('../../src/lib/markdown/render-html.ts')});
    const labels = { reservedIds: ['main', 'also-covers'], copyText: 'Copy', copyLabel: 'Copy code', codeLabel: (n) => 'Code block ' + n, headingAnchor: (h) => 'Link to “' + h + '”' };
    process.stdout.write(JSON.stringify(renderBody(parseMarkdown(${JSON.stringify(markdown)}), labels)));`;
  const result = spawnSync(process.execPath, ['--input-type=module', '--eval', script], { encoding: 'utf8' });
  expect(result.stderr).toBe('');
  return JSON.parse(result.stdout) as unknown;
}

describe('renderBody', () => {
  it('outlines h2 and h3, h3s under their h2, deeper headings left out', () => {
    const { toc } = render('## Cause\n\n### On Windows\n\n#### Detail\n\n### On Linux\n\n## Fix\n');
    expect(toc).toEqual([
      {
        id: 'cause',
        text: 'Cause',
        depth: 2,
        children: [
          { id: 'on-windows', text: 'On Windows', depth: 3, children: [] },
          { id: 'on-linux', text: 'On Linux', depth: 3, children: [] },
        ],
      },
      { id: 'fix', text: 'Fix', depth: 2, children: [] },
    ]);
  });

  it('gives CJK headings the same ids in every build, and never an id the page uses itself', () => {
    const markdown = '## 解決方法\n\n## Main\n\n## Also covers\n\n## 解決方法\n';
    const first = render(markdown);
    expect(first.toc.map((item) => item.id)).toEqual(['解決方法', 'main-1', 'also-covers-1', '解決方法-1']);
    // Each build is a process of its own: two fresh processes render the same HTML and outline.
    const builds = [renderInOwnProcess(markdown), renderInOwnProcess(markdown)];
    expect(builds[0]).toEqual(builds[1]);
    expect(builds[0]).toEqual(JSON.parse(JSON.stringify(first)));
  });

  it('puts a link to each section beside its heading, outside the heading text', () => {
    const { html } = render('## When it happens\n');
    expect(html).toBe(
      '<div class="heading heading-h2"><h2 id="when-it-happens">When it happens</h2><a class="heading-anchor" href="#when-it-happens" data-copy-link="" data-pagefind-ignore=""><span aria-hidden="true">#</span><span class="visually-hidden">Link to “When it happens”</span></a></div>',
    );
  });

  it('adds a hidden copy button to every code block, and makes each a named region whose text is in the Tab order', () => {
    const { html } = render('```\n$ pip install requests\n```\n\n    indented code\n');
    expect(html).toBe(
      '<section class="code-block" aria-label="Code block 1"><pre tabindex="0"><code>$ pip install requests\n</code></pre><button type="button" class="copy-button" aria-label="Copy code" data-copy="code" data-pagefind-ignore="" hidden>Copy</button></section>\n' +
        '<section class="code-block" aria-label="Code block 2"><pre tabindex="0"><code>indented code\n</code></pre><button type="button" class="copy-button" aria-label="Copy code" data-copy="code" data-pagefind-ignore="" hidden>Copy</button></section>',
    );
  });

  it('lets authors set neither the Tab order nor the name of a code block', () => {
    const { html } = render('<pre tabindex="5" aria-label="Click me" role="button">raw</pre>\n');
    expect(html).toBe(
      '<section class="code-block" aria-label="Code block 1"><pre tabindex="0">raw</pre><button type="button" class="copy-button" aria-label="Copy code" data-copy="code" data-pagefind-ignore="" hidden>Copy</button></section>',
    );
  });

  it('lets authors forge neither ids nor controls: raw HTML is sanitised before they are added', () => {
    const { html } = render('<h2 id="main" data-copy-link>Main</h2>\n\n<button data-copy="code" onclick="alert(1)">x</button>\n');
    expect(html).not.toContain('onclick');
    expect(html).not.toContain('<button data-copy');
    expect(html).toContain('<h2 id="main-1">Main</h2>');
  });

  it('escapes heading text in the anchor label', () => {
    const { html } = render('## `<img src=x onerror=alert(1)>` "quoted"\n');
    expect(html).toContain('Link to “&#x3C;img src=x onerror=alert(1)> "quoted"”');
    expect(html).not.toContain('<img');
  });
});

describe('renderAnchoredHeading', () => {
  it('renders a layout heading like the body\'s, as text, with its language', () => {
    expect(renderAnchoredHeading(2, 'also-covers', 'Also <covers>', 'Link to “Also <covers>”', 'ja')).toBe(
      '<div class="heading heading-h2"><h2 id="also-covers" lang="ja">Also &#x3C;covers></h2><a class="heading-anchor" href="#also-covers" data-copy-link="" data-pagefind-ignore=""><span aria-hidden="true">#</span><span class="visually-hidden">Link to “Also &#x3C;covers>”</span></a></div>',
    );
  });
});
