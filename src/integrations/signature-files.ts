/** Writes each locale's error-signature index into the built site. */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { Locale } from '../lib/i18n/locales.ts';
import { indexFiles } from '../lib/search/index-files.ts';
import type { SignatureIndex } from '../lib/search/signature-index.ts';
import { signatureIndexPath } from '../lib/routing/routes.ts';

export function writeSignatureIndexes(outDir: string, locales: readonly Locale[], indexes: ReadonlyMap<string, SignatureIndex>): string {
  let files = 0;
  let bytes = 0;
  for (const locale of locales) {
    const index = indexes.get(locale.name);
    if (!index) continue;
    const folder = join(outDir, signatureIndexPath(locale));
    for (const [path, text] of indexFiles(index)) {
      const target = join(folder, path);
      mkdirSync(dirname(target), { recursive: true });
      writeFileSync(target, text);
      files++;
      bytes += Buffer.byteLength(text);
    }
  }
  return `Error signatures: ${files} files, ${(bytes / 1024).toFixed(1)} KiB`;
}
