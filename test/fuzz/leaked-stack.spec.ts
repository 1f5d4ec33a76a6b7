import { REPO_ROOT } from '@app/testing';
import { leakedStack } from './leaked-stack';

describe('leakedStack (what only a stack trace puts into an answer)', () => {
  it('finds stack frames, even escaped inside a JSON body', () => {
    const error = new URIError('URI malformed');
    error.stack = `URIError: URI malformed\n    at encodeURIComponent (<anonymous>)\n    at segment (/srv/app/dist/libs/bitbucket/src/cloud/cloud-path.js:5:28)`;
    expect(leakedStack(JSON.stringify({ error: { message: error.stack } }), '{}')).toBeDefined();
    expect(
      leakedStack('    at async Promise.all (index 0)\n    at node:internal/process/task_queues:104:5', ''),
    ).toBeDefined();
    expect(leakedStack('failed in main.js:12:5', '')).toBe('main.js:12:5');
    expect(leakedStack('{"message":"see /srv/app/node_modules/zod/index.js"}', '')).toBeDefined();
    expect(leakedStack(`cannot read ${REPO_ROOT}/config`, '')).toBeDefined();
  });

  it('leaves ordinary answers alone: comments on file.ts:12, paths in a repository, numbers', () => {
    expect(leakedStack('alice on src/payments/refund.ts:42: "at least 1"', '')).toBeUndefined();
    expect(leakedStack('{"items":[{"path":"dist/index.js"},{"path":"node_modules/.bin"}]}', '')).toBeUndefined();
    expect(leakedStack('Something went wrong on the server. at 12:30', '')).toBeUndefined();
  });

  it('does not count what the request itself carried, quoted back', () => {
    const hostile = '{"path":"    at x (/etc/passwd:1:1)"}';
    expect(leakedStack('{"message":"    at x (/etc/passwd:1:1) is not a file"}', hostile)).toBeUndefined();
  });
});
