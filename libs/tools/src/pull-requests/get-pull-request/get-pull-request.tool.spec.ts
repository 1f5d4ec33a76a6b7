import type { BbPullRequest, BitbucketClient } from '@app/bitbucket';
import { bitbucketModelFixture, toolContextFixture } from '@app/testing';
import { GetPullRequestTool } from './get-pull-request.tool';

const { pullRequest, user } = bitbucketModelFixture;
const args = { workspace: 'acme', repo: 'payments-api', pullRequestId: 3 };

function setup(pr: BbPullRequest) {
  const getPullRequest = jest.fn(async (..._args: Parameters<BitbucketClient['getPullRequest']>) =>
    Promise.resolve(pr),
  );
  return { tool: new GetPullRequestTool({ getPullRequest } as unknown as BitbucketClient), getPullRequest };
}

describe('get_pull_request', () => {
  it('asks the gateway for the pull request by number', async () => {
    const { tool, getPullRequest } = setup(pullRequest());
    const context = toolContextFixture();
    await tool.run(args, context);
    expect(getPullRequest.mock.calls[0]).toEqual([
      { workspace: 'acme', repo: 'payments-api' },
      { id: 3 },
      { signal: context.signal },
    ]);
  });

  it('projects branches, commits, reviewers, counts and the description, never raw links', async () => {
    const { tool } = setup(pullRequest());
    const view = await tool.run(args, toolContextFixture());
    expect(view).toEqual({
      id: 3,
      title: 'Add refund endpoint',
      state: 'OPEN',
      draft: false,
      author: { id: '{carol-uuid}', name: 'carol', displayName: 'Carol Dubois' },
      source: { branch: 'feature/refunds', commit: '0217274cc9a7f3e1d2c4b5a6978812345678abcd' },
      destination: { branch: 'main', commit: 'd93c76fb2128aa11bb22cc33dd44ee55ff667788' },
      reviewers: [
        { name: 'alice', displayName: 'Alice Martin', role: 'reviewer', status: 'approved' },
        { name: 'bob', displayName: 'Bob Chen', role: 'reviewer', status: 'none' },
      ],
      createdOn: '2026-03-09T07:30:00.000Z',
      updatedOn: '2026-03-11T06:00:00.000Z',
      commentCount: 5,
      openTaskCount: 1,
      url: 'https://bitbucket.example/acme/payments-api/pull-requests/3',
      description: 'Partial and full refunds of captured payments.',
    });
  });

  it('renders a header, the branches with short hashes, reviewers, participants, counts, then the description', async () => {
    const { tool } = setup(
      pullRequest({
        reviewers: [
          { user: user('alice'), role: 'reviewer', status: 'approved' },
          { user: user('dave'), role: 'participant', status: 'changes_requested' },
        ],
      }),
    );
    const context = toolContextFixture();
    const lines = tool.render(await tool.run(args, context), context).split('\n');
    expect(lines).toEqual([
      'tools.PR_HEADER {"id":3,"state":"OPEN","title":"Add refund endpoint","author":"Carol Dubois (carol)"}',
      'feature/refunds@0217274cc9a7 → main@d93c76fb2128',
      'tools.PR_REVIEWERS {"list":"Alice Martin (alice) tools.PR_STATUS_APPROVED"}',
      'tools.PR_PARTICIPANTS {"list":"Dave Okafor (dave) tools.PR_STATUS_CHANGES_REQUESTED"}',
      'tools.PR_COMMENT_COUNT {"count":5}, tools.PR_TASK_COUNT {"count":1}, tools.PR_CREATED_ON {"date":"2026-03-09"}, tools.PR_UPDATED_ON {"date":"2026-03-11"}',
      'https://bitbucket.example/acme/payments-api/pull-requests/3',
      '',
      'Partial and full refunds of captured payments.',
    ]);
  });

  it('says who merged it, when, with which commit; and shows a fork source as repository:branch', async () => {
    const { tool } = setup(
      pullRequest({
        state: 'MERGED',
        closedBy: user('alice'),
        closedOn: '2026-03-12T10:00:00.000Z',
        mergeCommit: '6bd5ae248404aaaabbbbccccddddeeeeffff0000',
        sourceRepository: 'bob/payments-api',
        description: '',
      }),
    );
    const context = toolContextFixture();
    const view = await tool.run(args, context);
    expect(view).toMatchObject({ closedBy: 'alice', mergeCommit: '6bd5ae248404aaaabbbbccccddddeeeeffff0000' });
    const text = tool.render(view, context);
    expect(text).toContain('bob/payments-api:feature/refunds@0217274cc9a7 → main@d93c76fb2128');
    expect(text).toContain(
      'tools.PR_CLOSED {"state":"MERGED","date":"2026-03-12","by":"alice"}, tools.PR_MERGE_COMMIT {"hash":"6bd5ae248404"}',
    );
    expect(text.endsWith('\n\ntools.PR_NO_DESCRIPTION')).toBe(true);
  });

  it('says when it was closed even when Bitbucket does not say by whom (Data Center)', async () => {
    const { tool } = setup(pullRequest({ state: 'DECLINED', closedOn: '2026-03-12T10:00:00.000Z' }));
    const context = toolContextFixture();
    const view = await tool.run(args, context);
    expect(view.closedBy).toBeUndefined();
    expect(tool.render(view, context).split('\n')).toContain(
      'tools.PR_CLOSED_ON {"state":"DECLINED","date":"2026-03-12"}',
    );
  });

  it('cuts a long description to the budget and continues it from descriptionFromLine', async () => {
    const description = Array.from({ length: 400 }, (_, i) => `Line ${i + 1} of a very long description.`).join('\n');
    const { tool } = setup(pullRequest({ description }));
    const context = toolContextFixture({ budgetChars: 2000 });
    const first = await tool.run(args, context);
    const shown = first.description.split('\n');
    expect(shown[0]).toBe('Line 1 of a very long description.');
    expect(first.truncated).toBe(
      `tools.PR_DESCRIPTION_CUT {"fromLine":${shown.length + 1},"toLine":${shown.length},"totalLines":400}`,
    );
    expect(tool.render(first, context).length).toBeLessThanOrEqual(2000 + (first.truncated?.length ?? 0) + 1);
    const next = await tool.run({ ...args, descriptionFromLine: shown.length + 1 }, context);
    expect(next.description.split('\n')[0]).toBe(`Line ${shown.length + 1} of a very long description.`);
  });
});
