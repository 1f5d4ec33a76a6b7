import type { BitbucketClient } from '@app/bitbucket';
import { toolContextFixture } from '@app/testing';
import { ApprovePullRequestTool } from './approve-pull-request.tool';

const args = { workspace: 'acme', repo: 'payments-api', pullRequestId: 4 };

function setup() {
  const approvePullRequest = jest.fn(async (..._args: Parameters<BitbucketClient['approvePullRequest']>) =>
    Promise.resolve(),
  );
  return { tool: new ApprovePullRequestTool({ approvePullRequest } as unknown as BitbucketClient), approvePullRequest };
}

describe('approve_pull_request', () => {
  it('records the decision on the pull request through the gateway', async () => {
    const { tool, approvePullRequest } = setup();
    const context = toolContextFixture();
    const result = await tool.run(args, context);
    expect(approvePullRequest.mock.calls).toEqual([
      [{ workspace: 'acme', repo: 'payments-api' }, { id: 4 }, { signal: context.signal }],
    ]);
    expect(result).toEqual({ ...args, review: 'approved' });
    expect(tool.render(result, context)).toBe(
      'tools.REVIEW_APPROVED {"id":4,"workspace":"acme","repo":"payments-api"}',
    );
  });

  it('is an idempotent write of the reviews toolset on one pull request', () => {
    const { tool } = setup();
    expect(tool.definition).toMatchObject({ name: 'approve_pull_request', toolset: 'reviews' });
    expect(tool.definition.hints).toMatchObject({ readOnlyHint: false, idempotentHint: true, destructiveHint: false });
    expect(tool.definition.input.safeParse({ ...args, pullRequestId: 0 }).success).toBe(false);
    expect(tool.definition.input.safeParse({ ...args, extra: true }).success).toBe(false);
  });
});
