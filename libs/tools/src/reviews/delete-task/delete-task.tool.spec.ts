import type { BitbucketClient } from '@app/bitbucket';
import { toolContextFixture } from '@app/testing';
import { DeleteTaskTool } from './delete-task.tool';

describe('delete_task', () => {
  it('is destructive, takes confirm, and deletes the task', async () => {
    const deleteTask = jest.fn(async (..._args: Parameters<BitbucketClient['deleteTask']>) => Promise.resolve());
    const tool = new DeleteTaskTool({ deleteTask } as unknown as BitbucketClient);
    expect(tool.definition.hints.destructiveHint).toBe(true);
    expect(tool.definition.input.shape.confirm).toBeDefined();
    const context = toolContextFixture();
    const result = await tool.run(
      { workspace: 'acme', repo: 'payments-api', pullRequestId: 3, taskId: 1009, confirm: true },
      context,
    );
    expect(deleteTask.mock.calls).toEqual([
      [{ workspace: 'acme', repo: 'payments-api' }, { id: 3, taskId: 1009 }, { signal: context.signal }],
    ]);
    expect(result).toEqual({ pullRequestId: 3, taskId: 1009, deleted: true });
    expect(tool.render(result, context)).toBe('tools.TASK_DELETED {"taskId":1009,"id":3}');
  });
});
