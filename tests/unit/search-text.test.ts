import { describe, expect, it } from 'vitest';
import { decodeEntities, excerptSegments } from '../../src/lib/search/excerpt.ts';
import { matchTier, normaliseErrorText, rankResults } from '../../src/lib/search/rank.ts';

describe('normaliseErrorText', () => {
  it('folds case, whitespace, curly quotes and surrounding backticks', () => {
    expect(normaliseErrorText(' `ModuleNotFoundError:  No module named ‘requests’` ')).toBe(
      "modulenotfounderror: no module named 'requests'",
    );
  });
});

describe('rankResults', () => {
  const pip = { id: 'pip', error: 'ERROR: Could not install packages due to an OSError: [Errno 13] Permission denied', errors: [] };
  const npm = { id: 'npm', error: 'npm ERR! code EACCES', errors: ['Error: EACCES: permission denied, mkdir'] };
  const ssl = { id: 'ssl', error: 'ssl.SSLCertVerificationError: [SSL: CERTIFICATE_VERIFY_FAILED]', errors: [] };

  it('puts the entry whose error is the query first', () => {
    expect(rankResults('npm ERR! code EACCES', [pip, ssl, npm]).map((r) => r.id)).toEqual(['npm', 'pip', 'ssl']);
  });

  it('matches the errors an entry also covers', () => {
    expect(matchTier('error: eacces: permission denied, mkdir', npm)).toBe(3);
  });

  it('prefers containment over Pagefind order, and keeps that order otherwise', () => {
    expect(rankResults('[Errno 13] Permission denied', [ssl, npm, pip]).map((r) => r.id)).toEqual(['pip', 'ssl', 'npm']);
    expect(rankResults('unrelated', [ssl, npm, pip]).map((r) => r.id)).toEqual(['ssl', 'npm', 'pip']);
  });

  it('does not promote on tiny overlaps', () => {
    expect(matchTier('ERR', npm)).toBe(0);
  });
});

describe('excerptSegments', () => {
  it('keeps marks as data and decodes entities to text', () => {
    expect(excerptSegments('run <mark>pip</mark> &lt;script&gt;alert(1)&lt;/script&gt; &amp; retry')).toEqual([
      { text: 'run ', marked: false },
      { text: 'pip', marked: true },
      { text: ' <script>alert(1)</script> & retry', marked: false },
    ]);
  });

  it('drops any other tag instead of rendering it', () => {
    expect(excerptSegments('<img src=x onerror=alert(1)>text')).toEqual([{ text: 'text', marked: false }]);
  });

  it('decodes numeric references and leaves unknown ones', () => {
    expect(decodeEntities('&#39;&#x27;&bogus;&#0;')).toBe("''&bogus;&#0;");
  });
});
