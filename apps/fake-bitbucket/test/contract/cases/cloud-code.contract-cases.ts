import { stableIds } from '../../../seed/stable-ids';
import type { ContractCase } from '../contract-case';

const REPO = '/2.0/repositories/acme/payments-api';
const PIPELINE = `${REPO}/pipelines/${encodeURIComponent(stableIds.uuid('pipeline:payments-api:6'))}`;
const STEP = `${PIPELINE}/steps/${encodeURIComponent(stableIds.uuid('payments-api:6:step:Lint'))}`;
const UNKNOWN_UUID = encodeURIComponent('{00000000-0000-4000-8000-000000000000}');

const get = (name: string, path: string, expectStatus = 200): ContractCase => ({
  name,
  method: 'GET',
  path,
  caller: 'cloud-alice',
  expectStatus,
});
const send = (
  name: string,
  method: 'POST' | 'PUT' | 'DELETE',
  path: string,
  expectStatus: number,
  body?: unknown,
): ContractCase => ({
  name,
  method,
  path,
  caller: 'cloud-alice',
  expectStatus,
  ...(body === undefined ? {} : { body }),
});

/** Cloud refs, commits, statuses, diffs, source, code search, pipelines and issues, on a freshly reset fake. */
export const CLOUD_CODE_CASES: readonly ContractCase[] = [
  get('branches and tags', `${REPO}/refs`),
  get('refs of an unknown repository', '/2.0/repositories/acme/nope/refs', 404),
  get('branches filtered by name', `${REPO}/refs/branches?q=${encodeURIComponent('name ~ "feature"')}&sort=-name`),
  send('create a branch', 'POST', `${REPO}/refs/branches`, 201, { name: 'contract', target: { hash: 'main' } }),
  send('create a branch that exists', 'POST', `${REPO}/refs/branches`, 400, {
    name: 'contract',
    target: { hash: 'main' },
  }),
  send('create a branch from an unknown commit', 'POST', `${REPO}/refs/branches`, 404, {
    name: 'orphan',
    target: { hash: 'deadbeef' },
  }),
  get('branch', `${REPO}/refs/branches/contract`),
  send('delete a branch', 'DELETE', `${REPO}/refs/branches/contract`, 204),
  get('deleted branch', `${REPO}/refs/branches/contract`, 404),
  send('delete an unknown branch', 'DELETE', `${REPO}/refs/branches/contract`, 404),
  get('tags', `${REPO}/refs/tags`),
  send('create an annotated tag', 'POST', `${REPO}/refs/tags`, 201, {
    name: 'v9.9.9',
    target: { hash: 'main' },
    message: 'Contract release',
  }),
  send('create a tag on an unknown commit', 'POST', `${REPO}/refs/tags`, 400, {
    name: 'v9.9.10',
    target: { hash: 'nope' },
  }),
  get('tag', `${REPO}/refs/tags/v9.9.9`),
  send('delete a tag', 'DELETE', `${REPO}/refs/tags/v9.9.9`, 204),
  get('deleted tag', `${REPO}/refs/tags/v9.9.9`, 404),
  send('delete an unknown tag', 'DELETE', `${REPO}/refs/tags/v9.9.9`, 404),

  get('all commits', `${REPO}/commits?pagelen=5`),
  get('commits of a revision with exclude and path', `${REPO}/commits/main?exclude=v0.1.0&path=src`),
  get('commits of an unknown revision', `${REPO}/commits/nope`, 404),
  get('commit', `${REPO}/commit/main`),
  get('unknown commit', `${REPO}/commit/deadbeef`, 404),
  get('commit statuses', `${REPO}/commit/main/statuses`),
  get('statuses of an unknown commit', `${REPO}/commit/deadbeef/statuses`, 404),
  send('create a build status', 'POST', `${REPO}/commit/main/statuses/build`, 201, {
    key: 'contract-ci',
    state: 'INPROGRESS',
    name: 'Contract CI #1',
    url: 'https://ci.example/contract/1',
    description: 'Running',
  }),
  send('create a build status in an unknown state', 'POST', `${REPO}/commit/main/statuses/build`, 400, {
    key: 'contract-ci',
    state: 'DONE',
    url: 'https://ci.example/contract/1',
  }),
  get('build status', `${REPO}/commit/main/statuses/build/contract-ci`),
  send('update a build status', 'PUT', `${REPO}/commit/main/statuses/build/contract-ci`, 200, { state: 'SUCCESSFUL' }),
  get('unknown build status', `${REPO}/commit/main/statuses/build/nope`, 404),

  get('three-dot diff', `${REPO}/diff/feature/refunds..main?context=1`),
  get(
    'diff a pull request redirect names',
    `${REPO}/diff/acme/payments-api:feature/refunds%0Dmain?from_pullrequest_id=3`,
  ),
  get('diff of an unknown commit', `${REPO}/diff/deadbeef`, 404),
  get('diffstat', `${REPO}/diffstat/feature/refunds..main`),
  get('diffstat of an unknown revision', `${REPO}/diffstat/nope..main`, 404),
  get('patch series', `${REPO}/patch/feature/refunds..main`),
  get('patch of an unknown commit', `${REPO}/patch/deadbeef`, 404),
  get('merge base', `${REPO}/merge-base/feature/refunds..main`),
  get('merge base of an unknown revision', `${REPO}/merge-base/nope..main`, 404),

  get('source root redirects to the main branch', `${REPO}/src`, 302),
  get('root directory', `${REPO}/src/main/`),
  get('directory, two levels deep', `${REPO}/src/main/src?max_depth=2`),
  get('text file', `${REPO}/src/main/README.md`),
  get('binary file', `${REPO}/src/main/assets/logo.png`),
  get('file meta data', `${REPO}/src/v0.2.0/README.md?format=meta`),
  get('unknown path', `${REPO}/src/main/nope.txt`, 404),
  get('root directory at an unknown commit', `${REPO}/src/deadbeef`, 404),

  get('code search', '/2.0/workspaces/acme/search/code?search_query=refund'),
  get('code search without a query', '/2.0/workspaces/acme/search/code', 400),
  get('code search in a workspace of which one is no member', '/2.0/workspaces/nope/search/code?search_query=x', 404),

  get('pipelines', `${REPO}/pipelines?pagelen=3&sort=-created_on`),
  send('run the default pipeline of a branch', 'POST', `${REPO}/pipelines`, 201, {
    target: { type: 'pipeline_ref_target', ref_type: 'branch', ref_name: 'main' },
  }),
  send('run a custom pipeline with variables', 'POST', `${REPO}/pipelines`, 201, {
    target: {
      type: 'pipeline_ref_target',
      ref_type: 'branch',
      ref_name: 'main',
      selector: { type: 'custom', pattern: 'deploy-to-staging' },
    },
    variables: [{ key: 'TARGET', value: 'staging', secured: false }],
  }),
  send('run a pipeline on an unknown branch', 'POST', `${REPO}/pipelines`, 400, {
    target: { type: 'pipeline_ref_target', ref_type: 'branch', ref_name: 'nope' },
  }),
  get('pipeline', PIPELINE),
  get('unknown pipeline', `${REPO}/pipelines/${UNKNOWN_UUID}`, 404),
  send('stop a completed pipeline', 'POST', `${PIPELINE}/stopPipeline`, 400),
  get('pipeline steps', `${PIPELINE}/steps`),
  get('pipeline step', STEP),
  get('unknown pipeline step', `${PIPELINE}/steps/${UNKNOWN_UUID}`, 404),
  get('step log', `${STEP}/log`),
  {
    name: 'step log range past its end',
    method: 'GET',
    path: `${STEP}/log`,
    caller: 'cloud-alice',
    headers: { Range: 'bytes=100000-' },
    expectStatus: 416,
  },

  get('issues', `${REPO}/issues?q=${encodeURIComponent('state = "open"')}`),
  get('issues of a repository without a tracker', '/2.0/repositories/acme/infra-config/issues', 404),
  send('create an issue', 'POST', `${REPO}/issues`, 201, {
    title: 'Refunds in the merchant export',
    content: { raw: 'Finance wants refunds next to payments.' },
    kind: 'enhancement',
    priority: 'minor',
    assignee: { nickname: 'carol' },
  }),
  send('create an issue without a title', 'POST', `${REPO}/issues`, 400, { content: { raw: 'No title' } }),
  get('issue', `${REPO}/issues/5`),
  get('unknown issue', `${REPO}/issues/99`, 404),
  get('issue comments', `${REPO}/issues/1/comments`),
  send('comment on an issue', 'POST', `${REPO}/issues/1/comments`, 201, { content: { raw: 'Fixed in 0.2.1.' } }),
  send('empty comment on an issue', 'POST', `${REPO}/issues/1/comments`, 400, { content: { raw: ' ' } }),
];
