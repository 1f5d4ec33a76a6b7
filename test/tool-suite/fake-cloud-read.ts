import { basicAuth, type FakeBitbucketProcess } from '@app/testing';

/**
 * Reads Bitbucket Cloud's own answer from the fake, as alice: what a write left behind, for the fields
 * no tool returns (pipeline variables, issue comments).
 */
export async function readFakeCloud<T>(fake: FakeBitbucketProcess, path: string): Promise<T> {
  const res = await fetch(`${fake.cloudUrl}${path}`, {
    headers: { Authorization: basicAuth('alice@acme.example', 'ATATT-fake-alice') },
  });
  if (!res.ok) throw new Error(`GET ${path}: ${res.status} ${await res.text()}`);
  return (await res.json()) as T;
}
