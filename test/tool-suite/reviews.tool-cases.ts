import type { ListingPage } from './listing-page';
import { pullRequestArgs } from './pull-request-args';
import { successfulContent } from './successful-content';
import type { ToolCase, ToolCaseEnv } from './tool-case';

interface Comment {
  id: number;
  parentId?: number;
  depth: number;
  author: string;
  text: string;
  path?: string;
  line?: number;
  side?: string;
  resolved: boolean;
  deleted: boolean;
}
interface Task {
  id: number;
  text: string;
  state: string;
  author: string;
  commentId?: number;
}
interface Reviewer {
  name: string;
  status: string;
}

const REFUND_SERVICE = 'src/refunds/refund.service.ts';
const WEBHOOK_HANDLER = 'src/webhooks/webhook.handler.ts';

/** Every comment of a pull request, thread by thread, through every page. */
async function comments(env: ToolCaseEnv, id: number): Promise<Comment[]> {
  const all: Comment[] = [];
  let cursor: string | undefined;
  do {
    const page = successfulContent<ListingPage<Comment>>(
      await env.call('list_pull_request_comments', pullRequestArgs(env, id, cursor === undefined ? {} : { cursor })),
    );
    all.push(...page.items);
    cursor = page.cursor;
  } while (cursor !== undefined);
  return all;
}

async function tasks(env: ToolCaseEnv, id: number): Promise<Task[]> {
  return successfulContent<ListingPage<Task>>(await env.call('list_tasks', pullRequestArgs(env, id))).items;
}

async function reviewOf(env: ToolCaseEnv, id: number, name: string): Promise<string | undefined> {
  const detail = successfulContent<{ reviewers: Reviewer[] }>(
    await env.call('get_pull_request', pullRequestArgs(env, id)),
  );
  return detail.reviewers.find((reviewer) => reviewer.name === name)?.status;
}

/** The review loop: decisions, comment threads and tasks, and the review_pull_request prompt. */
export const REVIEW_TOOL_CASES: readonly ToolCase[] = [
  {
    name: 'approves a pull request alice does not author, twice to the same effect',
    tool: 'approve_pull_request',
    flavors: ['cloud', 'datacenter'],
    async run(env) {
      expect(await reviewOf(env, 4, 'alice')).toBe('changes_requested');
      const result = await env.call('approve_pull_request', pullRequestArgs(env, 4));
      expect(successfulContent<{ review: string }>(result)).toEqual({
        workspace: env.workspace,
        repo: 'payments-api',
        pullRequestId: 4,
        review: 'approved',
      });
      expect(env.text(result)).toBe(`You approved pull request #4 of ${env.workspace}/payments-api.`);
      expect(await reviewOf(env, 4, 'alice')).toBe('approved');
      expect((await env.call('approve_pull_request', pullRequestArgs(env, 4))).isError).not.toBe(true);
      expect(await reviewOf(env, 4, 'alice')).toBe('approved');
    },
  },
  {
    name: 'Bitbucket refuses approving your own pull request',
    tool: 'approve_pull_request',
    flavors: ['cloud', 'datacenter'],
    async run(env) {
      const result = await env.call('approve_pull_request', pullRequestArgs(env, 5));
      expect(result.isError).toBe(true);
      expect(env.text(result)).toContain('BITBUCKET_VALIDATION');
    },
  },
  {
    name: "withdraws alice's approval",
    tool: 'unapprove_pull_request',
    flavors: ['cloud', 'datacenter'],
    async run(env) {
      expect(await reviewOf(env, 3, 'alice')).toBe('approved');
      const result = await env.call('unapprove_pull_request', pullRequestArgs(env, 3));
      expect(env.text(result)).toBe(`You withdrew your approval of pull request #3 of ${env.workspace}/payments-api.`);
      expect(await reviewOf(env, 3, 'alice')).toBe('none');
    },
  },
  {
    name: 'requests changes, which the list then counts',
    tool: 'request_changes',
    flavors: ['cloud', 'datacenter'],
    async run(env) {
      const result = await env.call('request_changes', pullRequestArgs(env, 3));
      expect(successfulContent<{ review: string }>(result).review).toBe('changes_requested');
      expect(env.text(result)).toBe(`You requested changes on pull request #3 of ${env.workspace}/payments-api.`);
      expect(await reviewOf(env, 3, 'alice')).toBe('changes_requested');
      const list = await env.call('list_pull_requests', { workspace: env.workspace, repo: 'payments-api' });
      expect(env.text(list)).toMatch(/^#3 OPEN "Add refund endpoint" .*, 0\/2 approved, changes requested by 1,/m);
    },
  },
  {
    name: 'lists the threads with replies indented under their parent and inline anchors as path:line',
    tool: 'list_pull_request_comments',
    flavors: ['cloud', 'datacenter'],
    async run(env) {
      const result = await env.call('list_pull_request_comments', pullRequestArgs(env, 3));
      const items = successfulContent<ListingPage<Comment>>(result).items.filter((comment) => comment.id < 1009);
      expect(items.map((comment) => [comment.id, comment.depth, comment.parentId])).toEqual([
        [1004, 0, undefined],
        [1005, 1, 1004],
        [1006, 2, 1005],
        [1007, 0, undefined],
        [1008, 1, 1007],
      ]);
      expect(items[3]).toMatchObject({ author: 'bob', path: REFUND_SERVICE, line: 14, side: 'new' });
      // The reply sits on its parent's line: the anchor is not repeated.
      expect(items[4]?.path).toBeUndefined();
      // carol resolved the inline thread: both flavors mark its top comment; Data Center its replies too.
      expect(items[3]?.resolved).toBe(true);
      expect(items[4]?.resolved).toBe(env.flavor === 'datacenter');
      expect(items.slice(0, 3).some((comment) => comment.resolved)).toBe(false);
      const text = env.text(result);
      expect(text).toMatch(
        /^#1004 alice \d{4}-\d{2}-\d{2}: Nice and small\. Two things before I approve, see the tasks\.\n {2}#1005 carol \d{4}-\d{2}-\d{2}: Thanks! Addressed the over-refund case\.\n {4}#1006 alice /m,
      );
      expect(text).toMatch(
        /^#1007 bob \d{4}-\d{2}-\d{2} src\/refunds\/refund\.service\.ts:14 \[resolved\]: Should `refund` be idempotent\?/m,
      );
      expect(text).toMatch(/^ {2}#1008 carol \d{4}-\d{2}-\d{2}( \[resolved\])?: Idempotency keys come with #5/m);

      const old = successfulContent<ListingPage<Comment>>(
        await env.call('list_pull_request_comments', pullRequestArgs(env, 4)),
      ).items;
      expect(old.find((comment) => comment.id === 1011)).toMatchObject({
        path: WEBHOOK_HANDLER,
        line: 11,
        side: 'old',
      });
      expect(env.text(await env.call('list_pull_request_comments', pullRequestArgs(env, 4)))).toContain(`#1011 alice`);
    },
  },
  {
    name: 'pages through the comments with the cursor',
    tool: 'list_pull_request_comments',
    flavors: ['cloud', 'datacenter'],
    async run(env) {
      const first = successfulContent<ListingPage<Comment>>(
        await env.call('list_pull_request_comments', pullRequestArgs(env, 3, { limit: 1 })),
      );
      expect(first.cursor).toEqual(expect.any(String));
      const second = successfulContent<ListingPage<Comment>>(
        await env.call('list_pull_request_comments', pullRequestArgs(env, 3, { limit: 1, cursor: first.cursor })),
      );
      expect(second.items.length).toBeGreaterThan(0);
      expect(second.items.map((c) => c.id)).not.toEqual(first.items.map((c) => c.id));
      const ids = (await comments(env, 3)).map((comment) => comment.id);
      expect(ids).toEqual(expect.arrayContaining([1004, 1005, 1006, 1007, 1008]));
    },
  },
  {
    name: 'adds a general, an inline (new and old side) and a reply comment, each in its thread',
    tool: 'add_pull_request_comment',
    flavors: ['cloud', 'datacenter'],
    async run(env) {
      const general = await env.call(
        'add_pull_request_comment',
        pullRequestArgs(env, 3, { text: 'Looks **good** overall.' }),
      );
      const added = successfulContent<Comment>(general);
      expect(added).toMatchObject({ author: 'alice', text: 'Looks **good** overall.', depth: 0, deleted: false });
      expect(env.text(general).split('\n')[0]).toBe(`Added comment #${added.id}.`);

      const inline = successfulContent<Comment>(
        await env.call(
          'add_pull_request_comment',
          pullRequestArgs(env, 3, { text: 'Guard against negative amounts.', path: REFUND_SERVICE, line: 20 }),
        ),
      );
      expect(inline).toMatchObject({ path: REFUND_SERVICE, line: 20, side: 'new' });
      const reply = successfulContent<Comment>(
        await env.call(
          'add_pull_request_comment',
          pullRequestArgs(env, 3, { text: 'Agreed with both.', parentId: 1004 }),
        ),
      );
      expect(reply.parentId).toBe(1004);
      const removed = successfulContent<Comment>(
        await env.call(
          'add_pull_request_comment',
          pullRequestArgs(env, 4, {
            text: 'The secret used to be implicit.',
            path: WEBHOOK_HANDLER,
            line: 8,
            side: 'old',
          }),
        ),
      );
      expect(removed).toMatchObject({ path: WEBHOOK_HANDLER, line: 8, side: 'old' });

      const listed = await comments(env, 3);
      expect(listed.find((c) => c.id === added.id)).toMatchObject({ depth: 0, text: 'Looks **good** overall.' });
      expect(listed.find((c) => c.id === inline.id)).toMatchObject({ depth: 0, path: REFUND_SERVICE, line: 20 });
      expect(listed.find((c) => c.id === reply.id)).toMatchObject({ depth: 1, parentId: 1004 });
      // The reply comes within 1004's thread, before the next thread starts.
      const order = listed.map((c) => c.id);
      expect(order.indexOf(reply.id)).toBeGreaterThan(order.indexOf(1004));
      expect(order.indexOf(reply.id)).toBeLessThan(order.indexOf(1007));
      const text = env.text(await env.call('list_pull_request_comments', pullRequestArgs(env, 3)));
      expect(text).toContain(`\n  #${reply.id} alice `);
      expect(text).toMatch(
        new RegExp(`^#${inline.id} alice \\d{4}-\\d{2}-\\d{2} src/refunds/refund\\.service\\.ts:20: Guard`, 'm'),
      );
      const old = await comments(env, 4);
      expect(old.find((c) => c.id === removed.id)).toMatchObject({ path: WEBHOOK_HANDLER, line: 8, side: 'old' });
      expect(env.text(await env.call('list_pull_request_comments', pullRequestArgs(env, 4)))).toContain(
        `#${removed.id} alice `,
      );
    },
  },
  {
    name: 'refuses a path without a line, and Bitbucket a file the diff does not have',
    tool: 'add_pull_request_comment',
    flavors: ['cloud', 'datacenter'],
    async run(env) {
      const noLine = await env.call(
        'add_pull_request_comment',
        pullRequestArgs(env, 3, { text: 'Where?', path: REFUND_SERVICE }),
      );
      expect(noLine.isError).toBe(true);
      expect(env.text(noLine)).toContain(
        'Invalid arguments for add_pull_request_comment: an inline comment needs line as well as path.',
      );
      const elsewhere = await env.call(
        'add_pull_request_comment',
        pullRequestArgs(env, 4, { text: 'Here?', path: 'nope.ts', line: 1 }),
      );
      expect(elsewhere.isError).toBe(true);
      expect(env.text(elsewhere)).toContain('BITBUCKET_VALIDATION');
      const empty = await env.call('add_pull_request_comment', pullRequestArgs(env, 3, { text: '' }));
      expect(env.text(empty)).toContain('text is too small or too short (minimum 1)');
    },
  },
  {
    name: 'Bitbucket refuses an inline comment outside the file or outside the diff, and says where to look',
    tool: 'add_pull_request_comment',
    flavors: ['cloud', 'datacenter'],
    async run(env) {
      // refund.service.ts has 27 lines.
      const beyond = await env.call(
        'add_pull_request_comment',
        pullRequestArgs(env, 3, { text: 'Here?', path: REFUND_SERVICE, line: 400 }),
      );
      expect(beyond.isError).toBe(true);
      expect(env.text(beyond)).toContain(
        `Bitbucket refuses this inline comment on pull request #3 of ${env.workspace}/payments-api: a comment can only be anchored on a line that the pull request's diff shows. Read the diff (get_pull_request_diff)`,
      );
      expect(env.text(beyond)).toContain('Line 400 is outside src/refunds/refund.service.ts');
      if (env.flavor === 'cloud') {
        // docs/api.md changes from its line 7; Cloud's diff shows three lines around a change, so not line 2.
        const unchanged = await env.call(
          'add_pull_request_comment',
          pullRequestArgs(env, 3, { text: 'Here?', path: 'docs/api.md', line: 2 }),
        );
        expect(env.text(unchanged)).toContain("Line 2 of docs/api.md is not part of this pull request's diff.");
      }
      expect((await comments(env, 3)).map((c) => c.text)).not.toContain('Here?');
    },
  },
  {
    name: "edits alice's comment, which the thread then shows",
    tool: 'update_comment',
    flavors: ['cloud', 'datacenter'],
    async run(env) {
      const result = await env.call(
        'update_comment',
        pullRequestArgs(env, 3, { commentId: 1004, text: 'Nice and small. See the tasks.' }),
      );
      expect(successfulContent<Comment>(result)).toMatchObject({ id: 1004, text: 'Nice and small. See the tasks.' });
      expect(env.text(result).split('\n')[0]).toBe('Updated comment #1004.');
      expect((await comments(env, 3)).find((c) => c.id === 1004)?.text).toBe('Nice and small. See the tasks.');
    },
  },
  {
    name: "Bitbucket refuses editing someone else's comment",
    tool: 'update_comment',
    flavors: ['cloud'],
    async run(env) {
      const result = await env.call('update_comment', pullRequestArgs(env, 3, { commentId: 1007, text: 'Not mine.' }));
      expect(result.isError).toBe(true);
      expect(env.text(result)).toContain('BITBUCKET_FORBIDDEN');
      expect((await comments(env, 3)).find((c) => c.id === 1007)?.text).toContain('Should `refund` be idempotent?');
    },
  },
  {
    name: 'asks for confirmation, then deletes the comment with confirm: true',
    tool: 'delete_comment',
    flavors: ['cloud', 'datacenter'],
    async run(env) {
      const refused = await env.call('delete_comment', pullRequestArgs(env, 4, { commentId: 1012 }));
      expect(refused.isError).toBe(true);
      expect(env.text(refused)).toContain(
        `Ask them: "Delete comment 1012 on pull request #4 of ${env.workspace}/payments-api?"`,
      );
      expect((await comments(env, 4)).find((c) => c.id === 1012)).toMatchObject({ deleted: false });

      const result = await env.call('delete_comment', pullRequestArgs(env, 4, { commentId: 1012, confirm: true }));
      expect(successfulContent<{ deleted: boolean }>(result)).toEqual({
        pullRequestId: 4,
        commentId: 1012,
        deleted: true,
      });
      expect(env.text(result)).toBe('Deleted comment #1012 of pull request #4.');
      const after = (await comments(env, 4)).find((c) => c.id === 1012);
      // Cloud keeps a deleted comment as a marker in its thread; Data Center removes it.
      if (env.flavor === 'cloud') {
        expect(after).toMatchObject({ deleted: true, text: '' });
        expect(env.text(await env.call('list_pull_request_comments', pullRequestArgs(env, 4)))).toMatch(
          /^#1012 alice \S+ \[deleted\]$/m,
        );
      } else {
        expect(after).toBeUndefined();
      }
    },
  },
  {
    name: 'resolves an inline thread, then reopens it',
    tool: 'resolve_comment_thread',
    flavors: ['cloud', 'datacenter'],
    async run(env) {
      const resolved = await env.call('resolve_comment_thread', pullRequestArgs(env, 4, { commentId: 1011 }));
      expect(successfulContent<{ resolved: boolean }>(resolved)).toEqual({
        pullRequestId: 4,
        commentId: 1011,
        resolved: true,
      });
      expect(env.text(resolved)).toBe('Resolved the thread of comment #1011 on pull request #4.');
      expect((await comments(env, 4)).find((c) => c.id === 1011)?.resolved).toBe(true);
      expect(env.text(await env.call('list_pull_request_comments', pullRequestArgs(env, 4)))).toMatch(
        /^#1011 alice \S+ src\/webhooks\/webhook\.handler\.ts:11 \(old\) \[resolved\]: We must not parse/m,
      );

      const reopened = await env.call(
        'resolve_comment_thread',
        pullRequestArgs(env, 4, { commentId: 1011, resolved: false }),
      );
      expect(env.text(reopened)).toBe('Reopened the thread of comment #1011 on pull request #4.');
      expect((await comments(env, 4)).find((c) => c.id === 1011)?.resolved).toBe(false);
    },
  },
  {
    name: 'lists the tasks with their state',
    tool: 'list_tasks',
    flavors: ['cloud', 'datacenter'],
    async run(env) {
      const result = await env.call('list_tasks', pullRequestArgs(env, 3));
      expect(
        successfulContent<ListingPage<Task>>(result).items.map((task) => [task.id, task.state, task.author, task.text]),
      ).toEqual([
        [1009, 'OPEN', 'alice', 'Add tests for partial refunds'],
        [1010, 'RESOLVED', 'alice', 'Document refunds in docs/api.md'],
      ]);
      expect(env.text(result)).toMatch(/^#1009 OPEN alice \d{4}-\d{2}-\d{2}: Add tests for partial refunds$/m);
      expect(env.text(result)).toMatch(/^#1010 RESOLVED alice /m);
    },
  },
  {
    name: 'creates a task on a comment, which list_tasks then shows open',
    tool: 'create_task',
    flavors: ['cloud', 'datacenter'],
    async run(env) {
      const result = await env.call(
        'create_task',
        pullRequestArgs(env, 3, { text: 'Add a changelog entry', commentId: 1004 }),
      );
      const task = successfulContent<Task>(result);
      expect(task).toMatchObject({ text: 'Add a changelog entry', state: 'OPEN', author: 'alice' });
      expect(env.text(result).split('\n')[0]).toBe(`Created task #${task.id}.`);
      const listed = (await tasks(env, 3)).find((t) => t.id === task.id);
      expect(listed).toMatchObject({ text: 'Add a changelog entry', state: 'OPEN' });
      if (env.flavor === 'cloud') expect(listed?.commentId).toBe(1004);
      const general = successfulContent<Task>(
        await env.call('create_task', pullRequestArgs(env, 3, { text: 'Bump the version' })),
      );
      expect((await tasks(env, 3)).map((t) => t.id)).toEqual(expect.arrayContaining([task.id, general.id]));
    },
  },
  {
    name: 'resolves a task and changes its text, as list_tasks then shows; refuses changing nothing',
    tool: 'update_task',
    flavors: ['cloud', 'datacenter'],
    async run(env) {
      const result = await env.call(
        'update_task',
        pullRequestArgs(env, 3, { taskId: 1009, state: 'RESOLVED', text: 'Add tests for partial and full refunds' }),
      );
      expect(successfulContent<Task>(result)).toMatchObject({ id: 1009, state: 'RESOLVED' });
      expect(env.text(result).split('\n')[0]).toBe('Updated task #1009.');
      expect((await tasks(env, 3)).find((t) => t.id === 1009)).toMatchObject({
        state: 'RESOLVED',
        text: 'Add tests for partial and full refunds',
      });
      const reopened = await env.call('update_task', pullRequestArgs(env, 3, { taskId: 1009, state: 'OPEN' }));
      expect(successfulContent<Task>(reopened).state).toBe('OPEN');
      const nothing = await env.call('update_task', pullRequestArgs(env, 3, { taskId: 1009 }));
      expect(nothing.isError).toBe(true);
      expect(env.text(nothing)).toContain('nothing to change: give text, state or both.');
    },
  },
  {
    name: 'asks for confirmation, then deletes the task with confirm: true',
    tool: 'delete_task',
    flavors: ['cloud', 'datacenter'],
    async run(env) {
      const refused = await env.call('delete_task', pullRequestArgs(env, 3, { taskId: 1009 }));
      expect(refused.isError).toBe(true);
      expect(env.text(refused)).toContain(
        `Ask them: "Delete task 1009 on pull request #3 of ${env.workspace}/payments-api?"`,
      );
      expect((await tasks(env, 3)).map((t) => t.id)).toContain(1009);
      const result = await env.call('delete_task', pullRequestArgs(env, 3, { taskId: 1009, confirm: true }));
      expect(env.text(result)).toBe('Deleted task #1009 of pull request #3.');
      expect((await tasks(env, 3)).map((t) => t.id)).toEqual([1010]);
    },
  },
  {
    name: 'the review_pull_request prompt walks through a review with tools this server offers',
    tool: 'get_pull_request',
    flavors: ['cloud', 'datacenter'],
    async run(env) {
      const prompts = await env.client.listPrompts();
      expect(prompts.prompts.find((p) => p.name === 'review_pull_request')?.arguments?.map((a) => a.name)).toEqual([
        'workspace',
        'repo',
        'pullRequestId',
      ]);
      const prompt = await env.client.getPrompt({
        name: 'review_pull_request',
        arguments: { workspace: env.workspace, repo: 'payments-api', pullRequestId: '3' },
      });
      expect(prompt.description).toBe(`Code review of pull request #3 of ${env.workspace}/payments-api`);
      const [message] = prompt.messages;
      expect(message?.role).toBe('user');
      const text = message?.content.type === 'text' ? message.content.text : '';
      expect(text).toContain(
        `Review pull request #3 of ${env.workspace}/payments-api on Bitbucket with this server's tools (always pass workspace "${env.workspace}", repo "payments-api" and pullRequestId 3).`,
      );
      const offered = new Set((await env.client.listTools()).tools.map((tool) => tool.name));
      const named = [...new Set(text.match(/\b[a-z]+(?:_[a-z]+)+\b/g) ?? [])];
      expect(named).toEqual(
        expect.arrayContaining([
          'get_pull_request',
          'get_pull_request_diffstat',
          'get_pull_request_diff',
          'list_pull_request_comments',
          'add_pull_request_comment',
          'approve_pull_request',
          'request_changes',
        ]),
      );
      expect(named.filter((name) => !offered.has(name))).toEqual([]);
      // Its first step works with exactly the arguments it names.
      const first = await env.call('get_pull_request', pullRequestArgs(env, 3));
      expect(env.text(first).split('\n')[0]).toBe('#3 OPEN "Add refund endpoint" by Carol Dubois (carol)');
    },
  },
];
