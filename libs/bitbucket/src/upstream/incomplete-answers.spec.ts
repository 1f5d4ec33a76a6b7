import { randomBytes } from 'node:crypto';
import { BitbucketErrorCode } from '../bitbucket-error-code.enum';
import { createCloudBitbucketClient } from '../cloud/cloud-bitbucket.client.factory';
import { createDatacenterBitbucketClient } from '../datacenter/datacenter-bitbucket.client.factory';
import { PageCursors } from '../pagination/page-cursors';
import type { BitbucketUpstream } from './bitbucket-upstream';
import { UpstreamResponse } from './upstream-response';

// Trimmed recorded answers (docs/bitbucket-api.md#sources): Cloud's pull request from atlassian-api/atlassian-python-api
// tests/responses/bitbucket/cloud/2.0/repositories/TestWorkspace1/testrepository1/pullrequests/1/GET, Data Center's
// from cdancy/bitbucket-rest src/test/resources/pull-request.json; each lacks the identifier its mapper builds on.
const CLOUD_PULL_REQUEST_WITHOUT_ID = {
  type: 'pullrequest',
  title: 'PRTitle',
  state: 'OPEN',
  created_on: '2020-03-19T12:00:03.494356+00:00',
  updated_on: '2020-12-27T14:09:14.660262+00:00',
  source: { branch: { name: 'feature/test-branch' } },
  author: { display_name: 'User03DisplayName' },
};
const DATACENTER_PULL_REQUEST = {
  id: 101,
  version: 1,
  title: 'Talking Nerdy',
  state: 'OPEN',
  createdDate: 1359075920,
  updatedDate: 1359085920,
  fromRef: { id: 'refs/heads/feature-ABC-123' },
  author: { user: { name: 'tom' } },
};
const { id: _id, ...DATACENTER_PULL_REQUEST_WITHOUT_ID } = DATACENTER_PULL_REQUEST;

const repo = { workspace: 'TestWorkspace1', repo: 'testrepository1' };

/** An upstream whose every call answers 200 with `body`; the routes asked are kept. */
function upstreamAnswering(body: unknown): { upstream: BitbucketUpstream; routes: string[] } {
  const routes: string[] = [];
  const upstream = {
    send: async (request: { route: string }) => {
      routes.push(request.route);
      return Promise.resolve(new UpstreamResponse(200, {}, Buffer.from(JSON.stringify(body))));
    },
  } as unknown as BitbucketUpstream;
  return { upstream, routes };
}

const cursors = new PageCursors(randomBytes(32));

describe('a Bitbucket answer lacking what its mapper needs', () => {
  it('is an upstream error naming the operation on Cloud, not a pull request with no id', async () => {
    const { upstream } = upstreamAnswering(CLOUD_PULL_REQUEST_WITHOUT_ID);
    await expect(createCloudBitbucketClient(upstream, cursors).getPullRequest(repo, { id: 1 })).rejects.toMatchObject({
      code: BitbucketErrorCode.UPSTREAM_ERROR,
      messageKey: 'BITBUCKET_UPSTREAM_ANSWER_INCOMPLETE',
      params: { operation: 'GET /repositories/{workspace}/{repo}/pullrequests/{id}', field: 'id' },
    });
  });

  it('is an upstream error naming the listing and the value on Data Center', async () => {
    const { upstream } = upstreamAnswering({
      size: 2,
      limit: 25,
      isLastPage: true,
      start: 0,
      values: [DATACENTER_PULL_REQUEST, DATACENTER_PULL_REQUEST_WITHOUT_ID],
    });
    const client = createDatacenterBitbucketClient(upstream, cursors);
    await expect(client.listPullRequests(repo, {})).rejects.toMatchObject({
      code: BitbucketErrorCode.UPSTREAM_ERROR,
      messageKey: 'BITBUCKET_UPSTREAM_ANSWER_INCOMPLETE',
      params: { field: 'values[1].id' },
    });
  });

  it('is not raised for a complete answer', async () => {
    const { upstream } = upstreamAnswering(DATACENTER_PULL_REQUEST);
    const client = createDatacenterBitbucketClient(upstream, cursors);
    await expect(client.getPullRequest(repo, { id: 101 })).resolves.toMatchObject({ id: 101, title: 'Talking Nerdy' });
  });
});
