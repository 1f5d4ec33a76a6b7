import type { BitbucketClient } from '@app/bitbucket';
import { toolContextFixture } from '@app/testing';
import { RequestChangesTool } from './request-changes.tool';

const args = { workspace: 'acme', repo: 'payments-api', pullRequestId: 4 };

function setup() {
  const requestChanges = jest.fn(async (..._args: Parameters<BitbucketClient['requestChanges']>) => Promise.resolve());
  return { tool: new RequestChangesTool({ requestChanges } as unknown as BitbucketClient), requestChanges };
}

describe('request_changes', () => {
  it('records the decision on the pull request through the gateway', async () => {
    const { tool, requestChanges } = setup();
    const context = toolContextFixture();
    const result = await tool.run(args, context);
    expect(requestChanges.mock.calls).toEqual([
      [{ workspace: 'acme', repo: 'payments-api' }, { id: 4 }, { signal: context.signal }],
    ]);
    expect(result).toEqual({ ...args, review: 'changes_requested' });
    expect(tool.render(result, context)).toBe(
      'tools.REVIEW_CHANGES_REQUESTED {"id":4,"workspace":"acme","repo":"payments-api"}',
    );
  });

  it('is an idempotent write of the reviews toolset on one pull request', () => {
    const { tool } = setup();
    expect(tool.definition).toMatchObject({ name: 'request_changes', toolset: 'reviews' });
    expect(tool.definition.hints).toMatchObject({ readOnlyHint: false, idempotentHint: true, destructiveHint: false });
    expect(tool.definition.input.safeParse({ ...args, pullRequestId: 0 }).success).toBe(false);
    expect(tool.definition.input.safeParse({ ...args, extra: true }).success).toBe(false);
  });
});
