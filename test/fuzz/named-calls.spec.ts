import { namedCalls } from './named-calls';

const templates = [{ name: 'repository_file', uriTemplate: 'bitbucket://{workspace}/{repo}/file/{ref}/{+path}' }];

describe('namedCalls (what a POST body names)', () => {
  it('reads tool calls, prompts and resource reads, in a batch too', () => {
    const body = JSON.stringify([
      {
        jsonrpc: '2.0',
        id: 1,
        method: 'tools/call',
        params: { name: 'get_repository', arguments: { workspace: 'acme' } },
      },
      {
        jsonrpc: '2.0',
        id: 2,
        method: 'prompts/get',
        params: { name: 'review_pull_request', arguments: { repo: 'x' } },
      },
      {
        jsonrpc: '2.0',
        id: 3,
        method: 'resources/read',
        params: { uri: 'bitbucket://acme/pay%2Fments/file/feature%2Fx/src/a.ts' },
      },
      { jsonrpc: '2.0', id: 4, method: 'ping' },
    ]);
    expect(namedCalls(body, templates)).toEqual([
      { tool: 'get_repository', args: { workspace: 'acme' } },
      { tool: 'prompt review_pull_request', args: { repo: 'x' } },
      {
        tool: 'resource repository_file',
        args: { workspace: 'acme', repo: 'pay/ments', ref: 'feature/x', path: 'src/a.ts' },
      },
    ]);
  });

  it('reads a resource URI as the server does, dot segments resolved', () => {
    expect(
      namedCalls('{"method":"resources/read","params":{"uri":"bitbucket://./payments-api/file/main/%20"}}', templates),
    ).toEqual([
      { tool: 'resource repository_file', args: { workspace: '.', repo: 'payments-api', ref: 'main', path: ' ' } },
    ]);
  });

  it('names nothing for bodies that are not JSON, or not calls', () => {
    expect(namedCalls('{"jsonrpc":', templates)).toEqual([]);
    expect(namedCalls('{"method":"tools/call","params":{"name":1}}', templates)).toEqual([]);
  });
});
