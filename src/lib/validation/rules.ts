/**
 * Every rule the check reports, and the setting that changes its level. A migrated tree builds
 * while its old defects are fixed by lowering the rules those defects break; rules whose problem
 * leaves a page that cannot be built stay errors, so nothing is ever dropped without one.
 */
import type { RuleLevel, Severity } from './diagnostic.ts';

/** How a rule's level is changed: its own setting, `errata.levels`, or not at all. */
export type LevelSetting =
  | { readonly kind: 'levels' }
  | { readonly kind: 'broken'; readonly key: 'on_broken_links' | 'on_broken_images' | 'on_broken_anchors' }
  | { readonly kind: 'strict-variables' }
  | { readonly kind: 'fixed'; readonly why: string };

export interface Rule {
  readonly id: string;
  /** The level it is reported at unless configured. */
  readonly severity: Severity;
  readonly setting: LevelSetting;
}

const CANNOT_BUILD: LevelSetting = { kind: 'fixed', why: 'the page cannot be built until it is fixed' };
const BAD_CONFIG: LevelSetting = { kind: 'fixed', why: 'the site cannot be built until the setting is fixed' };
const LEVELS: LevelSetting = { kind: 'levels' };

const rule = (id: string, severity: Severity, setting: LevelSetting): Rule => ({ id, severity, setting });

/** The rules, in the order docs/checks.md lists them; ids are permanent. */
export const RULES: readonly Rule[] = [
  rule('front-matter-missing', 'note', LEVELS),
  rule('front-matter-unterminated', 'error', CANNOT_BUILD),
  rule('front-matter-yaml', 'error', CANNOT_BUILD),
  rule('front-matter-not-mapping', 'error', CANNOT_BUILD),
  rule('front-matter-unknown-key', 'error', LEVELS),
  rule('lang-folder-mismatch', 'error', LEVELS),
  rule('pagename-duplicate', 'error', { kind: 'fixed', why: 'two pages cannot share one URL' }),
  rule('entry-heading-missing', 'error', CANNOT_BUILD),
  rule('markdown-too-deep', 'error', CANNOT_BUILD),
  rule('liquid-syntax', 'error', CANNOT_BUILD),
  rule('liquid-include-unknown', 'error', CANNOT_BUILD),
  rule('liquid-too-deep', 'error', CANNOT_BUILD),
  rule('liquid-variable-unknown', 'warning', { kind: 'strict-variables' }),
  rule('link-target-missing', 'error', { kind: 'broken', key: 'on_broken_links' }),
  rule('image-missing', 'error', { kind: 'broken', key: 'on_broken_images' }),
  rule('link-anchor-missing', 'warning', { kind: 'broken', key: 'on_broken_anchors' }),
  rule('redirect-conflict', 'error', { kind: 'fixed', why: 'one old path cannot lead to two pages' }),
  rule('redirect-shadows-page', 'error', { kind: 'fixed', why: 'an old path cannot be a page of the site too' }),
  rule('redirect-target-missing', 'error', BAD_CONFIG),
  rule('toc-page-missing', 'warning', LEVELS),
  rule('data-yaml', 'error', { kind: 'fixed', why: 'the file cannot be read until it is fixed' }),
  rule('data-duplicate-key', 'warning', LEVELS),
  rule('config-invalid', 'error', BAD_CONFIG),
  rule('config-languages', 'error', BAD_CONFIG),
  rule('config-default-lang', 'error', BAD_CONFIG),
  rule('config-value', 'error', BAD_CONFIG),
  rule('config-theme-html', 'note', LEVELS),
  rule('config-not-read', 'note', LEVELS),
  rule('categories-invalid', 'error', BAD_CONFIG),
  rule('search-nothing-found', 'error', LEVELS),
  rule('search-not-first', 'warning', LEVELS),
  rule('search-indistinguishable', 'warning', LEVELS),
  rule('search-example-not-first', 'warning', LEVELS),
];

const BY_ID = new Map(RULES.map((entry) => [entry.id, entry]));

/**
 * The rule of a rule id; `front-matter-<field>` (a field's value) is one rule per field.
 * @example ruleOf('front-matter-lang').setting.kind === 'fixed'
 */
export function ruleOf(id: string): Rule | undefined {
  return BY_ID.get(id) ?? (id.startsWith('front-matter-') ? rule(id, 'error', CANNOT_BUILD) : undefined);
}

/** Rules `errata.levels` may set. */
export function levelRuleIds(): string[] {
  return RULES.filter((entry) => entry.setting.kind === 'levels').map((entry) => entry.id);
}

/**
 * What to write in the config to move the rule's problems, now at `severity`, to another level:
 * errors down to warnings, warnings and notes down to nothing.
 * @example levelHint('toc-page-missing', 'warning') === 'errata: { levels: { toc-page-missing: ignore } }'
 */
export function levelHint(id: string, severity: Severity): string {
  const setting = ruleOf(id)?.setting ?? CANNOT_BUILD;
  const lower: RuleLevel = severity === 'error' ? 'warn' : 'ignore';
  switch (setting.kind) {
    case 'levels':
      return `errata: { levels: { ${id}: ${lower} } }`;
    case 'broken':
      return `errata: { ${setting.key}: ${lower} }`;
    case 'strict-variables':
      return severity === 'error' ? 'liquid: { strict_variables: false } (renders them empty, as Jekyll does)' : 'liquid: { strict_variables: true } makes them errors';
    case 'fixed':
      return `no setting: ${setting.why}`;
  }
}
