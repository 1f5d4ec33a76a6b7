import type { BitbucketClient } from './bitbucket-client.port';
import type { BitbucketFlavor } from './bitbucket-flavor';
import { CloudBitbucketClient } from './cloud/cloud-bitbucket.client';
import { DatacenterBitbucketClient } from './datacenter/datacenter-bitbucket.client';
import type { BitbucketUpstream } from './upstream/bitbucket-upstream';

/** The adapter of the configured flavor, over the one shared upstream. */
export function createBitbucketClient(flavor: BitbucketFlavor, upstream: BitbucketUpstream): BitbucketClient {
  return flavor === 'cloud' ? new CloudBitbucketClient(upstream) : new DatacenterBitbucketClient(upstream);
}
