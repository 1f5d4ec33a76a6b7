import { RequestContext } from '@app/common';
import { Logger } from '@nestjs/common';
import type { ArgumentCompleter } from './argument-completer';
import { ArgumentCompletions, COMPLETION_LIMIT } from './argument-completions.service';

describe('ArgumentCompletions', () => {
  const signal = new AbortController().signal;
  const asPrincipal = async <T>(principalId: string, fn: () => Promise<T>): Promise<T> =>
    RequestContext.run({ correlationId: 'c', principalId }, fn);

  beforeEach(() => {
    jest.spyOn(Logger.prototype, 'debug').mockImplementation(() => undefined);
  });

  it('answers at most the limit, with hasMore when the completer found more', async () => {
    const names = Array.from({ length: COMPLETION_LIMIT + 5 }, (_, i) => `repo-${i}`);
    const completions = new ArgumentCompletions();
    const result = await completions.complete('prompt p', 'repo', jest.fn().mockResolvedValue(names), '', {}, signal);
    expect(result.completion.values).toHaveLength(COMPLETION_LIMIT);
    expect(result.completion.hasMore).toBe(true);
    const few = await completions.complete(
      'prompt p',
      'repo',
      jest.fn().mockResolvedValue(names.slice(0, 3)),
      'x',
      {},
      signal,
    );
    expect(few.completion).toEqual({ values: ['repo-0', 'repo-1', 'repo-2'], hasMore: false });
  });

  it('reuses an answer for the same principal, argument, value and context, not for another principal', async () => {
    const completer = jest.fn<ReturnType<ArgumentCompleter>, Parameters<ArgumentCompleter>>().mockResolvedValue(['a']);
    const completions = new ArgumentCompletions();
    const ask = async (principal: string, context: Record<string, string>) =>
      asPrincipal(principal, async () => completions.complete('prompt p', 'repo', completer, 'a', context, signal));
    await ask('apikey:alice', { workspace: 'acme' });
    await ask('apikey:alice', { workspace: 'acme', repo: 'ignored: the argument itself' });
    expect(completer).toHaveBeenCalledTimes(1);
    await ask('apikey:bob', { workspace: 'acme' });
    await ask('apikey:alice', { workspace: 'other' });
    expect(completer).toHaveBeenCalledTimes(3);
    expect(completer).toHaveBeenLastCalledWith('a', { workspace: 'other' }, signal);
  });

  it('answers an empty list when the completer fails, and asks again next time', async () => {
    const completer = jest
      .fn<ReturnType<ArgumentCompleter>, Parameters<ArgumentCompleter>>()
      .mockRejectedValueOnce(new Error('Bitbucket is down'))
      .mockResolvedValueOnce(['acme']);
    const completions = new ArgumentCompletions();
    expect((await completions.complete('prompt p', 'workspace', completer, '', {}, signal)).completion).toEqual({
      values: [],
      hasMore: false,
    });
    expect((await completions.complete('prompt p', 'workspace', completer, '', {}, signal)).completion.values).toEqual([
      'acme',
    ]);
  });

  it('answers an empty list for an argument without a completer', async () => {
    const completions = new ArgumentCompletions();
    expect((await completions.complete('prompt p', 'path', undefined, 'src', {}, signal)).completion).toEqual({
      values: [],
      hasMore: false,
    });
  });
});
