/**
 * Liquid as Jekyll applies it to a page, before Markdown: `{% include NAME %}` pastes a file
 * from `_includes/` wherever the tag stands (headings, inline code, code blocks alike),
 * `{{ site.KEY }}` and `{{ page.KEY }}` print values, `{% raw %}` keeps text literal.
 * Problems are reported with the tag's position; nothing unknown is printed as empty text.
 */
import { Liquid, LiquidError, Tokenizer, TypeGuards, type Variable } from 'liquidjs';
import type { Position } from '../content/diagnostic.ts';

export interface LiquidProblem {
  readonly at: Position;
  readonly ruleId: 'liquid-syntax' | 'liquid-include-unknown' | 'liquid-variable-unknown';
  readonly message: string;
}

export interface LiquidScope {
  /** `_config.yml` and `site.data`; its top-level keys are also bare variables, as in the old site. */
  readonly site: Readonly<Record<string, unknown>>;
  /** The page's own front matter. */
  readonly page: Readonly<Record<string, unknown>>;
}

/** A Liquid engine bound to one site's includes. */
export interface LiquidRenderer {
  readonly includeNames: readonly string[];
  /**
   * Renders `text`; `origin` is the file position of the text's first character, so that
   * problems point into the file, not into the text.
   */
  render(text: string, scope: LiquidScope, origin: Position): { output: string; problems: LiquidProblem[] };
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

export function createLiquidRenderer(includes: ReadonlyMap<string, string>): LiquidRenderer {
  const templates = Object.fromEntries([...includes].map(([name, text]) => [name, trimFinalNewline(text)]));
  const engine = new Liquid({
    templates,
    jekyllInclude: true,
    strictVariables: true,
    strictFilters: true,
    extname: '',
    // Jekyll leaves the text around tags as written; so do we.
    greedy: false,
  });
  const includeNames = [...includes.keys()].sort();

  return {
    includeNames,
    render(text, scope, origin) {
      const problems: LiquidProblem[] = [];
      const toFile = ([line = 1, column = 1]: number[]): Position => ({
        line: origin.line + line - 1,
        column: line === 1 ? origin.column + column - 1 : column,
      });
      const report = (position: number[], ruleId: LiquidProblem['ruleId'], message: string) =>
        problems.push({ at: toFile(position), ruleId, message });

      // Fast path: most of a page is plain Markdown.
      if (!text.includes('{%') && !text.includes('{{')) return { output: text, problems };

      let parsed;
      try {
        parsed = engine.parse(text);
      } catch (error) {
        reportLiquidError(error, report);
        return { output: text, problems };
      }

      checkIncludes(text, engine, includeNames, report);
      checkVariables(engine.analyzeSync(parsed, { partials: false }).globals, scope, report);
      if (problems.length > 0) return { output: text, problems };

      try {
        return { output: String(engine.renderSync(parsed, { ...scope.site, site: scope.site, page: scope.page })), problems };
      } catch (error) {
        reportLiquidError(error, report);
        return { output: text, problems };
      }
    },
  };
}

type Report = (position: number[], ruleId: LiquidProblem['ruleId'], message: string) => void;

function reportLiquidError(error: unknown, report: Report): void {
  if (error instanceof LiquidError) {
    const message = error.message.split('\n')[0]?.replace(/, line:\d+, col:\d+$/, '') ?? error.message;
    report(error.token.getPosition(), 'liquid-syntax', `Liquid error: ${message}. If this is literal text, wrap it in {% raw %}…{% endraw %}.`);
    return;
  }
  throw error;
}

/** Every `{% include NAME %}` outside raw and comment blocks must name a file in `_includes/`. */
function checkIncludes(text: string, engine: Liquid, includeNames: readonly string[], report: Report): void {
  const tokens = new Tokenizer(text, engine.options.operators).readTopLevelTokens(engine.options);
  let closing: string | undefined;
  for (const token of tokens) {
    if (!TypeGuards.isTagToken(token)) continue;
    if (closing) {
      if (token.name === closing) closing = undefined;
      continue;
    }
    closing = LITERAL_BLOCKS[token.name];
    if (token.name !== 'include') continue;
    const name = token.args.trim().split(/\s+/)[0]?.replace(/^["']|["']$/g, '') ?? '';
    // A name computed from a variable is checked when it renders.
    if (name.startsWith('{{')) continue;
    if (!includeNames.includes(name)) {
      const known = includeNames.length > 0 ? `Files in content/_includes/: ${includeNames.join(', ')}.` : 'content/_includes/ has no files.';
      report(token.getPosition(), 'liquid-include-unknown', `Unknown include "${name}". ${known} Create content/_includes/${name} or fix the name.`);
    }
  }
}

/** `site.*`, `page.*` and bare config keys must exist; a typo must not print as empty text. */
function checkVariables(globals: Readonly<Record<string, Variable[]>>, scope: LiquidScope, report: Report): void {
  for (const variables of Object.values(globals)) {
    for (const variable of variables) {
      const path = variable.segments.filter((segment): segment is string | number => typeof segment !== 'object');
      const [root, ...rest] = path;
      const base = root === 'site' ? scope.site : root === 'page' ? scope.page : scope.site;
      const segments = root === 'site' || root === 'page' ? rest : path;
      if (resolves(base, segments)) continue;
      const name = path.join('.');
      const hint =
        root === 'page'
          ? `The page's front matter has: ${Object.keys(scope.page).join(', ')}.`
          : `Define it in content/_config.yml (as site.${String(segments[0] ?? name)}) or in content/_data/.`;
      report(
        [variable.location.row, variable.location.col],
        'liquid-variable-unknown',
        `Unknown variable "${name}". ${hint} If this is literal text, wrap it in {% raw %}…{% endraw %}.`,
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
