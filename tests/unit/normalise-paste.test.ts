import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { maskVariableParts } from '../../src/lib/search/mask.ts';
import { extractErrorLines, isPaste, LIMITS, normalisedSummary } from '../../src/lib/search/normalise-paste.ts';
import { errorTokens } from '../../src/lib/search/tokens.ts';
import { megabytePaste, PATHOLOGICAL_PASTES, randomPastes } from '../fixtures/pastes/hostile-pastes.ts';

const paste = (name: string) => readFileSync(join(import.meta.dirname, '../fixtures/pastes', name), 'utf8');
const primaryLines = (text: string) => extractErrorLines(text).filter((line) => line.primary).map((line) => line.masked);

describe('maskVariableParts', () => {
  it.each([
    ['certificate verify failed (_ssl.c:726)', 'certificate verify failed (_ssl.c:<n>)'],
    ['File "/home/cvizcarra/dev/x.py", line 308, in register', 'File "<v>", line <n>, in register'],
    ["Permission denied: 'C:\\Users\\kim\\a b\\c.txt'", "Permission denied: '<v>'"],
    ['open /Users/ana/proj/config.yml: no such file', 'open <path>: no such file'],
    ['Connection to 10.0.3.7:5433 refused', 'Connection to <ip> refused'],
    ['listen EADDRINUSE: address already in use :::8081', 'listen EADDRINUSE: address already in use <ip>'],
    ['PublishedFile x (id: 114715) was created', 'PublishedFile x (id: <n>) was created'],
    ['at 2026-03-02 14:11:09,312 took 250ms', 'at <date> took <duration>'],
    ['req 3f2504e0-4f89-11d3-9a0c-0305e82c3301 from https://api.example.com/v1?x=1', 'req <uuid> from <url>'],
    ['segfault at 0x7ffd5e8c1a20, code 0x80070005', 'segfault at <hex>, code 0x80070005'],
    ['commit 9fceb02d0ae598e95dc970b74767f19372d61af8 failed', 'commit <hash> failed'],
    ['requires torch==1.13.1 (from versions: 2.2.0)', 'requires torch==<version> (from versions: <version>)'],
    ["No module named 'requests'", "No module named '<v>'"],
    ["can't decode byte 0xff in position 12", "can't decode byte <hex> in position <n>"],
    ["code: 'ERR_MODULE_NOT_FOUND'", "code: 'ERR_MODULE_NOT_FOUND'"],
    ['mail kim@example.org now', 'mail <email> now'],
  ])('%s', (line, masked) => {
    expect(maskVariableParts(line)).toBe(masked);
  });
});

describe('errorTokens', () => {
  it('keeps identifiers whole and adds their parts, skipping placeholders', () => {
    expect(errorTokens('ssl.SSLCertVerificationError: [SSL: CERTIFICATE_VERIFY_FAILED] (_ssl.c:<n>) at <path>')).toEqual([
      'ssl.sslcertverificationerror',
      'ssl',
      'sslcertverificationerror',
      'certificate_verify_failed',
      '_ssl.c',
      '_ssl',
      'at',
    ]);
  });

  it('keeps numbers, which may be error codes', () => {
    expect(errorTokens('[WinError 5] Access is denied')).toEqual(['winerror', '5', 'access', 'is', 'denied']);
  });
});

describe('extractErrorLines', () => {
  it.each([
    ['python3-chained.txt', [
      'ssl.SSLCertVerificationError: [SSL: CERTIFICATE_VERIFY_FAILED] certificate verify failed: unable to get local issuer certificate (_ssl.c:<n>)',
      'urllib.error.URLError: <urlopen error [SSL: CERTIFICATE_VERIFY_FAILED] certificate verify failed: unable to get local issuer certificate (_ssl.c:<n>)>',
    ]],
    ['python2.txt', ['ImportError: No module named yaml']],
    ['java-caused-by.txt', [
      'java.lang.RuntimeException: Failed to start',
      'org.postgresql.util.PSQLException: Connection to <ip> refused. Check that the hostname and port are correct and that the postmaster is accepting TCP/IP connections.',
    ]],
    ['dotnet-inner.txt', [
      "System.IO.IOException: The process cannot access the file '<v>' because it is being used by another process.",
      "System.UnauthorizedAccessException: Access to the path '<v>' is denied.",
    ]],
    ['go-panic.txt', ['runtime error: index out of range [5] with length 3']],
    ['log-lines.txt', ['sqlite3.OperationalError: database is locked']],
    ['prompt.txt', ['! [rejected] main -> main (fetch first)', "error: failed to push some refs to '<v>'"]],
  ])('%s keeps the error and its causes, drops frames, prompts and noise', (name, expected) => {
    expect(primaryLines(paste(name))).toEqual(expected);
  });

  it('finds the Node error among its frames and the thrown source line', () => {
    const lines = extractErrorLines(paste('node-stack.txt'));
    expect(lines.map((line) => line.masked)).toContain('Error: listen EADDRINUSE: address already in use <ip>');
    expect(lines.some((line) => line.text.startsWith('at '))).toBe(false);
  });

  it('strips log timestamps and levels but keeps the source module', () => {
    expect(extractErrorLines('2026-03-02 14:11:09,312 ERROR tank.publish: upload failed')[0]?.masked).toBe('tank.publish: upload failed');
    expect(extractErrorLines('[ERROR publish_creation] <urlopen error timed out>')[0]?.masked).toBe('<urlopen error timed out>');
  });

  it('remembers which line of the paste each error came from', () => {
    expect(extractErrorLines(paste('python2.txt')).map((line) => line.index)).toEqual([3]);
  });

  it('summarises the primary lines', () => {
    expect(normalisedSummary(extractErrorLines(paste('go-panic.txt')))).toBe('runtime error: index out of range [5] with length 3');
  });
});

describe('isPaste', () => {
  it('treats several lines or a long line as a paste', () => {
    expect(isPaste('ModuleNotFoundError: x')).toBe(false);
    expect(isPaste('a\nb')).toBe(true);
    expect(isPaste('x'.repeat(200))).toBe(true);
    expect(isPaste('one line\n\n   ')).toBe(false);
  });
});

describe('robustness', () => {
  /**
   * Characters the normaliser may read per character it keeps of a paste (`LIMITS` keeps the
   * head and tail): every line meets a fixed number of patterns — noise, log prefixes three
   * times over, masking rules — so the work is linear in what is kept, and a megabyte costs no
   * more than its head and tail (the inputs below read at most 90 per character). Real timings
   * are in `bench/normalise-paste.ts`.
   */
  const PER_CHARACTER = 120;
  const kept = (text: string) => Math.min(text.length, LIMITS.headChars + LIMITS.tailChars + 1) + 1;
  const workFor = (text: string) => {
    const work = { characters: 0 };
    const lines = extractErrorLines(text, work);
    return { lines, characters: work.characters };
  };

  it('counts the characters it reads', () => {
    const traceback = paste('python3-chained.txt');
    const { characters } = workFor(traceback);
    expect(characters).toBeGreaterThan(traceback.length);
    expect(characters).toBeLessThanOrEqual(PER_CHARACTER * kept(traceback));
    // A paste twice as long is read twice over, no more.
    expect(workFor(`${traceback}\n${traceback}`).characters).toBeLessThanOrEqual(2 * characters + PER_CHARACTER);
  });

  it('never throws on random text, binary bytes, or pathological lines, and reads each a bounded number of times', () => {
    for (const text of [...randomPastes(), ...PATHOLOGICAL_PASTES]) {
      let result: ReturnType<typeof workFor> | undefined;
      expect(() => (result = workFor(text))).not.toThrow();
      expect(result?.characters, JSON.stringify(text.slice(0, 40))).toBeLessThanOrEqual(PER_CHARACTER * kept(text));
    }
  });

  it('bounds a megabyte of binary-looking text: its lines, and its work, to those of its head and tail', () => {
    const bytes = megabytePaste();
    const { lines, characters } = workFor(bytes);
    expect(lines.length).toBeLessThanOrEqual(LIMITS.maxErrorLines);
    for (const line of lines) expect(line.text.length).toBeLessThanOrEqual(LIMITS.lineChars);
    expect(characters).toBeLessThanOrEqual(PER_CHARACTER * (64_000 + 2));
  });
});
