/** Every file under a folder, as `/`-separated paths relative to it. */
import { existsSync, readdirSync } from 'node:fs';

export function listFiles(root: string): string[] {
  const files: string[] = [];
  if (!existsSync(root)) return files;
  for (const entry of readdirSync(root, { withFileTypes: true, recursive: true })) {
    if (!entry.isFile()) continue;
    const folder = entry.parentPath.slice(root.length).replace(/^[\\/]+/, '').split('\\').join('/');
    files.push(folder ? `${folder}/${entry.name}` : entry.name);
  }
  return files;
}
