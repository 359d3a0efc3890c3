/**
 * The includes a Jekyll documentation theme gives its pages, built in so that a migrated tree
 * needs no `_includes/info` of its own: callouts (`info`, `note`, `tip`, `important`,
 * `warning`, `caution`, `danger`) and `figure`. A tree that ships a file of the same name in
 * `_includes/` overrides the built-in one.
 *
 * They are plain Liquid templates, rendered by the page's Liquid pass as any include is. Each
 * writes HTML around a blank-line-separated Markdown part (`include.content`,
 * `include.caption`), so the Markdown inside is parsed with the page — its links and images are
 * checked and resolved like all others. The sanitiser lets through exactly the classes and
 * attributes used here (see `markdown/callouts.ts`).
 *
 * ```liquid
 * {% include info title="Note" content="Markdown, with [links](./other.md)." %}
 * {% include warning content="No title: the label is the callout's kind, in the page's language." %}
 * {% include figure src="./images/step_1.png" caption="The first step" width="400px" alt="…" %}
 * ```
 */

/** Callout kinds and the built-in include names that render them. */
export const CALLOUT_KINDS = ['note', 'info', 'tip', 'important', 'warning', 'caution', 'danger'] as const;
export type CalloutKind = (typeof CALLOUT_KINDS)[number];

/**
 * The variable that holds each callout kind's label in the page's language (`errata_ui.warning`),
 * shown when an include has no `title`.
 */
export const UI_VARIABLE = 'errata_ui';

/**
 * A callout: an element with `role="note"` named by its title (or its kind), the title shown
 * once (hidden from assistive technology, which reads the name), then the content as Markdown.
 */
function calloutTemplate(kind: CalloutKind): string {
  return [
    `{%- capture errata_label -%}{% if include.title and include.title != "" %}{{ include.title }}{% else %}{{ ${UI_VARIABLE}.${kind} }}{% endif %}{%- endcapture %}`,
    // Blank lines around: the HTML is a block of its own even when the tag follows a paragraph line.
    '',
    `<div class="callout callout-${kind}" role="note" aria-label="{{ errata_label | strip_html | strip | escape }}">`,
    `<p class="callout-title" aria-hidden="true">{{ errata_label | strip_html | strip | escape }}</p>`,
    '',
    '{{ include.content }}',
    '',
    '</div>',
    '',
    '',
  ].join('\n');
}

/**
 * A figure: the image (its `src` resolved like a Markdown image), its caption as Markdown, and
 * its width — pixels as the image's `width` attribute, a percentage as a width class
 * (`figure-width-25|33|50|66|75|100`): no inline styles, so a strict Content-Security-Policy holds.
 */
const FIGURE_TEMPLATE = [
  '{%- assign errata_src = include.src | default: include.url | default: include.image | default: include.file | default: include.image_path -%}',
  '{%- assign errata_width = include.width | default: "" | remove: "px" | strip -%}',
  '{%- assign errata_alt = include.alt | default: include.caption | default: "" | strip_html | errata_plain | strip -%}',
  '{%- assign errata_class = "figure" -%}',
  '{%- assign errata_pixels = "" -%}',
  '{%- if errata_width contains "%" -%}',
  '{%- assign errata_percent = errata_width | remove: "%" | plus: 0 -%}',
  '{%- if errata_percent <= 29 -%}{%- assign errata_class = "figure figure-width-25" -%}',
  '{%- elsif errata_percent <= 41 -%}{%- assign errata_class = "figure figure-width-33" -%}',
  '{%- elsif errata_percent <= 58 -%}{%- assign errata_class = "figure figure-width-50" -%}',
  '{%- elsif errata_percent <= 70 -%}{%- assign errata_class = "figure figure-width-66" -%}',
  '{%- elsif errata_percent <= 87 -%}{%- assign errata_class = "figure figure-width-75" -%}',
  '{%- else -%}{%- assign errata_class = "figure figure-width-100" -%}{%- endif -%}',
  '{%- elsif errata_width != "" -%}',
  '{%- assign errata_number = errata_width | plus: 0 | round -%}',
  '{%- if errata_number > 0 -%}{%- assign errata_pixels = errata_number -%}{%- endif -%}',
  '{%- endif %}',
  '',
  '<figure class="{{ errata_class }}">',
  '<img src="{{ errata_src }}" alt="{{ errata_alt | escape }}"{% if errata_pixels != "" %} width="{{ errata_pixels }}"{% endif %}>',
  '{% if include.caption and include.caption != "" %}<figcaption>',
  '',
  '{{ include.caption }}',
  '',
  '</figcaption>',
  '{% endif %}</figure>',
  '',
  '',
].join('\n');

/** Every built-in include, by name. */
export const BUILTIN_INCLUDES: ReadonlyMap<string, string> = new Map<string, string>([
  ...CALLOUT_KINDS.map((kind): [string, string] => [kind, calloutTemplate(kind)]),
  ['figure', FIGURE_TEMPLATE],
]);
