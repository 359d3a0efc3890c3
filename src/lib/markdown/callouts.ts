/**
 * What the sanitiser must let through for the built-in includes (`liquid/builtin-includes.ts`):
 * callouts (`<div class="callout callout-warning" role="note" aria-label>` with a
 * `<p class="callout-title" aria-hidden="true">`) and figures (`<figure class="figure
 * figure-width-50">`, `<figcaption>`). Only these classes and values pass; an author writing the
 * same HTML by hand gets the same harmless result.
 */
import type { Options as Schema } from 'rehype-sanitize';

type Attributes = NonNullable<Schema['attributes']>;

/** `schema` with callouts and figures allowed. */
export function allowCalloutsAndFigures(schema: Schema): Schema {
  const attributes: Attributes = schema.attributes ?? {};
  return {
    ...schema,
    tagNames: [...(schema.tagNames ?? []), 'figure', 'figcaption'],
    attributes: {
      ...attributes,
      div: [...(attributes['div'] ?? []), ['className', 'callout', /^callout-[a-z]+$/], ['role', 'note'], 'ariaLabel'],
      p: [...(attributes['p'] ?? []), ['className', 'callout-title'], ['ariaHidden', 'true']],
      figure: [['className', 'figure', /^figure-width-(25|33|50|66|75|100)$/]],
    },
  };
}
