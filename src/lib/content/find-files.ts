/** The Markdown files of a content tree. */
import { readdirSync } from 'node:fs';
import { join } from 'node:path';

/** Folders skipped entirely: Jekyll's `_includes`, `_data` and the like, and hidden folders. */
function isSkippedFolder(name: string): boolean {
  return name.startsWith('_') || name.startsWith('.');
}

/**
 * Every `.md` file under `dir`, as paths relative to it with `/` separators, in a stable order;
 * `excluded` paths (Jekyll's `exclude:`) are left out, folders with all they hold.
 */
export function findMarkdownFiles(dir: string, excluded: (path: string) => boolean = () => false): string[] {
  const found: string[] = [];
  const walk = (relativeDir: string) => {
    for (const entry of readdirSync(join(dir, relativeDir), { withFileTypes: true })) {
      const path = relativeDir ? `${relativeDir}/${entry.name}` : entry.name;
      if (excluded(path)) continue;
      if (entry.isDirectory()) {
        if (!isSkippedFolder(entry.name)) walk(path);
      } else if (entry.name.toLowerCase().endsWith('.md')) {
        found.push(path);
      }
    }
  };
  walk('');
  return found.sort();
}
