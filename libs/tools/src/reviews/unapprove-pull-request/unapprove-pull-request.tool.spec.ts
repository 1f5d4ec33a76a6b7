import type { BitbucketClient } from '@app/bitbucket';
import { toolContextFixture } from '@app/testing';
import { UnapprovePullRequestTool } from './unapprove-pull-request.tool';

const args = { workspace: 'acme', repo: 'payments-api', pullRequestId: 4 };

function setup() {
  const unapprovePullRequest = jest.fn(async (..._args: Parameters<BitbucketClient['unapprovePullRequest']>) =>
    Promise.resolve(),
  );
  return {
    tool: new UnapprovePullRequestTool({ unapprovePullRequest } as unknown as BitbucketClient),
    unapprovePullRequest,
  };
}

describe('unapprove_pull_request', () => {
  it('records the decision on the pull request through the gateway', async () => {
    const { tool, unapprovePullRequest } = setup();
    const context = toolContextFixture();
    const result = await tool.run(args, context);
    expect(unapprovePullRequest.mock.calls).toEqual([
      [{ workspace: 'acme', repo: 'payments-api' }, { id: 4 }, { signal: context.signal }],
    ]);
    expect(result).toEqual({ ...args, review: 'unapproved' });
    expect(tool.render(result, context)).toBe(
      'tools.REVIEW_UNAPPROVED {"id":4,"workspace":"acme","repo":"payments-api"}',
    );
  });

  it('is an idempotent write of the reviews toolset on one pull request', () => {
    const { tool } = setup();
    expect(tool.definition).toMatchObject({ name: 'unapprove_pull_request', toolset: 'reviews' });
    expect(tool.definition.hints).toMatchObject({ readOnlyHint: false, idempotentHint: true, destructiveHint: false });
    expect(tool.definition.input.safeParse({ ...args, pullRequestId: 0 }).success).toBe(false);
    expect(tool.definition.input.safeParse({ ...args, extra: true }).success).toBe(false);
  });
});
