import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { handoff, isMultiLinePaste } from '../../src/lib/search/paste-handoff.ts';
import { indexFiles, fileStore } from '../../src/lib/search/index-files.ts';
import { matchPaste, memoryStore } from '../../src/lib/search/match-paste.ts';
import { highlightTokens } from '../../src/lib/search/result-views.ts';
import { planSearch, URL_QUERY_LIMIT } from '../../src/lib/search/search-plan.ts';
import { buildSignatureIndex, tokenShard, type SignatureInput } from '../../src/lib/search/signature-index.ts';

const paste = (name: string) => readFileSync(join(import.meta.dirname, '../fixtures/pastes', name), 'utf8');

const records: SignatureInput[] = [
  { url: '/en/ssl/', title: 'SSL', sourceLang: 'en', signatures: ['ssl.SSLCertVerificationError: [SSL: CERTIFICATE_VERIFY_FAILED] certificate verify failed: self-signed certificate in certificate chain (_ssl.c:1006)', 'urllib.error.URLError: <urlopen error [SSL: CERTIFICATE_VERIFY_FAILED] certificate verify failed (_ssl.c:726)>'] },
  { url: '/en/curl-60/', title: 'curl 60', sourceLang: 'en', signatures: ['curl: (60) SSL certificate problem: unable to get local issuer certificate'] },
  { url: '/en/module/', title: 'Module', sourceLang: 'en', signatures: ["ModuleNotFoundError: No module named 'requests'", 'ImportError: No module named requests'] },
  { url: '/en/pg/', title: 'Postgres', sourceLang: 'en', signatures: ['psql: error: connection to server at "localhost" (::1), port 5432 failed: Connection refused', 'org.postgresql.util.PSQLException: Connection to localhost:5432 refused. Check that the hostname and port are correct and that the postmaster is accepting TCP/IP connections.'] },
  { url: '/en/eaddrinuse/', title: 'EADDRINUSE', sourceLang: 'en', signatures: ['Error: listen EADDRINUSE: address already in use :::3000'] },
  { url: '/en/sqlite/', title: 'SQLite', sourceLang: 'en', signatures: ['sqlite3.OperationalError: database is locked'] },
  { url: '/en/push/', title: 'Push', sourceLang: 'en', signatures: ['! [rejected] main -> main (non-fast-forward)', "error: failed to push some refs to 'github.com:x/y.git'"] },
  { url: '/en/access/', title: 'Access', sourceLang: 'en', signatures: ['System.UnauthorizedAccessException: Access to the path is denied.'] },
];
const index = buildSignatureIndex(records, 3);
const store = memoryStore(index);
const firstUrl = async (text: string) => (await matchPaste(text, store)).matches[0]?.record.url;

describe('matchPaste', () => {
  it.each([
    ['python3-chained.txt', '/en/ssl/'],
    ['python2.txt', '/en/module/'],
    ['java-caused-by.txt', '/en/pg/'],
    ['node-stack.txt', '/en/eaddrinuse/'],
    ['dotnet-inner.txt', '/en/access/'],
    ['log-lines.txt', '/en/sqlite/'],
    ['prompt.txt', '/en/push/'],
  ])('finds the entry for %s first', async (name, url) => {
    expect(await firstUrl(paste(name))).toBe(url);
  });

  it('finds an entry whose signature shares only some tokens with the paste (OR retrieval)', async () => {
    expect(await firstUrl("ModuleNotFoundError: No module named 'numpy'")).toBe('/en/module/');
  });

  it('scores an exact signature 1 (a few hundredths more for its word order) and says which paste line matched, with shared tokens', async () => {
    const { matches } = await matchPaste('noise line\nsqlite3.OperationalError: database is locked', store);
    // Norms are stored to two decimals.
    expect(matches[0]?.score).toBeGreaterThanOrEqual(0.99);
    expect(matches[0]?.score).toBeLessThan(1.05);
    expect(matches[0]?.line.index).toBe(1);
    expect(matches[0]?.sharedTokens).toEqual(['sqlite3.operationalerror', 'sqlite3', 'operationalerror', 'database', 'is', 'locked']);
  });

  it('finds nothing for text without indexed tokens', async () => {
    expect((await matchPaste('zzz qqq', store)).matches).toEqual([]);
    expect((await matchPaste('', store)).matches).toEqual([]);
  });

  it('reads the same results through the file layout as from memory', async () => {
    const files = indexFiles(index);
    const viaFiles = fileStore(async (path) => files.get(path));
    const text = paste('java-caused-by.txt');
    expect((await matchPaste(text, viaFiles)).matches).toEqual((await matchPaste(text, store)).matches);
  });
});

describe('buildSignatureIndex', () => {
  it('shards postings by token hash and chunks records', () => {
    expect(index.meta.docs).toBe(records.length);
    expect(index.chunks.get(0)?.length).toBe(3);
    const shard = index.shards.get(tokenShard('certificate_verify_failed', index.meta.shards));
    expect(shard?.['certificate_verify_failed']?.[0]).toBe(1);
  });

  it('leaves out tokens most entries share, keeping their counts', () => {
    const many = Array.from({ length: 200 }, (_, i) => ({ url: `/e${i}/`, title: `${i}`, sourceLang: 'en', signatures: [`Error: thing${i} failed`] }));
    const big = buildSignatureIndex(many);
    expect(big.meta.common['failed']).toBe(200);
    expect(Object.keys(big.meta.common)).not.toContain('thing7');
  });
});

describe('planSearch', () => {
  it('types short single lines and pastes the rest', () => {
    expect(planSearch('database is locked').mode).toBe('typing');
    expect(planSearch(paste('python2.txt')).mode).toBe('paste');
  });

  it('shares long pastes in normalised form, within the URL limit', () => {
    const long = `${'noise line\n'.repeat(400)}sqlite3.OperationalError: database is locked`;
    const plan = planSearch(long);
    expect(plan.shareableIsNormalised).toBe(true);
    expect(plan.shareable).toBe('sqlite3.OperationalError: database is locked');
    expect(planSearch('x\n'.repeat(10)).shareable.length).toBeLessThanOrEqual(URL_QUERY_LIMIT);
  });
});

describe('handoff of a header paste', () => {
  it('sends short pastes in the URL and long ones through storage', () => {
    expect(handoff('/en/search/', 'a\nb')).toEqual({ url: '/en/search/?q=a%0Ab', stored: undefined });
    const long = 'x\n'.repeat(1500);
    expect(handoff('/en/search/', long)).toEqual({ url: '/en/search/#paste', stored: long });
    expect(isMultiLinePaste('one line\n')).toBe(false);
    expect(isMultiLinePaste('one\ntwo')).toBe(true);
  });
});

describe('highlightTokens', () => {
  it('marks whole tokens only, case-insensitively', () => {
    expect(highlightTokens('Module modules MODULE', ['module'])).toEqual([
      { text: 'Module', marked: true },
      { text: ' modules ', marked: false },
      { text: 'MODULE', marked: true },
    ]);
  });
});
