/**
 * Jekyll's `exclude:` list: paths of the content tree that are neither pages nor files of the
 * site. As in Jekyll, each pattern is relative to the tree's top, names a file or a folder (with
 * everything in it), or is a glob whose `*` also crosses folders (`*.sh`, `drafts/*`).
 */
import picomatch from 'picomatch';

/**
 * A test of content paths (`/`-separated, relative to the tree) against the patterns.
 * @example excludedBy(['README.md', 'vendor/'])('vendor/x/a.md') === true
 */
export function excludedBy(patterns: readonly string[]): (contentPath: string) => boolean {
  const cleaned = patterns.map((pattern) => pattern.trim().replace(/^\.?\/+/, '').replace(/\/+$/, '')).filter(Boolean);
  if (cleaned.length === 0) return () => false;
  // `bash`: a single `*` matches across folders, as Ruby's File.fnmatch does without FNM_PATHNAME.
  const globs = picomatch(cleaned, { bash: true, dot: true });
  return (contentPath) => globs(contentPath) || cleaned.some((pattern) => contentPath === pattern || contentPath.startsWith(`${pattern}/`));
}
