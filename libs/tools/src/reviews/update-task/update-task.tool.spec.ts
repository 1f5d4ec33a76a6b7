import type { BitbucketClient } from '@app/bitbucket';
import { bitbucketModelFixture, toolContextFixture } from '@app/testing';
import { UpdateTaskTool } from './update-task.tool';

const args = { workspace: 'acme', repo: 'payments-api', pullRequestId: 3, taskId: 1009 };

function setup() {
  const updateTask = jest.fn(async (..._args: Parameters<BitbucketClient['updateTask']>) =>
    Promise.resolve(bitbucketModelFixture.task({ id: 1009, state: 'RESOLVED' })),
  );
  return { tool: new UpdateTaskTool({ updateTask } as unknown as BitbucketClient), updateTask };
}

describe('update_task', () => {
  it('changes the state, the text or both', async () => {
    const { tool, updateTask } = setup();
    const context = toolContextFixture();
    await tool.run({ ...args, state: 'RESOLVED' }, context);
    await tool.run({ ...args, text: 'New text' }, context);
    const view = await tool.run({ ...args, text: 'New text', state: 'OPEN' }, context);
    expect(updateTask.mock.calls.map((call) => call[1])).toEqual([
      { id: 3, taskId: 1009, state: 'RESOLVED' },
      { id: 3, taskId: 1009, text: 'New text' },
      { id: 3, taskId: 1009, text: 'New text', state: 'OPEN' },
    ]);
    expect(tool.render(view, context).split('\n')[0]).toBe('tools.TASK_UPDATED {"taskId":1009}');
  });

  it('refuses changing nothing without calling Bitbucket', async () => {
    const { tool, updateTask } = setup();
    await expect(tool.run(args, toolContextFixture())).rejects.toMatchObject({
      code: 'TOOL_INVALID_ARGUMENTS',
      params: { name: 'update_task', details: 'tools.TASK_NOTHING_TO_UPDATE' },
    });
    expect(updateTask.mock.calls).toHaveLength(0);
    expect(tool.definition.input.safeParse({ ...args, state: 'DONE' }).success).toBe(false);
  });
});
