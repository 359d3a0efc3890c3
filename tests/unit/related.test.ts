import { describe, expect, it } from 'vitest';
import { errorTokens, relatedEntries, type RelatedInput } from '../../src/lib/site/related.ts';

describe('errorTokens', () => {
  it('keeps identifiers whole and drops short and common words', () => {
    expect(errorTokens("ssl.SSLCertVerificationError: [SSL: CERTIFICATE_VERIFY_FAILED] certificate verify failed (_ssl.c:1006)")).toEqual([
      'ssl',
      'sslcertverificationerror',
      'certificate_verify_failed',
      'certificate',
      'verify',
      '_ssl',
      '1006',
    ]);
    expect(errorTokens('[WinError 5] Access is denied')).toEqual(['winerror', '5', 'access', 'denied']);
  });
});

describe('relatedEntries', () => {
  const entry = (pagename: string, category: string | undefined, ...messages: string[]): RelatedInput => ({ pagename, category, messages });
  const catalog = [
    entry('ssl-python', 'python', '[SSL: CERTIFICATE_VERIFY_FAILED] certificate verify failed'),
    entry('ssl-curl', 'curl', 'curl: (60) SSL certificate problem: unable to get local issuer certificate', 'CERTIFICATE_VERIFY_FAILED'),
    entry('module', 'python', "ModuleNotFoundError: No module named 'requests'"),
    entry('recursion', 'python', 'RecursionError: maximum recursion depth exceeded'),
    entry('unicode', 'python', "UnicodeDecodeError: 'utf-8' codec can't decode byte"),
    entry('eacces', 'node', 'npm ERR! Error: EACCES: permission denied'),
    entry('port', 'node', 'Error: listen EADDRINUSE: address already in use'),
    entry('docker', 'docker', 'Got permission denied while trying to connect to the Docker daemon socket'),
  ];
  const options = { limit: 3, maxShare: 0.5 };

  it('ranks entries sharing distinctive words first, across categories', () => {
    expect(relatedEntries(catalog, options).get('ssl-python')?.[0]).toBe('ssl-curl');
    expect(relatedEntries(catalog, options).get('eacces')?.[0]).toBe('docker');
  });

  it('fills the list with the entry\'s category neighbours, never itself, never more than the limit', () => {
    const related = relatedEntries(catalog, options);
    for (const { pagename } of catalog) {
      const list = related.get(pagename) ?? [];
      expect(list).not.toContain(pagename);
      expect(list.length).toBeLessThanOrEqual(3);
      expect(new Set(list).size).toBe(list.length);
    }
    expect(related.get('module')).toEqual(['recursion', 'ssl-python', 'unicode']);
  });

  it('ignores words that most entries share', () => {
    const many = Array.from({ length: 20 }, (_, index) => entry(`e${index}`, `c${index}`, `Error ${index}: permission denied`));
    const related = relatedEntries(many, { limit: 5, maxShare: 0.15 });
    expect(related.get('e0')).toEqual([]);
  });
});
