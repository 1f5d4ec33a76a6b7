import { upstreamRefusal } from './upstream-refusal';
import { UpstreamResponse } from './upstream-response';

// Bodies vendored from Bitbucket's own answers: Cloud's from docs/bitbucket-api.md#cloud-errors and docs/bitbucket-api.md#cloud-rate-limits,
// Data Center's from cdancy/bitbucket-rest src/test/resources (the file named beside each, docs/bitbucket-api.md#data-center-errors); the review refusals are the fake's (apps/fake-bitbucket/domain/pull-request.operations.ts).
const CLOUD_REPOSITORY_NOT_FOUND = {
  type: 'error',
  error: {
    message:
      'You may not have access to this repository or it no longer exists in this workspace. If you think this repository exists and you have access, make sure you are authenticated.',
  },
};
const CLOUD_DEPRECATED = {
  type: 'error',
  error: {
    message: 'CHANGE-2770 - Functionality has been deprecated',
    detail: 'Please read the changelog entry for more details.',
  },
};
/** cdancy/bitbucket-rest pull-request-not-exist.json */
const DC_PULL_REQUEST_NOT_FOUND = {
  errors: [
    {
      context: null,
      message: 'Pull request 101 does not exist in TES/dev.',
      exceptionName: 'com.atlassian.bitbucket.pull.NoSuchPullRequestException',
    },
  ],
};
/** cdancy/bitbucket-rest repository-not-exist.json */
const DC_REPOSITORY_NOT_FOUND = {
  errors: [
    {
      context: null,
      message: 'Repository CFSTLRYHBN/JKXATTQLOT does not exist.',
      exceptionName: 'com.atlassian.bitbucket.repository.NoSuchRepositoryException',
    },
  ],
};
/** cdancy/bitbucket-rest pull-request-delete-merged.json */
const DC_MERGED = {
  errors: [
    {
      context: null,
      message: 'This pull request has already been merged and cannot be deleted.',
      exceptionName: 'com.atlassian.bitbucket.pull.IllegalPullRequestStateException',
    },
  ],
};
/** recorded/examples/dc-merge-failed-retry.json */
const DC_MERGE_RACE = {
  errors: [
    {
      context: null,
      message:
        'New changes were pushed to master in PROJECT/repo while the merge was being performed. Please retry the merge.',
      exceptionName: 'com.atlassian.stash.scm.MergeException',
    },
  ],
};
/** The veto of cdancy pull-request-can-merge-fail.json, in a 409 as docs/bitbucket-api.md#data-center-errors describes. */
const DC_VETOED = {
  errors: [
    {
      context: null,
      message: 'Merging the pull request has been vetoed.',
      exceptionName: 'com.atlassian.bitbucket.pull.PullRequestMergeVetoedException',
      vetoes: [{ summaryMessage: 'You may not merge after 6pm on a Friday.', detailedMessage: 'Try on Monday.' }],
    },
  ],
};
/** cdancy/bitbucket-rest pull-request-create-error.json */
const DC_EMPTY_PULL_REQUEST = {
  errors: [
    {
      message: 'Branch "master" is already up-to-date with branch "feature-ABC-123" in repository "my-repo".',
      exceptionName: 'com.atlassian.bitbucket.pull.EmptyPullRequestException',
    },
  ],
};
const FAKE_OWN_PULL_REQUEST = {
  errors: [
    {
      context: null,
      message: 'You cannot review your own pull request.',
      exceptionName: 'com.atlassian.bitbucket.pull.InvalidPullRequestParticipantException',
    },
  ],
};

const json = (status: number, body: unknown): UpstreamResponse =>
  new UpstreamResponse(status, { 'content-type': 'application/json' }, Buffer.from(JSON.stringify(body)));

const CLOUD_PR = {
  route: 'POST /repositories/{workspace}/{repo}/pullrequests/{id}/approve',
  path: '/repositories/acme/payments-api/pullrequests/7/approve',
};
const DC_PR = {
  route: 'POST /rest/api/latest/projects/{key}/repos/{slug}/pull-requests/{id}/merge',
  path: '/rest/api/latest/projects/TES/repos/dev/pull-requests/101/merge',
};

describe('upstreamRefusal', () => {
  it('names the repository Cloud says it cannot show, without its English sentence', () => {
    expect(upstreamRefusal(CLOUD_PR, json(404, CLOUD_REPOSITORY_NOT_FOUND), 'BITBUCKET_NOT_FOUND')).toEqual({
      messageKey: 'BITBUCKET_NOT_FOUND_REPOSITORY',
      params: { workspace: 'acme', owner: 'acme', repository: 'acme/payments-api', id: '7' },
    });
  });

  it('names what Data Center says is missing, from its exception', () => {
    expect(upstreamRefusal(DC_PR, json(404, DC_PULL_REQUEST_NOT_FOUND), 'BITBUCKET_NOT_FOUND')).toMatchObject({
      messageKey: 'BITBUCKET_NOT_FOUND_PULL_REQUEST',
      params: { repository: 'TES/dev', id: '101' },
    });
    const repository = upstreamRefusal(DC_PR, json(404, DC_REPOSITORY_NOT_FOUND), 'BITBUCKET_NOT_FOUND');
    expect(repository.messageKey).toBe('BITBUCKET_NOT_FOUND_REPOSITORY');
    expect(repository.params).not.toHaveProperty('upstreamText');
  });

  it('names the innermost resource of the route when the body says nothing precise', () => {
    const refusal = upstreamRefusal(
      {
        route: 'GET /repositories/{workspace}/{repo}/pullrequests/{id}/comments/{commentId}',
        path: '/repositories/acme/api/pullrequests/3/comments/1201',
      },
      json(404, { type: 'error', error: { message: 'Resource not found' } }),
      'BITBUCKET_NOT_FOUND',
    );
    expect(refusal).toEqual({
      messageKey: 'BITBUCKET_NOT_FOUND_COMMENT',
      params: { workspace: 'acme', owner: 'acme', repository: 'acme/api', id: '3', comment: '1201' },
    });
  });

  it('decodes the names of a path, and lines up an absolute link', () => {
    const refusal = upstreamRefusal(
      {
        route: 'DELETE /repositories/{workspace}/{repo}/refs/branches/{name}',
        path: 'https://bitbucket.example.com/2.0/repositories/acme/api/refs/branches/feature%2Flogin',
      },
      json(404, { type: 'error', error: { message: 'Branch "feature/login" does not exist.' } }),
      'BITBUCKET_NOT_FOUND',
    );
    expect(refusal).toMatchObject({
      messageKey: 'BITBUCKET_NOT_FOUND_BRANCH',
      params: { repository: 'acme/api', branch: 'feature/login' },
    });
  });

  it('names a missing file by its whole path, as each flavor says it (the fake’s words for Cloud)', () => {
    const cloud = upstreamRefusal(
      {
        route: 'GET /repositories/{workspace}/{repo}/src/{ref}/{path}',
        path: '/repositories/acme/api/src/0a1b2c/docs/read%20me.md',
      },
      json(404, { type: 'error', error: { message: 'No such file or directory: docs/read me.md' } }),
      'BITBUCKET_NOT_FOUND',
    );
    expect(cloud).toEqual({
      messageKey: 'BITBUCKET_NOT_FOUND_FILE',
      params: { workspace: 'acme', owner: 'acme', repository: 'acme/api', path: 'docs/read me.md' },
    });
    const datacenter = upstreamRefusal(
      {
        route: 'GET /rest/api/latest/projects/{key}/repos/{slug}/raw/{path}',
        path: '/rest/api/latest/projects/PLAT/repos/api/raw/src/missing.ts',
      },
      json(404, {
        errors: [
          {
            context: null,
            message: 'The path "src/missing.ts" does not exist at revision "refs/heads/main"',
            exceptionName: 'com.atlassian.bitbucket.content.NoSuchPathException',
          },
        ],
      }),
      'BITBUCKET_NOT_FOUND',
    );
    expect(datacenter).toMatchObject({
      messageKey: 'BITBUCKET_NOT_FOUND_FILE',
      params: { project: 'PLAT', owner: 'PLAT', repository: 'PLAT/api', path: 'src/missing.ts' },
    });
  });

  it('names a revision given in the query that does not exist: Cloud by its shas, Data Center by its words', () => {
    const commits = {
      route: 'GET /repositories/{workspace}/{repo}/commits',
      path: '/repositories/acme/api/commits',
    };
    // The fake's Cloud body (apps/fake-bitbucket/cloud/cloud-code-errors.ts), data repeated at the top level.
    const cloudBody = { type: 'error', error: { message: 'Commit not found', data: { shas: ['nobranch'] } } };
    expect(upstreamRefusal(commits, json(404, cloudBody), 'BITBUCKET_NOT_FOUND')).toEqual({
      messageKey: 'BITBUCKET_REF_NOT_FOUND',
      params: { workspace: 'acme', owner: 'acme', repository: 'acme/api', ref: 'nobranch' },
    });
    // cdancy/bitbucket-rest commit-error.json
    const changeset = {
      errors: [
        {
          context: null,
          message: "The changeset '1234567890' does not exist in repository 'prpc-platform'",
          exceptionName: 'com.atlassian.stash.exception.NoSuchChangesetException',
        },
      ],
    };
    const datacenter = upstreamRefusal(
      {
        route: 'GET /rest/api/latest/projects/{key}/repos/{slug}/commits',
        path: '/rest/api/latest/projects/PLAT/repos/prpc-platform/commits',
      },
      json(404, changeset),
      'BITBUCKET_NOT_FOUND',
    );
    expect(datacenter).toMatchObject({
      messageKey: 'BITBUCKET_REF_NOT_FOUND',
      params: { repository: 'PLAT/prpc-platform', ref: '1234567890' },
    });
  });

  it('keeps, to be quoted, the English that says more than the message', () => {
    const gone = upstreamRefusal(
      { route: 'GET /repositories/{workspace}', path: '/repositories/acme' },
      json(410, CLOUD_DEPRECATED),
      'BITBUCKET_NOT_FOUND',
    );
    expect(gone).toEqual({
      messageKey: 'BITBUCKET_NOT_FOUND_WORKSPACE',
      params: {
        workspace: 'acme',
        owner: 'acme',
        upstreamText:
          'CHANGE-2770 - Functionality has been deprecated Please read the changelog entry for more details.',
      },
    });
  });

  it.each([
    [FAKE_OWN_PULL_REQUEST, 'BITBUCKET_OWN_PULL_REQUEST', undefined],
    [DC_MERGED, 'BITBUCKET_PULL_REQUEST_MERGED', undefined],
    [DC_MERGE_RACE, 'BITBUCKET_MERGE_FAILED', DC_MERGE_RACE.errors[0]?.message],
    [DC_VETOED, 'BITBUCKET_MERGE_VETOED', 'You may not merge after 6pm on a Friday.'],
    [DC_EMPTY_PULL_REQUEST, 'BITBUCKET_NOTHING_TO_PULL', DC_EMPTY_PULL_REQUEST.errors[0]?.message],
  ])('tells the review refusal %#: %s', (body, messageKey, upstreamText) => {
    const refusal = upstreamRefusal(DC_PR, json(409, body), 'BITBUCKET_CONFLICT');
    expect(refusal.messageKey).toBe(messageKey);
    expect(refusal.params.upstreamText).toBe(upstreamText);
    expect(refusal.params).toMatchObject({ repository: 'TES/dev' });
  });

  it("tells a draft's refused merge: Cloud's 400 and Data Center's veto (the fake's words)", () => {
    const cloudMerge = {
      route: 'POST /repositories/{workspace}/{repo}/pullrequests/{id}/merge',
      path: '/repositories/acme/payments-api/pullrequests/5/merge',
    };
    const cloudDraft = json(400, {
      type: 'error',
      error: { message: 'Pull request cannot be merged because the pull request is a draft.' },
    });
    expect(upstreamRefusal(cloudMerge, cloudDraft, 'BITBUCKET_VALIDATION')).toEqual({
      messageKey: 'BITBUCKET_PULL_REQUEST_DRAFT',
      params: { workspace: 'acme', owner: 'acme', repository: 'acme/payments-api', id: '5' },
    });
    const dcDraft = json(409, {
      errors: [
        {
          ...DC_VETOED.errors[0],
          vetoes: [{ summaryMessage: 'This pull request is a draft', detailedMessage: 'Publish it to merge it.' }],
        },
      ],
    });
    expect(upstreamRefusal(DC_PR, dcDraft, 'BITBUCKET_CONFLICT').messageKey).toBe('BITBUCKET_PULL_REQUEST_DRAFT');
  });

  it("tells an inline comment's anchor refused, keeping Bitbucket's words on where it fell", () => {
    const dcComments = {
      route: 'POST /rest/api/latest/projects/{key}/repos/{slug}/pull-requests/{id}/comments',
      path: '/rest/api/latest/projects/PLAT/repos/payments-api/pull-requests/3/comments',
    };
    const outside = json(400, {
      errors: [{ context: 'anchor.line', message: 'Line 400 is outside a.ts: the file has 27 lines on the new side.' }],
    });
    expect(upstreamRefusal(dcComments, outside, 'BITBUCKET_VALIDATION')).toEqual({
      messageKey: 'BITBUCKET_COMMENT_ANCHOR_INVALID',
      params: {
        project: 'PLAT',
        owner: 'PLAT',
        repository: 'PLAT/payments-api',
        id: '3',
        upstreamText: 'anchor.line: Line 400 is outside a.ts: the file has 27 lines on the new side.',
      },
    });
  });

  it('tells a pull request no longer open by the state the fake words', () => {
    const declined = json(409, {
      type: 'error',
      error: { message: 'The pull request is declined, not open.' },
    });
    expect(upstreamRefusal(CLOUD_PR, declined, 'BITBUCKET_CONFLICT').messageKey).toBe(
      'BITBUCKET_PULL_REQUEST_DECLINED',
    );
  });

  it('names the repository a 403 concerns', () => {
    const refusal = upstreamRefusal(
      CLOUD_PR,
      json(403, { type: 'error', error: { message: 'Forbidden' } }),
      'BITBUCKET_FORBIDDEN',
    );
    expect(refusal.messageKey).toBe('BITBUCKET_FORBIDDEN_REPOSITORY');
    expect(refusal.params).not.toHaveProperty('upstreamText');
  });

  it('falls back to the code, Bitbucket quoted, for a refusal it does not know', () => {
    const refusal = upstreamRefusal(
      CLOUD_PR,
      json(400, { type: 'error', error: { message: 'Bad request', fields: { title: ['This field is required.'] } } }),
      'BITBUCKET_VALIDATION',
    );
    expect(refusal).toEqual({
      messageKey: 'BITBUCKET_VALIDATION',
      params: { upstreamText: 'Bad request (title: This field is required.)' },
    });
  });

  it('reads a body that is not JSON as saying nothing', () => {
    const text = new UpstreamResponse(404, { 'content-type': 'text/plain' }, Buffer.from('nope'));
    expect(upstreamRefusal(CLOUD_PR, text, 'BITBUCKET_NOT_FOUND').messageKey).toBe('BITBUCKET_NOT_FOUND_PULL_REQUEST');
  });
});
