import { stableIds } from '../../../seed/stable-ids';
import type { ContractCase, ContractCaller } from '../contract-case';

const PRS = '/2.0/repositories/acme/payments-api/pullrequests';
/** Seeded comments and tasks take ids 1001–1016; the cases below add 1017 onwards in this order. */
const GENERAL = 1017;
const INLINE = 1018;
const REPLY = 1019;
const TASK = 1020;

const call = (
  name: string,
  method: ContractCase['method'],
  path: string,
  expectStatus: number,
  options: { readonly caller?: ContractCaller; readonly body?: unknown } = {},
): ContractCase => ({
  name,
  method,
  path,
  caller: options.caller ?? 'cloud-alice',
  expectStatus,
  ...(options.body === undefined ? {} : { body: options.body }),
});

/** Cloud pull requests and their review loop: listing, writes, reviews, comments, tasks, merges. */
export const CLOUD_REVIEW_CASES: readonly ContractCase[] = [
  call('open pull requests', 'GET', PRS, 200),
  call('pull requests in two states, paged', 'GET', `${PRS}?state=MERGED&state=DECLINED&pagelen=2`, 200),
  call(
    'pull requests to review, by q',
    'GET',
    `${PRS}?q=${encodeURIComponent(`reviewers.uuid="${stableIds.uuid('user:alice')}"`)}&sort=-updated_on`,
    200,
  ),
  call('pull requests in an unknown state', 'GET', `${PRS}?state=CLOSED`, 400),
  call('pull requests of an unknown repository', 'GET', '/2.0/repositories/acme/nope/pullrequests', 404),
  call('create a pull request', 'POST', PRS, 201, {
    body: {
      title: 'Integer amounts, again',
      description: 'Second try.',
      source: { branch: { name: 'feature/float-amounts' } },
      reviewers: [{ uuid: stableIds.uuid('user:bob') }],
      close_source_branch: true,
    },
  }),
  call('create a pull request without a title', 'POST', PRS, 400, {
    body: { source: { branch: { name: 'feature/payouts' } } },
  }),
  call('pull request', 'GET', `${PRS}/3`, 200),
  call('merged pull request', 'GET', `${PRS}/1`, 200),
  call('unknown pull request', 'GET', `${PRS}/999`, 404),
  call('update title and reviewers', 'PUT', `${PRS}/9`, 200, {
    body: { title: 'Integer amounts', reviewers: [{ account_id: stableIds.accountId('erin') }] },
  }),
  call('update a merged pull request', 'PUT', `${PRS}/1`, 400, { body: { title: 'Too late' } }),
  call('activity', 'GET', `${PRS}/3/activity`, 200),
  call('activity of an unknown pull request', 'GET', `${PRS}/999/activity`, 404),
  call('commits', 'GET', `${PRS}/3/commits`, 200),
  call('commits of an unknown pull request', 'GET', `${PRS}/999/commits`, 404),
  call('diff redirect', 'GET', `${PRS}/3/diff`, 302),
  call('diffstat redirect', 'GET', `${PRS}/3/diffstat`, 302),
  call('patch redirect', 'GET', `${PRS}/3/patch`, 302),
  call('diff of an unknown pull request', 'GET', `${PRS}/999/diff`, 404),
  call('statuses', 'GET', `${PRS}/4/statuses`, 200),
  call('statuses of an unknown pull request', 'GET', `${PRS}/999/statuses`, 404),
  call('approve', 'POST', `${PRS}/3/approve`, 200, { caller: 'cloud-bob' }),
  call('approve one’s own pull request', 'POST', `${PRS}/3/approve`, 400, { caller: 'cloud-carol' }),
  call('withdraw an approval', 'DELETE', `${PRS}/3/approve`, 204, { caller: 'cloud-bob' }),
  call('withdraw an approval on a merged pull request', 'DELETE', `${PRS}/1/approve`, 400),
  call('request changes', 'POST', `${PRS}/3/request-changes`, 200, { caller: 'cloud-bob' }),
  call('request changes on a merged pull request', 'POST', `${PRS}/1/request-changes`, 400),
  call('withdraw a change request', 'DELETE', `${PRS}/3/request-changes`, 204, { caller: 'cloud-bob' }),
  call('withdraw a change request on a merged pull request', 'DELETE', `${PRS}/1/request-changes`, 400),
  call('comments', 'GET', `${PRS}/3/comments`, 200),
  call('add a comment', 'POST', `${PRS}/3/comments`, 201, { body: { content: { raw: 'Looks *good*' } } }),
  call('add an inline comment', 'POST', `${PRS}/3/comments`, 201, {
    caller: 'cloud-bob',
    body: {
      content: { raw: 'Guard against negative amounts.' },
      inline: { path: 'src/refunds/refund.service.ts', to: 14 },
    },
  }),
  call('reply to a comment', 'POST', `${PRS}/3/comments`, 201, {
    caller: 'cloud-carol',
    body: { content: { raw: 'Done.' }, parent: { id: INLINE } },
  }),
  call('add an empty comment', 'POST', `${PRS}/3/comments`, 400, { body: { content: { raw: ' ' } } }),
  call('comment', 'GET', `${PRS}/3/comments/${GENERAL}`, 200),
  call('unknown comment', 'GET', `${PRS}/3/comments/999999`, 404),
  call('edit a comment', 'PUT', `${PRS}/3/comments/${GENERAL}`, 200, { body: { content: { raw: 'Looks great' } } }),
  call('edit someone else’s comment', 'PUT', `${PRS}/3/comments/${GENERAL}`, 403, {
    caller: 'cloud-bob',
    body: { content: { raw: 'Hijacked' } },
  }),
  call('delete a comment', 'DELETE', `${PRS}/3/comments/${REPLY}`, 204, { caller: 'cloud-carol' }),
  call('delete an unknown comment', 'DELETE', `${PRS}/3/comments/999999`, 404),
  call('comments with a deleted one', 'GET', `${PRS}/3/comments?pagelen=20`, 200),
  call('resolve a thread', 'POST', `${PRS}/3/comments/${INLINE}/resolve`, 200, { caller: 'cloud-carol' }),
  call('resolve a resolved thread', 'POST', `${PRS}/3/comments/${INLINE}/resolve`, 409, { caller: 'cloud-carol' }),
  call('reopen a thread', 'DELETE', `${PRS}/3/comments/${INLINE}/resolve`, 204, { caller: 'cloud-carol' }),
  call('reopen an open thread', 'DELETE', `${PRS}/3/comments/${INLINE}/resolve`, 404, { caller: 'cloud-carol' }),
  call('tasks', 'GET', `${PRS}/3/tasks`, 200),
  call('add a task', 'POST', `${PRS}/3/tasks`, 201, {
    body: { content: { raw: 'Add a changelog entry' }, comment: { id: GENERAL } },
  }),
  call('add an empty task', 'POST', `${PRS}/3/tasks`, 400, { body: { content: { raw: '' } } }),
  call('task', 'GET', `${PRS}/3/tasks/${TASK}`, 200),
  call('unknown task', 'GET', `${PRS}/3/tasks/999999`, 404),
  call('resolve a task', 'PUT', `${PRS}/3/tasks/${TASK}`, 200, { caller: 'cloud-carol', body: { state: 'RESOLVED' } }),
  call('set a task to an unknown state', 'PUT', `${PRS}/3/tasks/${TASK}`, 400, { body: { state: 'DONE' } }),
  call('delete a task', 'DELETE', `${PRS}/3/tasks/${TASK}`, 204),
  call('delete a deleted task', 'DELETE', `${PRS}/3/tasks/${TASK}`, 404),
  call('decline', 'POST', `${PRS}/4/decline`, 200),
  call('decline a declined pull request', 'POST', `${PRS}/4/decline`, 400),
  call('merge', 'POST', `${PRS}/8/merge`, 200, {
    body: { type: 'pullrequest_merge_parameters', close_source_branch: true, merge_strategy: 'merge_commit' },
  }),
  call('merge a declined pull request', 'POST', `${PRS}/4/merge`, 400, {
    body: { type: 'pullrequest_merge_parameters' },
  }),
  call('merge asynchronously', 'POST', `${PRS}/3/merge?async=true`, 202, {
    body: { type: 'pullrequest_merge_parameters', merge_strategy: 'squash' },
  }),
  call('merge task still pending', 'GET', `${PRS}/3/merge/task-status/1`, 200),
  call('merge task done', 'GET', `${PRS}/3/merge/task-status/1`, 200),
  call('merge task of another pull request', 'GET', `${PRS}/8/merge/task-status/1`, 400),
];
