/**
 * How deep a page's Markdown may nest, and where it first nests deeper. Everything that reads a
 * syntax tree (the GFM transforms, the page cache's JSON, the HTML parser and sanitiser, the
 * HTML printer) recurses once per level, so a list or a quote nested thousands of levels deep
 * would overflow the stack; and the Markdown parser's time grows with the square of the
 * nesting. A page is therefore checked twice: its text, line by line, before it is parsed (so
 * text that nests too deep never reaches the parser), and its tree, as soon as it is parsed.
 * Real pages nest a few levels; markdown-it's default `maxNesting` is also 100.
 */
import type { Nodes, Parent, Root } from 'mdast';
import type { Position } from '../validation/diagnostic.ts';

/** At most this many elements inside one another (a list and its item count as two). */
export const MAX_NESTING = 100;

declare module 'mdast' {
  interface RootData {
    /** Where the text first nests deeper than `MAX_NESTING`; what lies deeper was not parsed. */
    tooDeep?: Position | undefined;
  }
}

/** Where a line of text goes too deep: its 1-based place, and the offset of the line's start. */
export interface DeepLine extends Position {
  readonly lineStart: number;
}

/** The open containers of a line: 0 for a block quote, else the columns a list item's content is indented by. */
type Containers = number[];
const QUOTE = 0;

const LIST_MARKER = /^(?:[-+*]|\d{1,9}[.)])(?=[ \t]|$)/;
const THEMATIC_BREAK = /^([-*_])(?:[ \t]*\1){2,}[ \t]*$/;
const FENCE = /^(`{3,}|~{3,})/;

/** Columns of spaces and tabs from `index` (tabs stop every 4 columns), and where they end. */
function indentation(line: string, index: number, column: number): { end: number; width: number } {
  let end = index;
  let width = 0;
  while (line[end] === ' ' || line[end] === '\t') {
    width += line[end] === '\t' ? 4 - ((column + width) % 4) : 1;
    end += 1;
  }
  return { end, width };
}

/**
 * The first line whose block quotes and list items (as CommonMark's block structure nests
 * them) go deeper than `limit` elements, counting a list item as two (the list and the item);
 * undefined when none does. Fenced code is skipped: `>` and `-` in a log are text.
 * @example deepLine('> > > deep', 2) // { line: 1, column: 5, lineStart: 0 }
 */
export function deepLine(text: string, limit = MAX_NESTING): DeepLine | undefined {
  const open: Containers = [];
  let fence: { marker: string; containers: number } | undefined;
  let lineNumber = 0;
  for (let lineStart = 0; lineStart <= text.length; ) {
    const lineEnd = text.indexOf('\n', lineStart);
    const line = text.slice(lineStart, lineEnd === -1 ? text.length : lineEnd);
    lineNumber += 1;
    const blank = line.trim() === '';
    // The containers this line continues.
    let index = 0;
    let column = 0;
    let matched = 0;
    for (const container of open) {
      const space = indentation(line, index, column);
      if (container === QUOTE) {
        if (space.width > 3 || line[space.end] !== '>') break;
        index = space.end + 1;
        column += space.width + 1;
        if (line[index] === ' ') (index += 1), (column += 1);
      } else if (!blank) {
        if (space.width < container) break;
        // Consume the item's indentation, no more.
        let consumed = 0;
        while (consumed < container) consumed += line[index++] === '\t' ? 4 - ((column + consumed) % 4) : 1;
        column += consumed;
      }
      matched += 1;
    }
    if (fence && matched < fence.containers) fence = undefined;
    const rest = line.slice(indentation(line, index, column).end);
    if (fence) {
      if (rest.startsWith(fence.marker) && rest.trim().replaceAll(fence.marker[0] ?? '', '') === '') fence = undefined;
    } else {
      // A line that continues fewer containers closes the others (or lazily continues a
      // paragraph in them, which opens nothing new: counting it closed only undercounts).
      open.length = matched;
      let depth = open.reduce((sum, container) => sum + (container === QUOTE ? 1 : 2), 0);
      for (;;) {
        const space = indentation(line, index, column);
        if (space.width > 3) break;
        const start = space.end;
        const tail = line.slice(start);
        const marker = LIST_MARKER.exec(tail)?.[0];
        if (line[start] === '>') {
          open.push(QUOTE);
          depth += 1;
          index = start + 1;
          column += space.width + 1;
          if (line[index] === ' ') (index += 1), (column += 1);
        } else if (marker && !THEMATIC_BREAK.test(tail)) {
          const gap = indentation(line, start + marker.length, column + space.width + marker.length);
          // Content indented 5 or more columns is code: the item's content starts 1 column in.
          const gapWidth = gap.width >= 1 && gap.width <= 4 && gap.end < line.length ? gap.width : 1;
          open.push(space.width + marker.length + gapWidth);
          depth += 2;
          index = gap.width === gapWidth ? gap.end : start + marker.length + Math.min(1, gap.width);
          column += space.width + marker.length + gapWidth;
        } else {
          const opening = FENCE.exec(tail)?.[1];
          if (opening) fence = { marker: opening, containers: open.length };
          break;
        }
        if (depth > limit) return { line: lineNumber, column: start + 1, lineStart };
      }
    }
    if (lineEnd === -1) break;
    lineStart = lineEnd + 1;
  }
  return undefined;
}

/** Elements whose end tag may be left out: the HTML parser closes them, so they do not pile up. */
const SELF_CLOSING = new Set(['p', 'li', 'dt', 'dd', 'tr', 'td', 'th', 'thead', 'tbody', 'tfoot', 'option', 'optgroup', 'rb', 'rt', 'rp', 'rtc', 'colgroup', 'caption']);
const VOID = new Set(['area', 'base', 'br', 'col', 'embed', 'hr', 'img', 'input', 'link', 'meta', 'param', 'source', 'track', 'wbr']);
const TAG = /<!--[\s\S]*?-->|<(\/?)([a-z][a-z0-9-]*)\b[^>]*?(\/?)>/gi;

/**
 * Cuts the tree at `limit` levels and returns where it first goes deeper, counting the HTML
 * elements raw HTML leaves open around a node as levels too (the HTML parser nests the
 * Markdown inside them); undefined when nothing does. Walks without recursion, in page order.
 * @example limitDepth(tree of '> > deep', 2) // { line: 1, column: 5 }: the inner quote is emptied
 */
export function limitDepth(tree: Root, limit = MAX_NESTING): Position | undefined {
  let tooDeep: Position | undefined;
  let openElements = 0;
  const nodes: Nodes[] = [tree];
  const depths: number[] = [0];
  while (nodes.length > 0) {
    const node = nodes.pop() as Nodes;
    const depth = depths.pop() ?? 0;
    if (node.type === 'html') {
      for (const match of node.value.matchAll(TAG)) {
        const [, closing, name = '', selfClosed] = match;
        const tag = name.toLowerCase();
        if (!name || selfClosed || VOID.has(tag) || SELF_CLOSING.has(tag)) continue;
        openElements = Math.max(0, openElements + (closing ? -1 : 1));
        if (!tooDeep && depth + openElements > limit) tooDeep = placeIn(node.value, match.index, node.position?.start);
      }
    } else if (!tooDeep && depth + openElements > limit) {
      tooDeep = node.position?.start ?? { line: 1, column: 1 };
    }
    if (!('children' in node)) continue;
    if (depth >= limit) {
      // Nothing deeper is kept: every reader of the tree recurses once per level.
      if (!tooDeep && node.children[0]) tooDeep = node.children[0].position?.start ?? { line: 1, column: 1 };
      (node as Parent).children = [];
      continue;
    }
    for (let index = node.children.length - 1; index >= 0; index -= 1) {
      nodes.push(node.children[index] as Nodes);
      depths.push(depth + 1);
    }
  }
  return tooDeep && { line: tooDeep.line, column: tooDeep.column };
}

/** The place of offset `offset` of a raw HTML node that starts at `start`. */
function placeIn(value: string, offset: number, start: Position = { line: 1, column: 1 }): Position {
  const before = value.slice(0, offset);
  const lineBreak = before.lastIndexOf('\n');
  if (lineBreak === -1) return { line: start.line, column: start.column + offset };
  return { line: start.line + before.split('\n').length - 1, column: offset - lineBreak };
}
