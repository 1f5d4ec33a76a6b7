import type { BitbucketClient } from '@app/bitbucket';
import { TOOL_HINTS } from '@app/mcp';
import { toolContextFixture } from '@app/testing';
import { DeleteBranchTool } from './delete-branch.tool';

describe('DeleteBranchTool', () => {
  const deleteBranch = jest.fn() as jest.MockedFunction<BitbucketClient['deleteBranch']>;
  const tool = new DeleteBranchTool({ deleteBranch } as unknown as BitbucketClient);

  it('is destructive, so the dispatcher asks the user first, and takes `confirm`', () => {
    expect(tool.definition.hints).toBe(TOOL_HINTS.destructive);
    expect(tool.definition.input.safeParse({ workspace: 'a', repo: 'r', name: 'b', confirm: true }).success).toBe(true);
  });

  it('deletes the branch and says which one is gone', async () => {
    deleteBranch.mockResolvedValue(undefined);
    const context = toolContextFixture();
    const args = tool.definition.input.parse({
      workspace: 'acme',
      repo: 'payments-api',
      name: 'feature/payouts',
      confirm: true,
    });
    const result = await tool.run(args, context);
    expect(deleteBranch).toHaveBeenCalledWith(
      { workspace: 'acme', repo: 'payments-api' },
      { name: 'feature/payouts' },
      { signal: context.signal },
    );
    expect(result).toEqual({ workspace: 'acme', repo: 'payments-api', deleted: 'feature/payouts' });
    expect(tool.render(result, context)).toBe(
      'tools.BRANCH_DELETED {"name":"feature/payouts","workspace":"acme","repo":"payments-api"}',
    );
  });
});
