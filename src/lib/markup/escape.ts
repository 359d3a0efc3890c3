/** The one escaper of text written into HTML or XML by hand (sitemaps, redirect pages). */

const ESCAPES: Readonly<Record<string, string>> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/**
 * Text safe in HTML and XML content and in quoted attribute values of either.
 * @example escapeMarkup(`a&b<"c">`) === 'a&amp;b&lt;&quot;c&quot;&gt;'
 */
export function escapeMarkup(text: string): string {
  return text.replace(/[&<>"']/g, (char) => ESCAPES[char] ?? char);
}
