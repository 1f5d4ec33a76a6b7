import type { BitbucketClient } from '@app/bitbucket';
import { TOOL_HINTS } from '@app/mcp';
import { toolContextFixture } from '@app/testing';
import { CreateBranchTool } from './create-branch.tool';

const HASH = 'd93c76fb21285bb8f789d1c7df3c365e071713e4';

describe('CreateBranchTool', () => {
  const createBranch = jest.fn() as jest.MockedFunction<BitbucketClient['createBranch']>;
  const tool = new CreateBranchTool({ createBranch } as unknown as BitbucketClient);

  it('is a write that is not idempotent (a second call finds the branch taken)', () => {
    expect(tool.definition.hints).toBe(TOOL_HINTS.write);
  });

  it('creates the branch at the start point and says where it points', async () => {
    createBranch.mockResolvedValue({ name: 'feature/x', type: 'branch', commit: HASH });
    const context = toolContextFixture();
    const args = tool.definition.input.parse({
      workspace: 'acme',
      repo: 'payments-api',
      name: 'feature/x',
      startPoint: 'main',
    });
    const branch = await tool.run(args, context);
    expect(createBranch).toHaveBeenCalledWith(
      { workspace: 'acme', repo: 'payments-api' },
      { name: 'feature/x', startPoint: 'main' },
      { signal: context.signal },
    );
    expect(branch).toEqual({ name: 'feature/x', commit: HASH });
    expect(tool.render(branch, context)).toBe('tools.BRANCH_CREATED {"name":"feature/x","commit":"d93c76fb2128"}');
  });

  it('needs a start point', () => {
    const parsed = tool.definition.input.safeParse({ workspace: 'acme', repo: 'payments-api', name: 'x' });
    expect(parsed.error?.issues.map((issue) => issue.path.join('.'))).toEqual(['startPoint']);
  });
});
