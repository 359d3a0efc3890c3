/**
 * Everything `npm run check` and the build check, in one place: the content rules, then —
 * when the content is sound — the search retrieval check over the catalog's signatures.
 */
import { sortDiagnostics, type Diagnostic } from '../content/diagnostic.ts';
import { buildLocaleIndexes, catalogSignatures, checkRetrieval } from '../search/catalog-signatures.ts';
import type { SignatureIndex } from '../search/signature-index.ts';
import type { SiteData } from './site-data.ts';

export interface SiteCheck {
  readonly diagnostics: readonly Diagnostic[];
  /** Signature indexes per locale name, when the content was sound enough to build them. */
  readonly indexes: ReadonlyMap<string, SignatureIndex> | undefined;
}

export async function checkSite({ site, catalog }: Pick<SiteData, 'site' | 'catalog'>): Promise<SiteCheck> {
  if (site.diagnostics.some((diagnostic) => diagnostic.severity === 'error')) {
    return { diagnostics: site.diagnostics, indexes: undefined };
  }
  const signatures = catalogSignatures(catalog);
  const indexes = buildLocaleIndexes(signatures);
  const retrieval = await checkRetrieval(signatures, indexes);
  return { diagnostics: sortDiagnostics([...site.diagnostics, ...retrieval]), indexes };
}
