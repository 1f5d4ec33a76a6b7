import { BitbucketErrorCode } from '@app/bitbucket';
import { logSearch } from './log-search';

describe('logSearch', () => {
  const lines = ['alpha', 'Beta', 'gamma beta', 'delta'];
  const never = new AbortController().signal;

  it('finds plain text from a line on, ignoring case or not', async () => {
    expect(await logSearch.matches(lines, 0, { grep: 'beta', regex: false, ignoreCase: true }, never)).toEqual([1, 2]);
    expect(await logSearch.matches(lines, 2, { grep: 'beta', regex: false, ignoreCase: false }, never)).toEqual([2]);
    expect(await logSearch.matches(lines, 0, { grep: 'a.', regex: false, ignoreCase: true }, never)).toEqual([]);
  });

  it('runs a regular expression off the main thread', async () => {
    expect(
      await logSearch.matches(lines, 0, { grep: '^(alpha|delta)$', regex: true, ignoreCase: false }, never),
    ).toEqual([0, 3]);
  });

  it('stops a regular expression that backtracks for too long instead of blocking the server', async () => {
    const evil = [`${'a'.repeat(40)}!`];
    const started = Date.now();
    expect(
      await logSearch.matches(evil, 0, { grep: '^(a+)+$', regex: true, ignoreCase: false }, never),
    ).toBeUndefined();
    expect(Date.now() - started).toBeLessThan(logSearch.timeLimitSeconds * 1000 + 1500);
  });

  it('ends the search when the call is cancelled', async () => {
    const controller = new AbortController();
    const search = logSearch.matches(
      [`${'a'.repeat(40)}!`],
      0,
      { grep: '^(a+)+$', regex: true, ignoreCase: false },
      controller.signal,
    );
    setTimeout(() => {
      controller.abort();
    }, 50);
    await expect(search).rejects.toMatchObject({ code: BitbucketErrorCode.CANCELLED });
  });

  it('tells a valid pattern from an invalid one', () => {
    expect(logSearch.usable('(', false)).toBe(true);
    expect(logSearch.usable('(', true)).toBe(false);
    expect(logSearch.usable('err(or)?', true)).toBe(true);
  });
});
