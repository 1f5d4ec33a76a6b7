import type { FakeRequestRecord } from '@app/testing';
import { strayUpstreamPaths } from './upstream-scope';

let seq = 0;
const request = (line: string): FakeRequestRecord => {
  const [method = 'GET', target = '/'] = line.split(' ');
  const [path = '/', query = ''] = target.split('?');
  seq += 1;
  return { seq, method, path, query, outcome: 'answered', status: 200 };
};
const stray = (flavor: 'cloud' | 'datacenter', tool: string, args: unknown, ...lines: string[]): string[] =>
  strayUpstreamPaths(flavor, [{ tool, args }], lines.map(request), 'alice');

const repo = { workspace: 'acme', repo: 'payments-api' };
const project = { workspace: 'PLAT', repo: 'payments-api' };

describe('strayUpstreamPaths (what a fuzzed call may reach upstream)', () => {
  it('lets a Cloud repository call reach its repository, encoded values in one segment included, and its workspace members', () => {
    expect(
      stray(
        'cloud',
        'delete_branch',
        repo,
        'GET /2.0/repositories/acme/payments-api?fields=mainbranch.name',
        'DELETE /2.0/repositories/acme/payments-api/refs/branches/feature%2Fcurrency',
        'GET /2.0/repositories/acme/payments-api/src/main/?pagelen=25',
        'GET /2.0/repositories/acme/payments-api/src/main/src/?pagelen=25',
        'GET /2.0/workspaces/acme/members?pagelen=100',
      ),
    ).toEqual([]);
  });

  it('flags the paths dot segments steer a Cloud call to (the known bugs)', () => {
    // get_file_content {"path":"../../../../../user"}
    expect(stray('cloud', 'get_file_content', repo, 'GET /2.0/user?format=meta')).toEqual([
      'GET /2.0/user?format=meta (outside what the call named)',
    ]);
    // get_repository {"workspace":".","repo":"acme-labs"}
    expect(
      stray('cloud', 'get_repository', { workspace: '.', repo: 'acme-labs' }, 'GET /2.0/repositories/acme-labs'),
    ).toEqual(['GET /2.0/repositories/acme-labs (outside what the call named)']);
    // delete_branch {"name":".."}: still inside the repository, but a value collapsed to nothing
    expect(stray('cloud', 'delete_branch', repo, 'DELETE /2.0/repositories/acme/payments-api/refs/')).toEqual([
      'DELETE /2.0/repositories/acme/payments-api/refs/ (an empty segment)',
    ]);
    // list_directory {"path":"../.."}
    expect(stray('cloud', 'list_directory', repo, 'GET /2.0/repositories/acme/payments-api/?pagelen=25')).toEqual([
      'GET /2.0/repositories/acme/payments-api/?pagelen=25 (an empty segment)',
    ]);
    expect(stray('cloud', 'list_branches', repo, 'GET /2.0/repositories/acme/payments-api/%2E%2E/x')).toEqual([
      'GET /2.0/repositories/acme/payments-api/%2E%2E/x (a dot segment)',
    ]);
  });

  it('flags another repository of the same workspace, and the account, for a repository call', () => {
    expect(
      stray(
        'cloud',
        'list_branches',
        repo,
        'GET /2.0/repositories/acme/identity-service/refs/branches',
        'GET /2.0/user',
      ),
    ).toHaveLength(2);
  });

  it('lets the tools that act as the caller read the account, and no other', () => {
    expect(stray('cloud', 'get_current_user', {}, 'GET /2.0/user')).toEqual([]);
    expect(stray('cloud', 'list_pull_requests', { ...repo, mine: 'authored' }, 'GET /2.0/user')).toEqual([]);
    expect(stray('cloud', 'list_workspaces', {}, 'GET /2.0/user/workspaces')).toEqual([]);
    expect(stray('cloud', 'list_workspaces', {}, 'GET /2.0/user')).toHaveLength(1);
  });

  it('keeps a workspace call inside its workspace', () => {
    expect(
      stray(
        'cloud',
        'list_repositories',
        { workspace: 'acme' },
        'GET /2.0/repositories/acme?pagelen=25',
        'GET /2.0/workspaces/acme/projects',
      ),
    ).toEqual([]);
    expect(
      stray('cloud', 'list_projects', { workspace: 'acme' }, 'GET /2.0/workspaces/acme-labs/projects'),
    ).toHaveLength(1);
  });

  it('lets a Data Center repository call reach its repository under any plugin, and the build statuses of a commit', () => {
    expect(
      stray(
        'datacenter',
        'list_build_statuses',
        project,
        'GET /rest/api/latest/projects/PLAT/repos/payments-api/commits?until=main&limit=1',
        'GET /rest/build-status/latest/commits/d93c76fb21285bb8f789d1c7df3c365e071713e4?start=0&limit=25',
        'DELETE /rest/branch-utils/latest/projects/PLAT/repos/payments-api/branches',
      ),
    ).toEqual([]);
    expect(
      stray(
        'datacenter',
        'get_commit',
        project,
        'GET /rest/build-status/latest/commits/d93c76fb21285bb8f789d1c7df3c365e071713e4',
      ),
    ).toHaveLength(1);
  });

  it('flags where a "." repository takes a Data Center call, and a project another than the one named', () => {
    // create_branch {"repo":"."}
    expect(
      stray(
        'datacenter',
        'create_branch',
        { workspace: 'PLAT', repo: '.' },
        'POST /rest/api/latest/projects/PLAT/repos/branches',
      ),
    ).toHaveLength(1);
    expect(
      stray(
        'datacenter',
        'list_repositories',
        { workspace: 'PLAT', query: 'pay' },
        'GET /rest/api/latest/repos?projectkey=PLAT&name=pay',
      ),
    ).toEqual([]);
    expect(
      stray(
        'datacenter',
        'list_repositories',
        { workspace: 'PLAT', query: 'pay' },
        'GET /rest/api/latest/repos?projectkey=LAB&name=pay',
      ),
    ).toHaveLength(1);
  });

  it("lets the Data Center tools that act as the caller find out who that is, and read only the caller's user", () => {
    const asCaller = ['GET /rest/api/latest/projects?limit=1', 'GET /rest/api/latest/users/alice'];
    expect(stray('datacenter', 'approve_pull_request', { ...project, pullRequestId: 1 }, ...asCaller)).toEqual([]);
    expect(
      stray('datacenter', 'approve_pull_request', { ...project, pullRequestId: 1 }, 'GET /rest/api/latest/users/bob'),
    ).toHaveLength(1);
    expect(stray('datacenter', 'get_repository', project, ...asCaller)).toHaveLength(2);
  });

  it('flags every request of a call that names nothing it could reach, and of arguments that are not strings', () => {
    expect(
      stray(
        'cloud',
        'get_repository',
        { workspace: 1, repo: ['payments-api'] },
        'GET /2.0/repositories/1/payments-api',
      ),
    ).toHaveLength(1);
    expect(strayUpstreamPaths('cloud', [], [request('GET /2.0/user')], 'alice')).toHaveLength(1);
  });

  it('takes a lone surrogate of a name as the U+FFFD a URL carries instead', () => {
    expect(
      stray(
        'cloud',
        'list_branches',
        { workspace: 'acme', repo: 'pay\ud800' },
        'GET /2.0/repositories/acme/pay%EF%BF%BD/refs/branches',
      ),
    ).toEqual([]);
  });
});
