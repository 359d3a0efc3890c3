/**
 * Front-matter values written so that YAML reads back exactly what was meant: error messages
 * hold `: `, quotes, backslashes, `#` and `{{ }}`, any of which breaks a plain YAML value.
 * Every function here is pure.
 */
import { parse, stringify } from 'yaml';

const OPTIONS = { defaultStringType: 'QUOTE_DOUBLE', defaultKeyType: 'PLAIN', lineWidth: 0, minContentWidth: 0 } as const;

/**
 * A string as a double-quoted YAML scalar, on one line, as the catalog writes titles.
 * @example quoted('a: "b"') === '"a: \\"b\\""'
 */
export function quoted(value: string): string {
  return stringify(value, OPTIONS).trimEnd();
}

/**
 * A string as a plain YAML scalar when YAML reads it back as the same string (`python`,
 * `zh_CN`), double-quoted otherwise (`1045`, `null`, `a: b`).
 * @example plain('python') === 'python'
 * @example plain('1045') === '"1045"'
 */
export function plain(value: string): string {
  const safe = /^[\w.-]+$/.test(value) && parseOrUndefined(value) === value;
  return safe ? value : quoted(value);
}

function parseOrUndefined(text: string): unknown {
  try {
    return parse(text) as unknown;
  } catch {
    // Not valid as a plain scalar: it will be quoted.
    return undefined;
  }
}

/**
 * One front-matter field, `key: value`, possibly on several lines (lists, mappings). Strings are
 * double-quoted; other values are written as YAML writes them.
 * @example field('errors', ['a: b']) === 'errors:\n  - "a: b"'
 */
export function field(key: string, value: unknown): string {
  return stringify({ [key]: value }, OPTIONS).trimEnd();
}
