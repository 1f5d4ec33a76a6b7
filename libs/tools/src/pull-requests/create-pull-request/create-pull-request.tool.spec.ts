import type { BitbucketClient } from '@app/bitbucket';
import { bitbucketModelFixture, toolContextFixture } from '@app/testing';
import { CreatePullRequestTool } from './create-pull-request.tool';

const { pullRequest } = bitbucketModelFixture;

function setup() {
  const created = pullRequest({ id: 9, draft: true, author: bitbucketModelFixture.user('alice') });
  const createPullRequest = jest.fn(async (..._args: Parameters<BitbucketClient['createPullRequest']>) =>
    Promise.resolve(created),
  );
  return { tool: new CreatePullRequestTool({ createPullRequest } as unknown as BitbucketClient), createPullRequest };
}

describe('create_pull_request', () => {
  it('passes every given field, and only those, to the gateway', async () => {
    const { tool, createPullRequest } = setup();
    const context = toolContextFixture();
    await tool.run(
      {
        workspace: 'acme',
        repo: 'payments-api',
        title: 'Integer amounts',
        description: 'Minor units.',
        sourceBranch: 'feature/float-amounts',
        destinationBranch: 'release',
        reviewers: ['bob', '{carol-uuid}'],
        draft: true,
        closeSourceBranch: true,
      },
      context,
    );
    expect(createPullRequest.mock.calls[0]).toEqual([
      { workspace: 'acme', repo: 'payments-api' },
      {
        title: 'Integer amounts',
        description: 'Minor units.',
        sourceBranch: 'feature/float-amounts',
        destinationBranch: 'release',
        reviewers: ['bob', '{carol-uuid}'],
        draft: true,
        closeSourceBranch: true,
      },
      { signal: context.signal },
    ]);
    await tool.run({ workspace: 'acme', repo: 'payments-api', title: 'T', sourceBranch: 'x' }, context);
    expect(createPullRequest.mock.calls[1]?.[1]).toEqual({ title: 'T', sourceBranch: 'x' });
  });

  it('returns the new pull request, introduced by a line naming its id', async () => {
    const { tool } = setup();
    const context = toolContextFixture();
    const view = await tool.run({ workspace: 'acme', repo: 'payments-api', title: 'T', sourceBranch: 'x' }, context);
    expect(view).toMatchObject({ id: 9, draft: true, author: { name: 'alice' } });
    const lines = tool.render(view, context).split('\n');
    expect(lines[0]).toBe('tools.PR_CREATED {"id":9}');
    expect(lines[1]).toContain('tools.PR_HEADER {"id":9,"state":"tools.PR_STATE_DRAFT {\\"state\\":\\"OPEN\\"}"');
  });

  it('is a write that is not idempotent, and requires a title and a source branch', () => {
    const { tool } = setup();
    expect(tool.definition.hints).toMatchObject({ readOnlyHint: false, idempotentHint: false, destructiveHint: false });
    expect(tool.definition.input.safeParse({ workspace: 'acme', repo: 'r', sourceBranch: 'x' }).success).toBe(false);
    expect(
      tool.definition.input.safeParse({ workspace: 'acme', repo: 'r', title: '', sourceBranch: 'x' }).success,
    ).toBe(false);
    expect(tool.definition.input.safeParse({ workspace: 'acme', repo: 'r', title: 'T' }).success).toBe(false);
  });
});
