import type { FakeBitbucketProcess } from '@app/testing';
import type { Flavor } from './tool-case';

/** The gateway settings that point a server at the fake, as alice, in `flavor`. */
export function bitbucketEnv(fake: FakeBitbucketProcess, flavor: Flavor): Record<string, string> {
  return flavor === 'cloud'
    ? { BITBUCKET_URL: fake.cloudUrl, BITBUCKET_EMAIL: 'alice@acme.example', BITBUCKET_API_TOKEN: 'ATATT-fake-alice' }
    : { BITBUCKET_URL: fake.datacenterUrl, BITBUCKET_USERNAME: 'alice', BITBUCKET_PASSWORD: 'alice-password' };
}
