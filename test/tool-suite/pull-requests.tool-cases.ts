import type { ListingPage } from './listing-page';
import { pullRequestArgs } from './pull-request-args';
import { successfulContent } from './successful-content';
import type { ToolCase, ToolCaseEnv } from './tool-case';

interface Summary {
  id: number;
  state: string;
  draft: boolean;
  title: string;
  author: string;
  source: string;
  destination: string;
  reviewers: number;
  approvals: number;
  changesRequested: number;
}
interface Reviewer {
  name: string;
  displayName: string;
  role: string;
  status: string;
}
interface Detail {
  id: number;
  title: string;
  state: string;
  draft: boolean;
  author: { name: string; displayName: string };
  source: { branch: string; commit?: string };
  destination: { branch: string; commit?: string };
  reviewers: Reviewer[];
  closedBy?: string;
  mergeCommit?: string;
  openTaskCount?: number;
  description: string;
}
interface Diff {
  diff: string;
  files: { path: string; shownLines: number; totalLines: number }[];
  truncated?: string;
}

const REFUND_SERVICE = 'src/refunds/refund.service.ts';

async function listedIds(env: ToolCaseEnv, args: Record<string, unknown>): Promise<number[]> {
  const ids: number[] = [];
  let cursor: string | undefined;
  do {
    const result = await env.call('list_pull_requests', {
      workspace: env.workspace,
      repo: 'payments-api',
      ...args,
      ...(cursor === undefined ? {} : { cursor }),
    });
    const page = successfulContent<ListingPage<Summary>>(result);
    ids.push(...page.items.map((item) => item.id));
    cursor = page.cursor;
  } while (cursor !== undefined);
  return ids.sort((a, b) => a - b);
}

/** The lines of one file's part of a raw diff. */
function fileSection(diff: string, path: string): string[] {
  const lines = diff.split('\n');
  const start = lines.indexOf(`diff --git a/${path} b/${path}`);
  const next = lines.findIndex((line, index) => index > start && line.startsWith('diff --git '));
  return lines.slice(start, next === -1 ? undefined : next);
}

const getPullRequest = async (env: ToolCaseEnv, id: number): Promise<Detail> =>
  successfulContent<Detail>(await env.call('get_pull_request', pullRequestArgs(env, id)));

/** Every pull request tool: listing, reading, writing, the diff and its history, merging and declining. */
export const PULL_REQUEST_TOOL_CASES: readonly ToolCase[] = [
  {
    name: 'lists the open pull requests, one compact line each',
    tool: 'list_pull_requests',
    flavors: ['cloud', 'datacenter'],
    async run(env) {
      const result = await env.call('list_pull_requests', { workspace: env.workspace, repo: 'payments-api' });
      const page = successfulContent<ListingPage<Summary>>(result);
      expect(page.items.map((item) => item.id).sort((a, b) => a - b)).toEqual([3, 4, 5, 8]);
      expect(page.items.find((item) => item.id === 3)).toEqual({
        id: 3,
        title: 'Add refund endpoint',
        state: 'OPEN',
        draft: false,
        author: 'carol',
        source: 'feature/refunds',
        destination: 'main',
        reviewers: 2,
        approvals: 1,
        changesRequested: 0,
        updatedOn: expect.any(String) as string,
      });
      const text = env.text(result);
      expect(text.split('\n')).toHaveLength(4);
      expect(text).toMatch(
        /^#3 OPEN "Add refund endpoint" by carol \(feature\/refunds → main\), 1\/2 approved, updated \d{4}-\d{2}-\d{2}$/m,
      );
      expect(text).toContain('#4 OPEN "Webhook signature verification" by bob');
      expect(text).toContain('0/2 approved, changes requested by 1');
      expect(text).toContain('#5 OPEN (draft) "WIP: idempotency keys" by alice');
    },
  },
  {
    name: 'lists closed states and pages through them with the cursor',
    tool: 'list_pull_requests',
    flavors: ['cloud', 'datacenter'],
    async run(env) {
      const first = await env.call('list_pull_requests', {
        workspace: env.workspace,
        repo: 'payments-api',
        states: ['MERGED', 'DECLINED'],
        limit: 2,
      });
      const page = successfulContent<ListingPage<Summary>>(first);
      // A page holds at most `limit` items (Data Center filters a page of every state down to the asked ones).
      expect(page.items.length).toBeGreaterThan(0);
      expect(page.items.length).toBeLessThanOrEqual(2);
      expect(page.cursor).toEqual(expect.any(String));
      expect(env.text(first)).toContain(`More results: call again with cursor "${page.cursor ?? ''}".`);
      // Data Center has no SUPERSEDED state: Cloud's superseded #6 is declined there.
      expect(await listedIds(env, { states: ['MERGED', 'DECLINED'], limit: 2 })).toEqual(
        env.flavor === 'cloud' ? [1, 2, 7] : [1, 2, 6, 7],
      );
      if (env.flavor === 'cloud') expect(await listedIds(env, { states: ['SUPERSEDED'] })).toEqual([6]);
    },
  },
  {
    name: 'filters "mine", "needs my review", author and reviewer',
    tool: 'list_pull_requests',
    flavors: ['cloud', 'datacenter'],
    async run(env) {
      expect(await listedIds(env, { mine: 'authored' })).toEqual([5]);
      expect(await listedIds(env, { mine: 'reviewing' })).toEqual([3, 4]);
      expect(await listedIds(env, { author: 'bob' })).toEqual([4]);
      expect(await listedIds(env, { author: 'bob', states: ['OPEN', 'MERGED'] })).toEqual([1, 4]);
      expect(await listedIds(env, { reviewer: 'erin' })).toEqual([4]);
    },
  },
  {
    name: 'refuses an unknown state, naming the field',
    tool: 'list_pull_requests',
    flavors: ['cloud', 'datacenter'],
    async run(env) {
      const result = await env.call('list_pull_requests', {
        workspace: env.workspace,
        repo: 'payments-api',
        states: ['CLOSED'],
      });
      expect(result.isError).toBe(true);
      expect(env.text(result)).toContain('states.0 must be one of: OPEN, MERGED, DECLINED, SUPERSEDED');
    },
  },
  {
    name: 'returns one pull request with its branches, reviewers, counts and description',
    tool: 'get_pull_request',
    flavors: ['cloud', 'datacenter'],
    async run(env) {
      const result = await env.call('get_pull_request', pullRequestArgs(env, 3));
      const detail = successfulContent<Detail>(result);
      expect(detail).toMatchObject({
        id: 3,
        title: 'Add refund endpoint',
        state: 'OPEN',
        draft: false,
        author: { name: 'carol', displayName: 'Carol Dubois' },
        source: { branch: 'feature/refunds', commit: expect.stringMatching(/^[0-9a-f]{12,40}$/) as string },
        destination: { branch: 'main' },
        openTaskCount: 1,
        description: 'Partial and full refunds of captured payments.\n\n- refund service\n- over-refund guard\n- docs',
      });
      expect(detail.reviewers).toEqual(
        expect.arrayContaining([
          { name: 'alice', displayName: 'Alice Martin', role: 'reviewer', status: 'approved' },
          { name: 'bob', displayName: 'Bob Chen', role: 'reviewer', status: 'none' },
        ]),
      );
      const text = env.text(result);
      expect(text.split('\n')[0]).toBe('#3 OPEN "Add refund endpoint" by Carol Dubois (carol)');
      expect(text).toMatch(/^feature\/refunds@[0-9a-f]{12} → main@[0-9a-f]{12}$/m);
      expect(text).toContain('Reviewers: Alice Martin (alice) approved, Bob Chen (bob) not reviewed yet');
      expect(text).toMatch(/^comments: \d+, open tasks: 1, created \d{4}-\d{2}-\d{2}, updated /m);
      expect(text).toContain('\n\nPartial and full refunds of captured payments.');
      expect(text).not.toContain('"links"');
    },
  },
  {
    name: 'shows who merged a pull request, when, and the merge commit',
    tool: 'get_pull_request',
    flavors: ['cloud', 'datacenter'],
    async run(env) {
      const result = await env.call('get_pull_request', pullRequestArgs(env, 1));
      const detail = successfulContent<Detail>(result);
      expect(detail.state).toBe('MERGED');
      if (env.flavor === 'cloud') {
        expect(detail.closedBy).toBe('alice');
        expect(detail.mergeCommit).toMatch(/^[0-9a-f]{12,40}$/);
        expect(env.text(result)).toMatch(/^MERGED by alice on \d{4}-\d{2}-\d{2}, merge commit [0-9a-f]{12}$/m);
      } else {
        // Data Center's pull request names its merge commit (`properties.mergeCommit`), not who closed it.
        expect(detail.mergeCommit).toMatch(/^[0-9a-f]{40}$/);
        expect(env.text(result)).toMatch(/^MERGED on \d{4}-\d{2}-\d{2}, merge commit [0-9a-f]{12}$/m);
      }
    },
  },
  {
    name: 'an unknown pull request is BITBUCKET_NOT_FOUND; a string id is refused naming the field',
    tool: 'get_pull_request',
    flavors: ['cloud', 'datacenter'],
    async run(env) {
      const missing = await env.call('get_pull_request', pullRequestArgs(env, 999));
      expect(missing.isError).toBe(true);
      expect(env.text(missing)).toMatch(/BITBUCKET_NOT_FOUND, correlation id [0-9a-f-]{36}/);
      const invalid = await env.call('get_pull_request', pullRequestArgs(env, 1, { pullRequestId: '3' }));
      expect(invalid.isError).toBe(true);
      expect(env.text(invalid)).toMatch(
        /^Invalid arguments for get_pull_request: pullRequestId must be of type number\n\(error TOOL_INVALID_ARGUMENTS, /,
      );
    },
  },
  {
    name: 'opens a draft pull request with a reviewer, which get_pull_request and the list then show',
    tool: 'create_pull_request',
    flavors: ['cloud', 'datacenter'],
    async run(env) {
      const result = await env.call('create_pull_request', {
        workspace: env.workspace,
        repo: 'payments-api',
        title: 'Integer amounts, again',
        description: 'Second try, in minor units.',
        sourceBranch: 'feature/float-amounts',
        reviewers: ['bob'],
        draft: true,
      });
      const created = successfulContent<Detail>(result);
      expect(created).toMatchObject({
        id: 9,
        state: 'OPEN',
        draft: true,
        title: 'Integer amounts, again',
        author: { name: 'alice' },
        source: { branch: 'feature/float-amounts' },
        destination: { branch: 'main' },
        reviewers: [{ name: 'bob', role: 'reviewer', status: 'none' }],
      });
      expect(env.text(result).split('\n').slice(0, 2)).toEqual([
        'Created pull request #9.',
        '#9 OPEN (draft) "Integer amounts, again" by Alice Martin (alice)',
      ]);
      expect(await getPullRequest(env, 9)).toMatchObject({
        title: 'Integer amounts, again',
        draft: true,
        description: 'Second try, in minor units.',
        reviewers: [{ name: 'bob', status: 'none' }],
      });
      expect(await listedIds(env, { mine: 'authored' })).toEqual([5, 9]);
    },
  },
  {
    name: 'a second open pull request between the same branches is refused by Bitbucket',
    tool: 'create_pull_request',
    flavors: ['cloud', 'datacenter'],
    async run(env) {
      const result = await env.call('create_pull_request', {
        workspace: env.workspace,
        repo: 'payments-api',
        title: 'Refunds again',
        sourceBranch: 'feature/refunds',
      });
      expect(result.isError).toBe(true);
      expect(env.text(result)).toMatch(/BITBUCKET_(VALIDATION|CONFLICT)/);
      expect(await listedIds(env, {})).toEqual([3, 4, 5, 8]);
    },
  },
  {
    name: 'changes the title, the draft status and the reviewers, as get_pull_request then shows',
    tool: 'update_pull_request',
    flavors: ['cloud', 'datacenter'],
    async run(env) {
      const result = await env.call(
        'update_pull_request',
        pullRequestArgs(env, 5, { title: 'Idempotency keys', draft: false, reviewers: ['bob', 'carol'] }),
      );
      expect(successfulContent<Detail>(result)).toMatchObject({ id: 5, title: 'Idempotency keys', draft: false });
      expect(env.text(result).split('\n').slice(0, 2)).toEqual([
        'Updated pull request #5.',
        '#5 OPEN "Idempotency keys" by Alice Martin (alice)',
      ]);
      const after = await getPullRequest(env, 5);
      expect(after).toMatchObject({ title: 'Idempotency keys', draft: false });
      expect(
        after.reviewers
          .filter((r) => r.role === 'reviewer')
          .map((r) => r.name)
          .sort(),
      ).toEqual(['bob', 'carol']);
      expect(after.description).toBe('Not ready: the store is in memory only.');
    },
  },
  {
    name: 'refuses an update that changes nothing, saying what it takes',
    tool: 'update_pull_request',
    flavors: ['cloud', 'datacenter'],
    async run(env) {
      const result = await env.call('update_pull_request', pullRequestArgs(env, 5));
      expect(result.isError).toBe(true);
      expect(env.text(result)).toContain(
        'Invalid arguments for update_pull_request: nothing to change: give at least one of title, description, destinationBranch, reviewers, draft.',
      );
    },
  },
  {
    name: 'returns the raw diff, filtered by path and capped per file with an explicit continuation',
    tool: 'get_pull_request_diff',
    flavors: ['cloud', 'datacenter'],
    async run(env) {
      const whole = successfulContent<Diff>(await env.call('get_pull_request_diff', pullRequestArgs(env, 3)));
      expect(whole.files.map((file) => file.path).sort()).toEqual(['docs/api.md', REFUND_SERVICE]);
      expect(whole.diff).toContain(`diff --git a/${REFUND_SERVICE} b/${REFUND_SERVICE}`);
      expect(whole.truncated).toBeUndefined();

      const docs = successfulContent<Diff>(
        await env.call('get_pull_request_diff', pullRequestArgs(env, 3, { paths: ['docs/api.md'] })),
      );
      expect(docs.files.map((file) => file.path)).toEqual(['docs/api.md']);
      expect(docs.diff).not.toContain(REFUND_SERVICE);

      const cut = await env.call(
        'get_pull_request_diff',
        pullRequestArgs(env, 3, { paths: [REFUND_SERVICE], maxLinesPerFile: 10 }),
      );
      const first = successfulContent<Diff>(cut);
      const total = first.files[0]?.totalLines ?? 0;
      expect(first.files).toEqual([{ path: REFUND_SERVICE, shownLines: 10, totalLines: total }]);
      expect(total).toBeGreaterThan(20);
      expect(env.text(cut)).toContain(
        `${REFUND_SERVICE}: showing 10 of ${total} diff lines; call again with paths ["${REFUND_SERVICE}"] and lineOffset 10 for the rest.`,
      );
      const rest = successfulContent<Diff>(
        await env.call(
          'get_pull_request_diff',
          pullRequestArgs(env, 3, { paths: [REFUND_SERVICE], maxLinesPerFile: 5000, lineOffset: 10 }),
        ),
      );
      expect(rest.truncated).toBeUndefined();
      // Both halves repeat the file's headers, then carry its diff lines in order, all of them.
      const section = fileSection(whole.diff, REFUND_SERVICE);
      const headers = section.findIndex((line) => line.startsWith('@@'));
      expect([...first.diff.split('\n').slice(headers), ...rest.diff.split('\n').slice(headers)]).toEqual(
        section.slice(headers),
      );
    },
  },
  {
    name: 'lists the changed files compactly, paged',
    tool: 'get_pull_request_diffstat',
    flavors: ['cloud', 'datacenter'],
    async run(env) {
      const result = await env.call('get_pull_request_diffstat', pullRequestArgs(env, 3));
      const page = successfulContent<ListingPage<{ path: string; status: string }>>(result);
      expect(page.items.map((item) => [item.path, item.status]).sort()).toEqual([
        ['docs/api.md', 'modified'],
        [REFUND_SERVICE, 'added'],
      ]);
      const text = env.text(result);
      expect(text).toMatch(/^modified docs\/api\.md( \+\d+ -\d+)?$/m);
      expect(text).toMatch(/^added src\/refunds\/refund\.service\.ts( \+\d+ -\d+)?$/m);
      if (env.flavor === 'cloud') expect(text).toContain(`added ${REFUND_SERVICE} +27 -0`);
      // The Cloud fake's 302 to the repository diffstat drops pagelen, so only Data Center pages by limit here.
      if (env.flavor === 'datacenter') {
        const paged = successfulContent<ListingPage<{ path: string }>>(
          await env.call('get_pull_request_diffstat', pullRequestArgs(env, 3, { limit: 1 })),
        );
        expect(paged.items).toHaveLength(1);
        expect(paged.cursor).toEqual(expect.any(String));
      }
    },
  },
  {
    name: 'lists the commits a pull request brings',
    tool: 'list_pull_request_commits',
    flavors: ['cloud', 'datacenter'],
    async run(env) {
      const result = await env.call('list_pull_request_commits', pullRequestArgs(env, 3));
      const page = successfulContent<ListingPage<{ hash: string; summary: string; author: string }>>(result);
      expect(page.items.map((commit) => commit.summary)).toEqual([
        'Document refunds',
        'Refuse refunds above the captured amount',
        'Add refund service',
      ]);
      expect(page.items[0]?.hash).toMatch(/^[0-9a-f]{40}$/);
      expect(env.text(result).split('\n')[2]).toMatch(/^[0-9a-f]{12} \d{4}-\d{2}-\d{2} .+: Add refund service$/);
    },
  },
  {
    name: 'returns the history, newest first: opened, approved, commented',
    tool: 'get_pull_request_activity',
    flavors: ['cloud', 'datacenter'],
    async run(env) {
      const result = await env.call('get_pull_request_activity', pullRequestArgs(env, 3, { limit: 50 }));
      const page =
        successfulContent<ListingPage<{ type: string; user: string; commentId?: number; detail?: string }>>(result);
      expect(page.items.at(-1)).toMatchObject({ type: 'opened', user: 'carol' });
      expect(page.items).toContainEqual(expect.objectContaining({ type: 'approved', user: 'alice' }));
      expect(page.items).toContainEqual(
        expect.objectContaining({
          type: 'commented',
          user: 'alice',
          commentId: 1004,
          detail: 'Nice and small. Two things before I approve, see the tasks.',
        }),
      );
      expect(env.text(result)).toMatch(
        /^\d{4}-\d{2}-\d{2} \d{2}:\d{2} alice commented #1004: Nice and small\. Two things before I approve, see the tasks\.$/m,
      );
    },
  },
  {
    name: 'asks for confirmation and changes nothing without it',
    tool: 'merge_pull_request',
    flavors: ['cloud', 'datacenter'],
    async run(env) {
      const result = await env.call('merge_pull_request', pullRequestArgs(env, 8));
      expect(result.isError).toBe(true);
      expect(env.text(result)).toContain(
        `merge_pull_request is irreversible and needs the user's explicit agreement. Ask them: "Merge pull request #8 of ${env.workspace}/payments-api? This cannot be undone." If they agree, call it again with confirm: true.`,
      );
      expect(env.text(result)).toContain('TOOL_CONFIRMATION_REQUIRED');
      expect((await getPullRequest(env, 8)).state).toBe('OPEN');
    },
  },
  {
    name: 'merges with confirm: true; get_pull_request then shows it MERGED with its merge commit',
    tool: 'merge_pull_request',
    flavors: ['cloud', 'datacenter'],
    async run(env) {
      if (env.flavor === 'datacenter') {
        // Data Center cannot delete the source branch as part of a merge: refused, and nothing merged.
        const refused = await env.call(
          'merge_pull_request',
          pullRequestArgs(env, 8, { closeSourceBranch: true, confirm: true }),
        );
        expect(env.text(refused)).toContain('BITBUCKET_UNSUPPORTED');
        expect((await getPullRequest(env, 8)).state).toBe('OPEN');
      }
      const result = await env.call(
        'merge_pull_request',
        pullRequestArgs(env, 8, {
          strategy: 'merge_commit',
          message: 'Merge the payment flow docs',
          ...(env.flavor === 'cloud' ? { closeSourceBranch: true } : {}),
          confirm: true,
        }),
      );
      // Both flavors' answers say who merged and with which commit (Data Center's in `properties.mergeCommit`).
      const merged = successfulContent<Detail>(result);
      expect(merged).toMatchObject({ id: 8, state: 'MERGED', closedBy: 'alice' });
      expect(merged.mergeCommit).toMatch(/^[0-9a-f]{12,40}$/);
      expect(env.text(result).split('\n')[0]).toBe('Merged pull request #8.');
      expect(env.text(result)).toMatch(
        new RegExp(`^MERGED by alice on \\S+, merge commit ${merged.mergeCommit?.slice(0, 12) ?? ''}$`, 'm'),
      );
      const after = await getPullRequest(env, 8);
      expect(after.state).toBe('MERGED');
      // Cloud's pull request names the merge commit by a short hash, its merge answer by the full one.
      expect(after.mergeCommit?.slice(0, 12)).toBe(merged.mergeCommit?.slice(0, 12));
      if (env.flavor === 'cloud') expect(after.closedBy).toBe('alice');
      expect(await listedIds(env, { states: ['MERGED'] })).toEqual([1, 7, 8]);
    },
  },
  {
    name: "refuses to merge the draft #5 with Bitbucket's reason and the way out",
    tool: 'merge_pull_request',
    flavors: ['cloud', 'datacenter'],
    async run(env) {
      const result = await env.call('merge_pull_request', pullRequestArgs(env, 5, { confirm: true }));
      expect(result.isError).toBe(true);
      expect(env.text(result)).toContain(
        `Pull request #5 of ${env.workspace}/payments-api is a draft, and Bitbucket does not merge drafts: mark it ready for review first (update_pull_request with draft false), then merge it.`,
      );
      expect((await getPullRequest(env, 5)).state).toBe('OPEN');
    },
  },
  {
    name: 'a fast-forward the destination has moved past is a clear conflict',
    tool: 'merge_pull_request',
    flavors: ['cloud', 'datacenter'],
    async run(env) {
      const result = await env.call(
        'merge_pull_request',
        pullRequestArgs(env, 8, { strategy: 'fast_forward', confirm: true }),
      );
      expect(result.isError).toBe(true);
      expect(env.text(result)).toContain('BITBUCKET_CONFLICT');
      expect((await getPullRequest(env, 8)).state).toBe('OPEN');
    },
  },
  {
    name: 'asks for confirmation and leaves the pull request open without it',
    tool: 'decline_pull_request',
    flavors: ['cloud', 'datacenter'],
    async run(env) {
      const result = await env.call(
        'decline_pull_request',
        pullRequestArgs(env, 4, { reason: 'Superseded by the vault work.' }),
      );
      expect(result.isError).toBe(true);
      expect(env.text(result)).toContain(`Ask them: "Decline pull request #4 of ${env.workspace}/payments-api?"`);
      expect((await getPullRequest(env, 4)).state).toBe('OPEN');
    },
  },
  {
    name: 'declines with confirm: true and a reason; get_pull_request then shows it DECLINED',
    tool: 'decline_pull_request',
    flavors: ['cloud', 'datacenter'],
    async run(env) {
      const reason = 'Superseded by the vault work.';
      const result = await env.call('decline_pull_request', pullRequestArgs(env, 4, { reason, confirm: true }));
      expect(successfulContent<Detail>(result)).toMatchObject({ id: 4, state: 'DECLINED' });
      expect(env.text(result).split('\n')[0]).toBe('Declined pull request #4.');
      const after = await getPullRequest(env, 4);
      expect(after.state).toBe('DECLINED');
      if (env.flavor === 'cloud') expect(after.closedBy).toBe('alice');
      expect(await listedIds(env, {})).toEqual([3, 5, 8]);
      if (env.flavor === 'cloud') {
        // Cloud's decline takes no reason: the gateway posts it as a comment first.
        const comments = await env.call('list_pull_request_comments', pullRequestArgs(env, 4));
        expect(env.text(comments)).toMatch(new RegExp(`^#\\d+ alice \\d{4}-\\d{2}-\\d{2}: ${reason}$`, 'm'));
      }
    },
  },
];
