import type { BitbucketClient } from '@app/bitbucket';
import { bitbucketModelFixture, toolContextFixture } from '@app/testing';
import { CreateTaskTool } from './create-task.tool';

const args = { workspace: 'acme', repo: 'payments-api', pullRequestId: 3, text: 'Add a changelog entry' };

describe('create_task', () => {
  it('creates a task, on a comment when one is named, and returns it', async () => {
    const createTask = jest.fn(async (..._args: Parameters<BitbucketClient['createTask']>) =>
      Promise.resolve(bitbucketModelFixture.task({ id: 1017, text: 'Add a changelog entry', commentId: 1004 })),
    );
    const tool = new CreateTaskTool({ createTask } as unknown as BitbucketClient);
    const context = toolContextFixture();
    await tool.run(args, context);
    const view = await tool.run({ ...args, commentId: 1004 }, context);
    expect(createTask.mock.calls.map((call) => call[1])).toEqual([
      { id: 3, text: 'Add a changelog entry' },
      { id: 3, text: 'Add a changelog entry', commentId: 1004 },
    ]);
    expect(view).toMatchObject({ id: 1017, state: 'OPEN', commentId: 1004 });
    expect(tool.render(view, context).split('\n')[0]).toBe('tools.TASK_CREATED {"taskId":1017}');
    expect(tool.definition.hints.idempotentHint).toBe(false);
  });
});
