import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { BackgroundWrites } from '../../src/lib/build/background-writes.ts';

const dirs: string[] = [];
function folder(): string {
  const dir = mkdtempSync(join(tmpdir(), 'background-writes-'));
  dirs.push(dir);
  return dir;
}
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

describe('BackgroundWrites', () => {
  it('has written every file, in its folder, once flush settles', async () => {
    const dir = folder();
    const writes = new BackgroundWrites();
    // More than one batch, text and bytes.
    for (let i = 0; i < 450; i++) writes.write(join(dir, `old-${i}`, 'index.html'), `<p>page ${i}</p>`);
    writes.write(join(dir, 'a/b/c.bin'), new Uint8Array([1, 2, 3]));
    await writes.flush();
    expect(readFileSync(join(dir, 'old-0/index.html'), 'utf8')).toBe('<p>page 0</p>');
    expect(readFileSync(join(dir, 'old-449/index.html'), 'utf8')).toBe('<p>page 449</p>');
    expect([...readFileSync(join(dir, 'a/b/c.bin'))]).toEqual([1, 2, 3]);
    expect(() => writes.write(join(dir, 'late.html'), 'x')).toThrow(/after its flush/);
  });

  it('rejects the flush with the first failure', async () => {
    const dir = folder();
    writeFileSync(join(dir, 'taken'), 'a file, not a folder');
    const writes = new BackgroundWrites();
    writes.write(join(dir, 'taken/index.html'), 'x');
    writes.write(join(dir, 'fine/index.html'), 'x');
    await expect(writes.flush()).rejects.toThrow(/taken/);
  });
});
