import type { Flavor } from '../tool-suite/tool-case';

/**
 * Where a forged cursor tries to send the server: the same origin's other resources (another workspace, the
 * account, the other flavor's API), the same server under another host name, a closed loopback port, and
 * Data Center page starts no page has. Loopback only: a server that follows one must not leave the machine.
 */
export function cursorTargets(flavor: Flavor, fakeUrl: string): (string | number)[] {
  const { port } = new URL(fakeUrl);
  const anywhere = ['http://127.0.0.1:1/2.0/user', '//127.0.0.1:1/x', '../../../user', -1, 2 ** 53, 1.5];
  return flavor === 'cloud'
    ? [
        ...anywhere,
        `${fakeUrl}/2.0/user`,
        '/2.0/user',
        `${fakeUrl}/2.0/repositories/acme-labs/ml-experiments/refs/branches`,
        `${fakeUrl}/2.0/workspaces/acme-labs/members`,
        `http://localhost:${port}/2.0/user`,
        `${fakeUrl}/rest/api/latest/projects`,
      ]
    : [
        ...anywhere,
        0,
        `${fakeUrl}/rest/api/latest/users`,
        '/rest/api/latest/projects/LAB/repos/ml-experiments/branches',
      ];
}
