import type { BitbucketClient } from '@app/bitbucket';
import { bitbucketModelFixture, toolContextFixture } from '@app/testing';
import { UpdatePullRequestTool } from './update-pull-request.tool';

const args = { workspace: 'acme', repo: 'payments-api', pullRequestId: 5 };

function setup() {
  const updatePullRequest = jest.fn(async (..._args: Parameters<BitbucketClient['updatePullRequest']>) =>
    Promise.resolve(bitbucketModelFixture.pullRequest({ id: 5, title: 'Idempotency keys' })),
  );
  return { tool: new UpdatePullRequestTool({ updatePullRequest } as unknown as BitbucketClient), updatePullRequest };
}

describe('update_pull_request', () => {
  it('sends only the fields to change; reviewers replace the list, [] included', async () => {
    const { tool, updatePullRequest } = setup();
    const context = toolContextFixture();
    await tool.run({ ...args, title: 'Idempotency keys', draft: false, reviewers: [] }, context);
    expect(updatePullRequest.mock.calls[0]).toEqual([
      { workspace: 'acme', repo: 'payments-api' },
      { id: 5, title: 'Idempotency keys', draft: false, reviewers: [] },
      { signal: context.signal },
    ]);
    await tool.run({ ...args, description: 'New', destinationBranch: 'release' }, context);
    expect(updatePullRequest.mock.calls[1]?.[1]).toEqual({ id: 5, description: 'New', destinationBranch: 'release' });
  });

  it('refuses an update that changes nothing, without calling Bitbucket', async () => {
    const { tool, updatePullRequest } = setup();
    await expect(tool.run(args, toolContextFixture())).rejects.toMatchObject({
      code: 'TOOL_INVALID_ARGUMENTS',
      params: {
        name: 'update_pull_request',
        details: 'tools.PR_NOTHING_TO_UPDATE {"fields":"title, description, destinationBranch, reviewers, draft"}',
      },
    });
    expect(updatePullRequest.mock.calls).toHaveLength(0);
  });

  it('returns the updated pull request after a line saying so; setting the same fields twice is idempotent', async () => {
    const { tool } = setup();
    const context = toolContextFixture();
    const text = tool.render(await tool.run({ ...args, title: 'Idempotency keys' }, context), context);
    expect(text.split('\n')[0]).toBe('tools.PR_UPDATED {"id":5}');
    expect(tool.definition.hints.idempotentHint).toBe(true);
  });
});
