import { BitbucketErrorCode } from '../bitbucket-error-code.enum';
import { BitbucketException } from '../bitbucket.exception';
import type { PageCursors } from '../pagination/page-cursors';
import type { BitbucketUpstream } from '../upstream/bitbucket-upstream';
import { createDatacenterBitbucketClient } from './datacenter-bitbucket.client.factory';

const repo = { workspace: 'PLAT', repo: 'payments-api' };

describe('createDatacenterBitbucketClient', () => {
  // Nothing here may reach Bitbucket: an upstream that is touched fails the test.
  const client = createDatacenterBitbucketClient({} as BitbucketUpstream, {} as PageCursors);

  it('is the Data Center flavor with the pull request dashboard only', () => {
    expect(client.flavor).toBe('datacenter');
    expect(client.supports('pull-request-dashboard')).toBe(true);
    for (const feature of ['workspaces', 'pipelines', 'issues', 'superseded-state'] as const)
      expect(client.supports(feature)).toBe(false);
  });

  it('answers UNSUPPORTED for the Cloud-only pipelines and issues, naming the feature', async () => {
    const calls: [string, Promise<unknown>][] = [
      ['pipelines', client.listPipelines(repo, {})],
      ['pipelines', client.getPipeline(repo, { uuid: '{1}' })],
      ['pipelines', client.triggerPipeline(repo, { ref: 'main' })],
      ['pipelines', client.stopPipeline(repo, { uuid: '{1}' })],
      ['pipelines', client.listPipelineSteps(repo, { uuid: '{1}' })],
      ['pipelines', client.getPipelineStepLog(repo, { uuid: '{1}', stepUuid: '{2}' })],
      ['issues', client.listIssues(repo, {})],
      ['issues', client.getIssue(repo, { id: 1 })],
      ['issues', client.createIssue(repo, { title: 'x' })],
      ['issues', client.addIssueComment(repo, { id: 1, text: 'x' })],
    ];
    for (const [feature, call] of calls) {
      const error: unknown = await call.catch((rejection: unknown) => rejection);
      expect(error).toBeInstanceOf(BitbucketException);
      expect(error).toMatchObject({ code: BitbucketErrorCode.UNSUPPORTED, params: { feature } });
    }
  });
});
