import type { BitbucketClient } from '@app/bitbucket';
import { TOOL_HINTS } from '@app/mcp';
import { toolContextFixture } from '@app/testing';
import { CreateTagTool } from './create-tag.tool';

const HASH = '0217274cc9a7f3c1b2e4d5a6978812345678abcd';

describe('CreateTagTool', () => {
  const createTag = jest.fn() as jest.MockedFunction<BitbucketClient['createTag']>;
  const tool = new CreateTagTool({ createTag } as unknown as BitbucketClient);

  beforeEach(() => createTag.mockReset());

  it('is a write that is not idempotent', () => {
    expect(tool.definition.hints).toBe(TOOL_HINTS.write);
  });

  it('writes an annotated tag when given a message', async () => {
    createTag.mockResolvedValue({ name: 'v1.0.0', type: 'tag', commit: HASH, message: 'GA' });
    const context = toolContextFixture();
    const args = tool.definition.input.parse({
      workspace: 'acme',
      repo: 'payments-api',
      name: 'v1.0.0',
      target: 'feature/refunds',
      message: 'GA',
    });
    const tag = await tool.run(args, context);
    expect(createTag).toHaveBeenCalledWith(
      { workspace: 'acme', repo: 'payments-api' },
      { name: 'v1.0.0', target: 'feature/refunds', message: 'GA' },
      { signal: context.signal },
    );
    expect(tag).toEqual({ name: 'v1.0.0', commit: HASH, message: 'GA' });
    expect(tool.render(tag, context)).toBe('tools.TAG_CREATED {"name":"v1.0.0","commit":"0217274cc9a7"}');
  });

  it('asks for a lightweight tag without a message', async () => {
    createTag.mockResolvedValue({ name: 'nightly', type: 'tag', commit: HASH });
    const context = toolContextFixture();
    await tool.run(
      tool.definition.input.parse({ workspace: 'acme', repo: 'payments-api', name: 'nightly', target: HASH }),
      context,
    );
    expect(createTag).toHaveBeenCalledWith(
      { workspace: 'acme', repo: 'payments-api' },
      { name: 'nightly', target: HASH },
      { signal: context.signal },
    );
  });
});
