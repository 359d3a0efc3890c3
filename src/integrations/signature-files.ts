/** Writes each locale's error-signature index into the built site. */
import { posix } from 'node:path';
import type { OutputWriter } from '../lib/build/output-writer.ts';
import type { Locale } from '../lib/i18n/locales.ts';
import { indexFiles } from '../lib/search/index-files.ts';
import type { SignatureIndex } from '../lib/search/signature-index.ts';
import { signatureIndexPath } from '../lib/routing/routes.ts';

export function writeSignatureIndexes(out: OutputWriter, locales: readonly Locale[], indexes: ReadonlyMap<string, SignatureIndex>): string {
  let files = 0;
  let bytes = 0;
  for (const locale of locales) {
    const index = indexes.get(locale.name);
    if (!index) continue;
    for (const [path, text] of indexFiles(index)) {
      out.write(posix.join(signatureIndexPath(locale), path), text);
      files++;
      bytes += Buffer.byteLength(text);
    }
  }
  return `Error signatures: ${files} files, ${(bytes / 1024).toFixed(1)} KiB`;
}
