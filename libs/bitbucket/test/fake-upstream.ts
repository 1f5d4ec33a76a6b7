import type { FakeBitbucketProcess } from '@app/testing';
import { BitbucketEvents } from '../src/bitbucket-events';
import type { BitbucketFlavor } from '../src/bitbucket-flavor';
import { createBitbucketUpstream } from '../src/bitbucket-upstream.factory';
import type { BitbucketUpstream } from '../src/upstream/bitbucket-upstream';
import { configFor } from './gateway-config';

/** A real upstream to the fake Bitbucket of `flavor`, signed in as a seeded `user` (API token or password). */
export function fakeUpstream(fake: FakeBitbucketProcess, flavor: BitbucketFlavor, user = 'alice'): BitbucketUpstream {
  const env: Record<string, string> =
    flavor === 'cloud'
      ? {
          BITBUCKET_URL: fake.cloudUrl,
          BITBUCKET_EMAIL: `${user}@acme.example`,
          BITBUCKET_API_TOKEN: `ATATT-fake-${user}`,
        }
      : { BITBUCKET_URL: fake.datacenterUrl, BITBUCKET_USERNAME: user, BITBUCKET_PASSWORD: `${user}-password` };
  return createBitbucketUpstream(configFor(env), new BitbucketEvents());
}
