/**
 * Liquid as Jekyll applies it to a page, before Markdown: `{% include NAME %}` pastes a file
 * from `_includes/` wherever the tag stands (headings, inline code, code blocks alike),
 * `{% include NAME key="value" %}` passes `include.key` to it, `{{ site.KEY }}` and
 * `{{ page.KEY }}` print values, `{% raw %}` keeps text literal. Problems are reported with the
 * tag's position. An unknown variable follows Jekyll's `liquid: strict_variables`: off (Jekyll's
 * default), it prints as empty text with a warning; on, it is an error. Include files are
 * rendered as Jekyll renders them (an optional parameter left out prints nothing).
 *
 * The output comes with a map back to the page's text, so that a problem Markdown finds later
 * (a broken link inside an include's content) is reported where the include is written.
 */
import { Context, Liquid, LiquidError, Tokenizer, type TopLevelToken, TypeGuards, type Variable } from 'liquidjs';
import type { Position } from '../validation/diagnostic.ts';
import { BUILTIN_INCLUDES, UI_VARIABLE as UI_SCOPE_KEY } from './builtin-includes.ts';
import { registerJekyllFilters } from './jekyll-filters.ts';

export interface LiquidProblem {
  readonly at: Position;
  /** A warning leaves the page built, as Jekyll renders it. */
  readonly severity: 'error' | 'warning';
  readonly ruleId: 'liquid-syntax' | 'liquid-include-unknown' | 'liquid-variable-unknown' | 'liquid-too-deep';
  readonly message: string;
}

export interface LiquidScope {
  /** `_config.yml` and `site.data`; its top-level keys are also bare variables, as in the old site. */
  readonly site: Readonly<Record<string, unknown>>;
  /** The page's own front matter. */
  readonly page: Readonly<Record<string, unknown>>;
  /** Interface text the built-in includes print (`errata_ui.warning`), in the page's language. */
  readonly ui?: Readonly<Record<string, string>>;
}

export interface LiquidOutput {
  readonly output: string;
  readonly problems: LiquidProblem[];
  /**
   * The file position of a 1-based line and column of `output`: the same text in the page
   * when it was copied, else the tag that printed it.
   */
  readonly toSource: (line: number, column: number) => Position;
}

export interface LiquidOptions {
  /** The site's absolute URL, for `absolute_url`. */
  readonly siteUrl?: string;
  /** Jekyll's `liquid: strict_variables`: an unknown variable is an error, not a warning. */
  readonly strictVariables?: boolean;
  /** The config file as messages name it, where a missing `site.*` variable is defined. */
  readonly configFile?: string;
  /** Config keys of the old theme's HTML, left out of `site` (see `site-sources.ts`). */
  readonly themeHtmlKeys?: readonly string[];
}

/** A Liquid engine bound to one site's includes. */
export interface LiquidRenderer {
  readonly includeNames: readonly string[];
  /**
   * Renders `text`; `origin` is the file position of the text's first character, so that
   * problems point into the file, not into the text.
   */
  render(text: string, scope: LiquidScope, origin: Position): LiquidOutput;
}

/** Tags whose body is not Liquid: tags inside them are literal text, not includes. */
const LITERAL_BLOCKS: Readonly<Record<string, string>> = { raw: 'endraw', comment: 'endcomment' };

/**
 * Include files are pasted inline; the final newline an editor adds would split a heading
 * or a sentence, so it is removed (Jekyll users write inline includes without one).
 */
function trimFinalNewline(text: string): string {
  return text.replace(/\r?\n$/, '');
}

/**
 * A renderer for one site. `includes` are the files of `_includes/`; the built-in includes
 * (see `builtin-includes.ts`) fill in the names the tree does not define.
 */
export function createLiquidRenderer(includes: ReadonlyMap<string, string>, options: LiquidOptions = {}): LiquidRenderer {
  const all = new Map([...BUILTIN_INCLUDES, ...[...includes].map(([name, text]): [string, string] => [name, trimFinalNewline(text)])]);
  const engine = new Liquid({
    templates: Object.fromEntries(all),
    jekyllInclude: true,
    // A page's own variables are checked before rendering (checkVariables); include files
    // print nothing for a parameter left out, as Jekyll does.
    strictVariables: false,
    strictFilters: true,
    extname: '',
    // Jekyll leaves the text around tags as written; so do we.
    greedy: false,
  });
  registerJekyllFilters(engine, { siteUrl: options.siteUrl ?? 'http://localhost' });
  const includeNames = [...all.keys()].sort();
  const ownIncludeNames = [...includes.keys()].sort();

  return {
    includeNames,
    render(text, scope, origin) {
      const problems: LiquidProblem[] = [];
      const toFile = ([line = 1, column = 1]: number[]): Position => ({
        line: origin.line + line - 1,
        column: line === 1 ? origin.column + column - 1 : column,
      });
      const report: Report = (position, ruleId, message, severity = 'error') => problems.push({ at: toFile(position), ruleId, message, severity });
      const unchanged = (): LiquidOutput => ({ output: text, problems, toSource: (line, column) => toFile([line, column]) });

      // Fast path: most of a page is plain Markdown.
      if (!text.includes('{%') && !text.includes('{{')) return unchanged();

      let parsed;
      let tokens;
      try {
        tokens = new Tokenizer(text, engine.options.operators).readTopLevelTokens(engine.options);
        const deep = tooDeep(tokens);
        if (deep) {
          report(
            deep.getPosition(),
            'liquid-too-deep',
            `Liquid nests more than ${MAX_LIQUID_NESTING} levels deep here (blocks such as {% if %} and {% for %}, or parentheses, inside one another), more than a page can be built with. Nest fewer levels. If this is literal text, wrap it in {% raw %}…{% endraw %}.`,
          );
          return unchanged();
        }
        parsed = engine.parse(text);
      } catch (error) {
        reportLiquidError(error, report);
        return unchanged();
      }

      checkIncludes(tokens, includeNames, ownIncludeNames, report);
      checkVariables(engine.analyzeSync(parsed, { partials: false }).globals, scope, { strict: options.strictVariables ?? false, configFile: options.configFile ?? 'content/_config.yml', themeHtmlKeys: options.themeHtmlKeys ?? [] }, report);
      if (problems.some((problem) => problem.severity === 'error')) return unchanged();

      try {
        // One context for the whole page (assignments carry over), one template at a time, so
        // that each piece of output is known to come from one place in the text.
        const context = new Context({ ...scope.site, site: scope.site, page: scope.page, [UI_SCOPE_KEY]: scope.ui ?? {} }, engine.options, { sync: true }, { liquid: engine });
        const map = new OutputMap(text);
        for (const template of parsed) {
          const rendered = String(engine.renderSync([template], context));
          map.add(template.token.begin, TypeGuards.isHTMLToken(template.token) ? template.token.getText() : undefined, rendered);
        }
        return { output: map.output, problems, toSource: (line, column) => toFile(map.sourcePosition(line, column)) };
      } catch (error) {
        reportLiquidError(error, report);
        return unchanged();
      }
    },
  };
}


/** Offsets of line starts in `text`, for offset ↔ line/column. */
function lineStarts(text: string): number[] {
  const starts = [0];
  for (let index = text.indexOf('\n'); index !== -1; index = text.indexOf('\n', index + 1)) starts.push(index + 1);
  return starts;
}

/** Output pieces and where each came from in the input. */
class OutputMap {
  output = '';
  private readonly pieces: { outBegin: number; inBegin: number; literal: boolean }[] = [];
  private readonly inputStarts: number[];
  private outputStarts: number[] | undefined;

  constructor(input: string) {
    this.inputStarts = lineStarts(input);
  }

  /** `literal` is the input text of a piece printed as written (perhaps trimmed). */
  add(inBegin: number, literal: string | undefined, rendered: string): void {
    // Whitespace control may trim a literal piece: find where the printed text starts in it.
    const shift = literal === undefined ? 0 : Math.max(0, literal.indexOf(rendered));
    this.pieces.push({ outBegin: this.output.length, inBegin: inBegin + shift, literal: literal !== undefined });
    this.output += rendered;
    this.outputStarts = undefined;
  }

  /** `[line, column]` in the input for a 1-based line and column of the output. */
  sourcePosition(line: number, column: number): number[] {
    this.outputStarts ??= lineStarts(this.output);
    const offset = (this.outputStarts[line - 1] ?? this.output.length) + column - 1;
    let piece = this.pieces[0];
    for (const candidate of this.pieces) {
      if (candidate.outBegin > offset) break;
      piece = candidate;
    }
    const inOffset = piece ? piece.inBegin + (piece.literal ? offset - piece.outBegin : 0) : 0;
    let inLine = 0;
    while (inLine + 1 < this.inputStarts.length && (this.inputStarts[inLine + 1] ?? Infinity) <= inOffset) inLine += 1;
    return [inLine + 1, inOffset - (this.inputStarts[inLine] ?? 0) + 1];
  }
}

/**
 * Liquid blocks or parentheses nested deeper than this are refused before liquidjs parses
 * them: its parser recurses once per level, and overflows the stack at about 2,000 levels.
 */
const MAX_LIQUID_NESTING = 100;

/**
 * The first tag or output that nests deeper than `MAX_LIQUID_NESTING`: a block tag (Liquid's,
 * or one whose `end` tag the page has) inside as many others, closed or not, or parentheses
 * inside as many others.
 */
function tooDeep(tokens: readonly TopLevelToken[]): TopLevelToken | undefined {
  const blocks = new Set(['if', 'unless', 'for', 'case', 'capture', 'tablerow', ...tokens.filter(TypeGuards.isTagToken).flatMap((token) => (token.name.startsWith('end') ? [token.name.slice(3)] : []))]);
  let depth = 0;
  let literalUntil: string | undefined;
  for (const token of tokens) {
    if (TypeGuards.isTagToken(token)) {
      if (literalUntil) {
        if (token.name === literalUntil) literalUntil = undefined;
        continue;
      }
      literalUntil = LITERAL_BLOCKS[token.name];
      if (token.name.startsWith('end')) depth = Math.max(0, depth - 1);
      else if (blocks.has(token.name) && !literalUntil) depth += 1;
      if (depth > MAX_LIQUID_NESTING) return token;
    }
    if (TypeGuards.isTagToken(token) || TypeGuards.isOutputToken(token)) {
      let parentheses = 0;
      for (const character of token.content) {
        parentheses = Math.max(0, parentheses + (character === '(' ? 1 : character === ')' ? -1 : 0));
        if (parentheses > MAX_LIQUID_NESTING) return token;
      }
    }
  }
  return undefined;
}

type Report = (position: number[], ruleId: LiquidProblem['ruleId'], message: string, severity?: LiquidProblem['severity']) => void;

function reportLiquidError(error: unknown, report: Report): void {
  if (error instanceof LiquidError) {
    const message = error.message.split('\n')[0]?.replace(/, line:\d+, col:\d+$/, '') ?? error.message;
    report(error.token.getPosition(), 'liquid-syntax', `Liquid error: ${message}. If this is literal text, wrap it in {% raw %}…{% endraw %}.`);
    return;
  }
  throw error;
}

/** Every `{% include NAME %}` outside raw and comment blocks must name a file in `_includes/` or a built-in include. */
function checkIncludes(tokens: readonly TopLevelToken[], includeNames: readonly string[], ownIncludeNames: readonly string[], report: Report): void {
  let closing: string | undefined;
  for (const token of tokens) {
    if (!TypeGuards.isTagToken(token)) continue;
    if (closing) {
      if (token.name === closing) closing = undefined;
      continue;
    }
    closing = LITERAL_BLOCKS[token.name];
    if (token.name !== 'include') continue;
    if (token.args.includes('{%')) {
      // The tag ends at the first `%}`: the rest of the parameter would print as text.
      report(token.getPosition(), 'liquid-syntax', 'A tag inside an include parameter ends the include early. Write the value as text, or assign it first: {% capture text %}…{% endcapture %} then text=text.');
      continue;
    }
    const name = token.args.trim().split(/\s+/)[0]?.replace(/^["']|["']$/g, '') ?? '';
    // A name computed from a variable is checked when it renders.
    if (name.startsWith('{{')) continue;
    if (!includeNames.includes(name)) {
      const known = ownIncludeNames.length > 0 ? `Files in content/_includes/: ${ownIncludeNames.join(', ')}.` : 'content/_includes/ has no files.';
      const builtIn = `Built in: ${[...BUILTIN_INCLUDES.keys()].join(', ')}.`;
      report(token.getPosition(), 'liquid-include-unknown', `Unknown include "${name}". ${known} ${builtIn} Create content/_includes/${name} or fix the name.`);
    }
  }
}

/**
 * `site.*`, `page.*` and bare config keys should exist: a typo prints as empty text, which is an
 * error under `strict_variables` and a warning otherwise.
 */
function checkVariables(globals: Readonly<Record<string, Variable[]>>, scope: LiquidScope, options: { strict: boolean; configFile: string; themeHtmlKeys: readonly string[] }, report: Report): void {
  for (const variables of Object.values(globals)) {
    for (const variable of variables) {
      const path = variable.segments.filter((segment): segment is string | number => typeof segment !== 'object');
      const [root, ...rest] = path;
      const base = root === 'site' ? scope.site : root === 'page' ? scope.page : scope.site;
      const segments = root === 'site' || root === 'page' ? rest : path;
      if (resolves(base, segments)) continue;
      const name = path.join('.');
      const key = String(segments[0] ?? name);
      const hint =
        root === 'page'
          ? `The page's front matter has: ${Object.keys(scope.page).join(', ')}.`
          : options.themeHtmlKeys.includes(key)
            ? `${options.configFile} sets it to the old theme's HTML, which errata never prints: remove the tag.`
            : `Define it in ${options.configFile} (as site.${key}) or in _data/.`;
      const printed = options.strict ? '' : ' It prints as empty text.';
      report(
        [variable.location.row, variable.location.col],
        'liquid-variable-unknown',
        `Unknown variable "${name}".${printed} ${hint} If this is literal text, wrap it in {% raw %}…{% endraw %}.`,
        options.strict ? 'error' : 'warning',
      );
    }
  }
}

function resolves(base: unknown, segments: readonly (string | number)[]): boolean {
  let value: unknown = base;
  for (const segment of segments) {
    if (value === null || typeof value !== 'object' || !Object.hasOwn(value, segment)) return false;
    value = (value as Record<string | number, unknown>)[segment];
  }
  return true;
}
