/**
 * Text nested too deep is reported where it goes too deep, and never reaches anything that
 * recurses once per level: at the limit a page loads, is kept in the page cache and renders;
 * past it (2,000 and 20,000 levels of lists, quotes, emphasis, HTML or Liquid) it is refused.
 */
import { describe, expect, it } from 'vitest';
import { createLiquidRenderer } from '../../src/lib/liquid/render-liquid.ts';
import { deepLine, limitDepth, MAX_NESTING } from '../../src/lib/markdown/nesting.ts';
import { collectLinks, parseMarkdown } from '../../src/lib/markdown/parse-markdown.ts';
import { renderBody } from '../../src/lib/markdown/render-html.ts';

const labels = { reservedIds: [], copyText: 'Copy', copyLabel: 'Copy code', codeLabel: (number: number) => `Code block ${number}`, headingAnchor: (text: string) => text };

/** The deepest node of a tree, walked without recursion. */
function depthOf(tree: { children?: unknown[] }): number {
  let deepest = 0;
  const stack: [{ children?: unknown[] }, number][] = [[tree, 0]];
  for (let item = stack.pop(); item; item = stack.pop()) {
    deepest = Math.max(deepest, item[1]);
    for (const child of item[0].children ?? []) stack.push([child as { children?: unknown[] }, item[1] + 1]);
  }
  return deepest;
}

/** Each shape, and the most levels of it within the limit (its text node at depth 98 to 100). */
const shapes = {
  'a list written on one line': [(levels: number) => `${'- '.repeat(levels)}deep\n`, 49],
  'a block quote': [(levels: number) => `${'>'.repeat(levels)} deep\n`, 98],
  'quotes and lists': [(levels: number) => `${'> - '.repeat(levels)}deep\n`, 32],
  'ordered lists': [(levels: number) => `${'1. '.repeat(levels)}deep\n`, 49],
} as const;

describe('deepLine (the text, before parsing)', () => {
  it('counts a block quote as one level and a list item as two (the list and the item)', () => {
    expect(deepLine('> > > deep', 2)).toEqual({ line: 1, column: 5, lineStart: 0 });
    expect(deepLine('> > deep', 2)).toBeUndefined();
    expect(deepLine('- - deep', 3)).toEqual({ line: 1, column: 3, lineStart: 0 });
    expect(deepLine('- - deep', 4)).toBeUndefined();
  });

  it('follows list items nested by indentation across lines', () => {
    const text = 'intro\n\n- one\n  - two\n    - three\n      text of three\n';
    expect(deepLine(text, 5)).toEqual({ line: 5, column: 5, lineStart: text.indexOf('    - three') });
    expect(deepLine(text, 6)).toBeUndefined();
    // A line indented less than an item's content closes it.
    expect(deepLine('- one\n  - two\n- three\n  - four\n', 4)).toBeUndefined();
  });

  it('reads `>` and list markers in fenced code, thematic breaks and indented code as text', () => {
    const log = `\`\`\`\n${'> '.repeat(300)}quoted mail\n${'- '.repeat(300)}\n\`\`\`\n`;
    expect(deepLine(log, 10)).toBeUndefined();
    expect(deepLine(`> ~~~\n> ${'> '.repeat(300)}\n> ~~~\n`, 10)).toBeUndefined();
    expect(deepLine(`${'- '.repeat(300)}-\n`, 10)).toBeUndefined();
    expect(deepLine(`    ${'> '.repeat(300)}\n`, 10)).toBeUndefined();
    // The fence ends with its quote: what follows is Markdown again.
    const closed = `> \`\`\`\n> code\n\n${'> '.repeat(11)}deep\n`;
    expect(deepLine(closed, 10)).toEqual({ line: 4, column: 21, lineStart: closed.indexOf('> > ') });
  });

  it('reads a megabyte-long line of 20,000 levels only up to the level past the limit', () => {
    expect(deepLine(`${'- '.repeat(20_000)}deep\n`)).toEqual({ line: 1, column: MAX_NESTING + 1, lineStart: 0 });
  });
});

describe('parseMarkdown and limitDepth (the tree)', () => {
  it.each(Object.entries(shapes))('accepts %s at the limit, where it loads, caches and renders, and refuses one level more', (_, [shape, levels]) => {
    const tree = parseMarkdown(shape(levels));
    expect(tree.data?.tooDeep).toBeUndefined();
    expect(depthOf(tree)).toBeGreaterThanOrEqual(MAX_NESTING - 2);
    expect(depthOf(tree)).toBeLessThanOrEqual(MAX_NESTING);
    expect(JSON.parse(JSON.stringify(tree))).toEqual(tree);
    expect(renderBody(tree, labels).html).toContain('deep');
    expect(parseMarkdown(shape(levels + 1)).data?.tooDeep).toEqual({ line: 1, column: expect.any(Number) });
  });

  it.each(Object.entries(shapes).flatMap(([name, [shape]]) => [2_000, 20_000].map((levels) => [name, levels, shape] as const)))(
    'refuses %s %i levels deep where it goes past the limit, with a tree cut at the limit',
    (_, levels, shape) => {
      const tree = parseMarkdown(shape(levels));
      expect(tree.data?.tooDeep).toEqual({ line: 1, column: expect.any(Number) });
      expect(tree.data?.tooDeep?.column).toBeLessThan(4 * MAX_NESTING);
      expect(depthOf(tree)).toBeLessThanOrEqual(MAX_NESTING);
      expect(() => JSON.stringify(tree)).not.toThrow();
    },
  );

  it('refuses a list nested 2,000 levels by indentation (a 4 MB file) at the first line too deep', () => {
    const text = Array.from({ length: 2_000 }, (_, level) => `${'  '.repeat(level)}- level ${level}`).join('\n');
    // Line 50 is the 50th item: its list and item are levels 99 and 100, its paragraph 101.
    expect(parseMarkdown(text).data?.tooDeep).toEqual({ line: 50, column: 101 });
  });

  it('refuses emphasis nested 2,000 levels, which the text check cannot see, by its tree', () => {
    const tree = parseMarkdown(`${'*'.repeat(4_000)}deep${'*'.repeat(4_000)}\n`);
    expect(tree.data?.tooDeep).toEqual({ line: 1, column: expect.any(Number) });
    expect(depthOf(tree)).toBeLessThanOrEqual(MAX_NESTING);
  });

  it('counts the elements raw HTML leaves open around Markdown, at the tag that goes too deep', () => {
    const divs = (count: number) => '<div>\n\n'.repeat(count);
    expect(parseMarkdown(`${divs(MAX_NESTING - 2)}deep\n`).data?.tooDeep).toBeUndefined();
    expect(parseMarkdown(`${divs(MAX_NESTING - 1)}deep\n`).data?.tooDeep).toEqual({ line: 2 * MAX_NESTING - 1, column: 1 });
    // Inside a paragraph (level 1), the 100th span is level 101.
    expect(parseMarkdown(`${'<span>'.repeat(20_000)}\n`).data?.tooDeep).toEqual({ line: 1, column: 6 * (MAX_NESTING - 2) + 1 });
    // Closed, void and self-closing elements, elements the parser closes itself, and comments add nothing.
    const flat = '<div></div><br><img src="x"/><p><p><li><li><!-- <div> -->\n'.repeat(5_000);
    expect(parseMarkdown(flat).data?.tooDeep).toBeUndefined();
  });

  it('keeps the links of a cut tree that lie within the limit', () => {
    const tree = parseMarkdown(`[before](/a)\n\n${'>'.repeat(2_000)} [deep](/b)\n`);
    expect(collectLinks(tree).map((link) => link.url)).toEqual(['/a']);
  });

  it('limitDepth reports nothing for a tree within the limit and leaves it as it was', () => {
    const tree = parseMarkdown('> - a *b* [c](/d)\n');
    const before = JSON.stringify(tree);
    expect(limitDepth(tree, depthOf(tree))).toBeUndefined();
    expect(JSON.stringify(tree)).toBe(before);
    expect(limitDepth(tree, depthOf(tree) - 1)).toEqual({ line: 1, column: expect.any(Number) });
  });
});

describe('Liquid nested too deep', () => {
  const renderer = createLiquidRenderer(new Map());
  const render = (text: string) => renderer.render(text, { site: {}, page: {} }, { line: 5, column: 1 });

  it.each([
    ['if blocks', (n: number) => `${'{% if true %}'.repeat(n)}x${'{% endif %}'.repeat(n)}`],
    ['for blocks', (n: number) => `${'{% for i in (1..1) %}\n'.repeat(n)}x${'{% endfor %}'.repeat(n)}`],
    ['unclosed blocks', (n: number) => '{% capture a %}'.repeat(n)],
    ['parentheses', (n: number) => `{{ ${'('.repeat(n)}1..2${')'.repeat(n)} }}`],
  ])('refuses %s 2,000 and 20,000 levels deep at the tag past the limit', (_, make) => {
    for (const levels of [2_000, 20_000]) {
      const { problems, output } = render(make(levels));
      expect(problems).toHaveLength(1);
      expect(problems[0]?.ruleId).toBe('liquid-too-deep');
      expect(problems[0]?.message).toMatch(/^Liquid nests more than 100 levels deep here .* Nest fewer levels\./);
      expect(output).toBe(make(levels));
    }
    expect(render(`${'{% for i in (1..1) %}\n'.repeat(2_000)}`).problems[0]?.at).toEqual({ line: 5 + MAX_NESTING, column: 1 });
  });

  it('renders blocks nested up to the limit, and counts nothing inside {% raw %}', () => {
    expect(render(`${'{% if true %}'.repeat(100)}x${'{% endif %}'.repeat(100)}`)).toMatchObject({ output: 'x', problems: [] });
    expect(render(`{% raw %}${'{% if true %}'.repeat(2_000)}{% endraw %}`)).toMatchObject({ output: '{% if true %}'.repeat(2_000), problems: [] });
  });
});
