import { describe, expect, it } from 'vitest';
import { isStale } from '../../src/lib/site/dev-reload.ts';

describe('isStale', () => {
  it('is true only when the server answers another load than the page was rendered from', () => {
    expect(isStale('3', '4')).toBe(true);
    expect(isStale('4', '4\n')).toBe(false);
    // A page of a build has no version; an empty answer is not a version.
    expect(isStale(undefined, '4')).toBe(false);
    expect(isStale('4', '')).toBe(false);
  });
});
