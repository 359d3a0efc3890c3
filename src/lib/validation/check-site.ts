/**
 * Everything `npm run check` and the build check, in one place: the content rules, then —
 * when the content is sound — the search retrieval check over the catalog's signatures.
 */
import { sortDiagnostics, type Diagnostic } from './diagnostic.ts';
import { buildLocaleIndexes, catalogSignatures, type LocaleSignatures } from '../search/catalog-signatures.ts';
import { checkRetrieval } from './retrieval-check.ts';
import type { SignatureIndex } from '../search/signature-index.ts';
import { fingerprint } from '../build/fingerprint.ts';
import type { SiteData } from '../site/site-data.ts';
import type { ResultMemo } from '../site/site-digest.ts';

export interface SiteCheck {
  readonly diagnostics: readonly Diagnostic[];
  /** Signature indexes per locale name, when the content was sound enough to build them. */
  readonly indexes: (() => ReadonlyMap<string, SignatureIndex>) | undefined;
}

/** The retrieval check's findings of an earlier build, under this build's `siteDigest`. */
export interface CheckReuse {
  readonly digest: string;
  readonly findings: ResultMemo<readonly Diagnostic[]>;
}

export async function checkSite({ site, catalog }: Pick<SiteData, 'site' | 'catalog'>, reuse?: CheckReuse): Promise<SiteCheck> {
  if (site.diagnostics.some((diagnostic) => diagnostic.severity === 'error')) {
    return { diagnostics: site.diagnostics, indexes: undefined };
  }
  // Built on first use: a build that reuses the check's findings needs them only when it writes
  // the signature indexes again.
  let signatures: LocaleSignatures[] | undefined;
  const signaturesOnce = () => (signatures ??= catalogSignatures(catalog));
  let indexes: Map<string, SignatureIndex> | undefined;
  const indexesOnce = () => (indexes ??= buildLocaleIndexes(signaturesOnce()));
  // The check reads the signatures, their files and positions, and the code: all in the digest.
  const key = reuse && fingerprint('retrieval', reuse.digest);
  let retrieval = key === undefined ? undefined : reuse?.findings.get(key);
  if (retrieval === undefined) {
    retrieval = await checkRetrieval(signaturesOnce(), indexesOnce());
    if (key !== undefined) reuse?.findings.set(key, retrieval);
  }
  return { diagnostics: sortDiagnostics([...site.diagnostics, ...retrieval]), indexes: indexesOnce };
}
