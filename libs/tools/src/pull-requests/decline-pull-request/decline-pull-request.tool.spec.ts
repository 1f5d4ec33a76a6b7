import type { BitbucketClient } from '@app/bitbucket';
import { bitbucketModelFixture, toolContextFixture } from '@app/testing';
import { DeclinePullRequestTool } from './decline-pull-request.tool';

const args = { workspace: 'acme', repo: 'payments-api', pullRequestId: 4 };

function setup() {
  const declinePullRequest = jest.fn(async (..._args: Parameters<BitbucketClient['declinePullRequest']>) =>
    Promise.resolve(
      bitbucketModelFixture.pullRequest({ id: 4, state: 'DECLINED', closedBy: bitbucketModelFixture.user('alice') }),
    ),
  );
  return { tool: new DeclinePullRequestTool({ declinePullRequest } as unknown as BitbucketClient), declinePullRequest };
}

describe('decline_pull_request', () => {
  it('is destructive, with an optional reason', async () => {
    const { tool, declinePullRequest } = setup();
    expect(tool.definition.hints.destructiveHint).toBe(true);
    const context = toolContextFixture();
    await tool.run({ ...args, reason: 'Superseded.', confirm: true }, context);
    await tool.run({ ...args, confirm: true }, context);
    expect(declinePullRequest.mock.calls.map((call) => call[1])).toEqual([{ id: 4, reason: 'Superseded.' }, { id: 4 }]);
  });

  it('returns the declined pull request after a line saying so', async () => {
    const { tool } = setup();
    const context = toolContextFixture();
    const view = await tool.run({ ...args, confirm: true }, context);
    expect(view).toMatchObject({ id: 4, state: 'DECLINED', closedBy: 'alice' });
    const lines = tool.render(view, context).split('\n');
    expect(lines[0]).toBe('tools.PR_DECLINED {"id":4}');
    expect(lines).toContain('tools.PR_CLOSED {"state":"DECLINED","date":"2026-03-11","by":"alice"}');
  });
});
