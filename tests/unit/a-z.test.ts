import { describe, expect, it } from 'vitest';
import { azGroups, azLetter, sortKey } from '../../src/lib/site/a-z.ts';

describe('the A–Z list', () => {
  it('sorts and files messages without their leading quotes and brackets', () => {
    expect(sortKey("'npm' is not recognized")).toBe("npm' is not recognized");
    expect(azLetter('[Errno 13] Permission denied')).toBe('E');
    expect(azLetter('0x80070005')).toBe('0–9');
    expect(azLetter('권한이 없습니다')).toBe('#');
    expect(azLetter('écrire')).toBe('#');
  });

  it('groups digits first, then letters, then everything else, each sorted naturally', () => {
    const item = (message: string, isAlias = false) => ({ message, isAlias, target: message });
    const groups = azGroups(
      [item('error 10'), item('Error 9'), item('[SSL] failed'), item('sqlite3: database is locked'), item('0x80070005'), item('接続できません'), item('ssl failed', true)],
      'en',
    );
    expect(groups.map((group) => [group.letter, group.items.map((entry) => entry.message)])).toEqual([
      ['0–9', ['0x80070005']],
      ['E', ['Error 9', 'error 10']],
      ['S', ['sqlite3: database is locked', 'ssl failed', '[SSL] failed']],
      ['#', ['接続できません']],
    ]);
  });
});
