import type { BitbucketClient } from '@app/bitbucket';
import { bitbucketModelFixture, toolContextFixture } from '@app/testing';
import { MergePullRequestTool } from './merge-pull-request.tool';

const { pullRequest, user } = bitbucketModelFixture;
const args = { workspace: 'acme', repo: 'payments-api', pullRequestId: 8 };

function setup() {
  const mergePullRequest = jest.fn(async (..._args: Parameters<BitbucketClient['mergePullRequest']>) =>
    Promise.resolve(
      pullRequest({
        id: 8,
        state: 'MERGED',
        closedBy: user('alice'),
        mergeCommit: 'abcdef1234567890abcdef1234567890abcdef12',
      }),
    ),
  );
  return { tool: new MergePullRequestTool({ mergePullRequest } as unknown as BitbucketClient), mergePullRequest };
}

describe('merge_pull_request', () => {
  it('is destructive and takes confirm, the strategies of the gateway, a message and closeSourceBranch', () => {
    const { tool } = setup();
    const { input, hints } = tool.definition;
    expect(hints.destructiveHint).toBe(true);
    expect(input.safeParse({ ...args, strategy: 'rebase' }).success).toBe(false);
    for (const strategy of ['merge_commit', 'squash', 'fast_forward'])
      expect(input.safeParse({ ...args, strategy, confirm: true }).success).toBe(true);
  });

  it('passes the strategy, message and closeSourceBranch through (never a version: the gateway handles it)', async () => {
    const { tool, mergePullRequest } = setup();
    const context = toolContextFixture();
    await tool.run({ ...args, strategy: 'squash', message: 'Docs', closeSourceBranch: true, confirm: true }, context);
    expect(mergePullRequest.mock.calls[0]).toEqual([
      { workspace: 'acme', repo: 'payments-api' },
      { id: 8, strategy: 'squash', message: 'Docs', closeSourceBranch: true },
      { signal: context.signal },
    ]);
    await tool.run({ ...args, confirm: true }, context);
    expect(mergePullRequest.mock.calls[1]?.[1]).toEqual({ id: 8 });
  });

  it('returns the merged pull request with its merge commit', async () => {
    const { tool } = setup();
    const context = toolContextFixture();
    const view = await tool.run({ ...args, confirm: true }, context);
    expect(view).toMatchObject({
      state: 'MERGED',
      closedBy: 'alice',
      mergeCommit: 'abcdef1234567890abcdef1234567890abcdef12',
    });
    const text = tool.render(view, context);
    expect(text.split('\n')[0]).toBe('tools.PR_MERGED {"id":8}');
    expect(text).toContain('tools.PR_MERGE_COMMIT {"hash":"abcdef123456"}');
  });
});
