/**
 * A rebuild reuses an entry's fingerprint and the retrieval check's findings from earlier
 * builds when the site digest says nothing but bodies and change dates differ. Reused results
 * must be exactly what computing them again gives.
 */
import { appendFileSync, cpSync, readFileSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { readFileHistory } from '../../src/lib/content/git-history.ts';
import { loadSite } from '../../src/lib/content/load-site.ts';
import { Catalog } from '../../src/lib/site/catalog.ts';
import { checkSite } from '../../src/lib/validation/check-site.ts';
import { pageFingerprints } from '../../src/lib/site/page-fingerprints.ts';
import type { SiteData } from '../../src/lib/site/site-data.ts';
import { siteDigest, type ResultMemo } from '../../src/lib/site/site-digest.ts';
import { makeWorkDir, PROJECT_ROOT } from '../helpers/build-site.ts';

const work = makeWorkDir('result-reuse-');
afterAll(() => rmSync(work, { recursive: true, force: true }));
const VERSION = 'test-code';

/** A memo that counts what it was asked and told. */
class CountingMemo<T> implements ResultMemo<T> {
  readonly values = new Map<string, T>();
  hits = 0;
  stored = 0;
  get(key: string): T | undefined {
    const value = this.values.get(key);
    if (value !== undefined) this.hits++;
    return value;
  }
  set(key: string, value: T): void {
    this.stored++;
    this.values.set(key, value);
  }
  reset(): void {
    this.hits = 0;
    this.stored = 0;
  }
}

function copySite(name: string): string {
  const contentDir = join(work, name);
  cpSync(join(PROJECT_ROOT, 'tests/fixtures/site-small/content'), contentDir, { recursive: true });
  return contentDir;
}

function load(contentDir: string): SiteData {
  const site = loadSite({ contentDir, rootDir: PROJECT_ROOT });
  return { site, catalog: new Catalog(site.pages, site.sources.localeConfig, site.sources.categories), history: readFileHistory(contentDir) };
}

/** Moves a file's modification time on, as an edit a second later would. */
function touchLater(file: string): void {
  const later = new Date(Date.now() + 60_000);
  utimesSync(file, later, later);
}

describe('reusing entry fingerprints', () => {
  it('reuses all but the edited entry after a body edit, and gives what computing afresh gives', () => {
    const contentDir = copySite('body-edit');
    const memo = new CountingMemo<string>();
    const first = load(contentDir);
    const before = pageFingerprints(first, { codeVersion: VERSION, digest: siteDigest(first.site, VERSION), prints: memo });
    expect(memo.stored).toBe(before.entries.size);

    const edited = join(contentDir, 'en/fs/permission.md');
    appendFileSync(edited, '\nOne more sentence in the body.\n');
    touchLater(edited);
    const second = load(contentDir);
    expect(siteDigest(second.site, VERSION)).toBe(siteDigest(first.site, VERSION));
    memo.reset();
    const reused = pageFingerprints(second, { codeVersion: VERSION, digest: siteDigest(second.site, VERSION), prints: memo });
    const fresh = pageFingerprints(second, { codeVersion: VERSION, digest: siteDigest(second.site, VERSION) });
    expect(reused).toEqual(fresh);
    // The edited entry, and the languages' pages that fall back to it, are computed again.
    const changed = [...fresh.entries].filter(([path, print]) => before.entries.get(path) !== print).map(([path]) => path);
    expect(changed).toContain('/en/permission/');
    expect(memo.stored).toBe(changed.length);
    expect(memo.hits).toBe(fresh.entries.size - changed.length);
    // Listings show no body; only the translation status shows the edited file's new date.
    const listings = [...fresh.listings].filter(([path, print]) => before.listings.get(path) !== print).map(([path]) => path);
    expect(listings.sort()).toEqual(['/en/translations/', '/ja/translations/', '/ko/translations/', '/zh-cn/translations/']);
  });

  it('computes again an entry whose file only changed its date: the page shows that date', () => {
    const contentDir = copySite('touch');
    const memo = new CountingMemo<string>();
    const first = load(contentDir);
    const before = pageFingerprints(first, { codeVersion: VERSION, digest: siteDigest(first.site, VERSION), prints: memo });

    touchLater(join(contentDir, 'en/fs/permission.md'));
    const second = load(contentDir);
    const reused = pageFingerprints(second, { codeVersion: VERSION, digest: siteDigest(second.site, VERSION), prints: memo });
    expect(reused.entries.get('/en/permission/')).not.toBe(before.entries.get('/en/permission/'));
    expect(reused).toEqual(pageFingerprints(second, { codeVersion: VERSION, digest: siteDigest(second.site, VERSION) }));
  });

  it('reuses nothing once a title changed, and still gives what computing afresh gives', () => {
    const contentDir = copySite('title-edit');
    const memo = new CountingMemo<string>();
    const first = load(contentDir);
    const before = pageFingerprints(first, { codeVersion: VERSION, digest: siteDigest(first.site, VERSION), prints: memo });

    const file = join(contentDir, 'en/net/ssl-verify.md');
    writeFileSync(file, readFileSync(file, 'utf8').replace(/^title: .*$/m, 'title: "A title written again"'));
    const second = load(contentDir);
    expect(siteDigest(second.site, VERSION)).not.toBe(siteDigest(first.site, VERSION));
    memo.reset();
    const reused = pageFingerprints(second, { codeVersion: VERSION, digest: siteDigest(second.site, VERSION), prints: memo });
    expect(memo.hits).toBe(0);
    expect(reused).toEqual(pageFingerprints(second, { codeVersion: VERSION, digest: siteDigest(second.site, VERSION) }));
    // Every listing shows titles.
    expect([...reused.listings].filter(([path, print]) => before.listings.get(path) === print)).toEqual([]);
  });

  it('reuses nothing under another version of the code, entries nor the retrieval check', async () => {
    const data = load(copySite('code-edit'));
    const prints = new CountingMemo<string>();
    const findings = new CountingMemo<Awaited<ReturnType<typeof checkSite>>['diagnostics']>();
    const underOne = pageFingerprints(data, { codeVersion: 'one', digest: siteDigest(data.site, 'one'), prints });
    await checkSite(data, { digest: siteDigest(data.site, 'one'), findings });
    expect(prints.stored).toBe(underOne.entries.size);
    expect(findings.stored).toBe(1);
    prints.reset();
    findings.reset();

    const underTwo = pageFingerprints(data, { codeVersion: 'two', digest: siteDigest(data.site, 'two'), prints });
    await checkSite(data, { digest: siteDigest(data.site, 'two'), findings });
    expect(prints.hits).toBe(0);
    expect(prints.stored).toBe(underTwo.entries.size);
    expect(findings.hits).toBe(0);
    expect(findings.stored).toBe(1);
    expect(underTwo).toEqual(pageFingerprints(data, { codeVersion: 'two', digest: siteDigest(data.site, 'two') }));
    // Every entry's fingerprint holds the code version.
    expect([...underTwo.entries].filter(([path, print]) => underOne.entries.get(path) === print)).toEqual([]);
  });
});

describe('reusing the retrieval check', () => {
  it('reports the same findings without checking again, and still builds the signature indexes', async () => {
    const data = load(copySite('check'));
    const memo = new CountingMemo<Awaited<ReturnType<typeof checkSite>>['diagnostics']>();
    const reuse = { digest: siteDigest(data.site, VERSION), findings: memo };
    const fresh = await checkSite(data);
    const first = await checkSite(data, reuse);
    expect(memo.stored).toBe(1);
    const second = await checkSite(data, reuse);
    expect(memo.hits).toBe(1);
    expect(memo.stored).toBe(1);
    expect(second.diagnostics).toEqual(fresh.diagnostics);
    expect(first.diagnostics).toEqual(fresh.diagnostics);
    expect(second.indexes?.()).toEqual(fresh.indexes?.());
  });
});
