import { BitbucketErrorCode, BitbucketException, type BitbucketClient } from '@app/bitbucket';
import { toolContextFixture } from '@app/testing';
import { GetProjectTool } from './get-project.tool';

describe('GetProjectTool', () => {
  const getProject = jest.fn() as jest.MockedFunction<BitbucketClient['getProject']>;
  const tool = new GetProjectTool({ getProject } as unknown as BitbucketClient);

  it('returns the project and renders its line and URL', async () => {
    getProject.mockResolvedValue({
      key: 'PLAT',
      name: 'Platform',
      description: '',
      isPrivate: true,
      url: 'https://bitbucket.example/projects/PLAT',
    });
    const context = toolContextFixture();
    const project = await tool.run(tool.definition.input.parse({ key: 'PLAT' }), context);
    expect(getProject).toHaveBeenCalledWith({ key: 'PLAT' }, { signal: context.signal });
    expect(project).toEqual({
      key: 'PLAT',
      name: 'Platform',
      description: '',
      private: true,
      url: 'https://bitbucket.example/projects/PLAT',
    });
    expect(tool.render(project, toolContextFixture())).toBe(
      'PLAT Platform (tools.VISIBILITY_PRIVATE)\nhttps://bitbucket.example/projects/PLAT',
    );
  });

  it('passes the Cloud workspace on, and lets Bitbucket failures through for the dispatcher', async () => {
    const failure = new BitbucketException(BitbucketErrorCode.NOT_FOUND, 'no project');
    getProject.mockRejectedValue(failure);
    const context = toolContextFixture();
    await expect(tool.run(tool.definition.input.parse({ workspace: 'acme', key: 'NOPE' }), context)).rejects.toBe(
      failure,
    );
    expect(getProject).toHaveBeenCalledWith({ key: 'NOPE', workspace: 'acme' }, { signal: context.signal });
  });

  it('requires a key', () => {
    expect(tool.definition.input.safeParse({ workspace: 'acme' }).success).toBe(false);
  });
});
