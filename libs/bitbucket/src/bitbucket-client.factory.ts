import type { BitbucketClient } from './bitbucket-client.port';
import type { BitbucketFlavor } from './bitbucket-flavor';
import { createCloudBitbucketClient } from './cloud/cloud-bitbucket.client.factory';
import { createDatacenterBitbucketClient } from './datacenter/datacenter-bitbucket.client.factory';
import type { PageCursors } from './pagination/page-cursors';
import type { BitbucketUpstream } from './upstream/bitbucket-upstream';

/** The adapter of the configured flavor, over the one shared upstream. */
export function createBitbucketClient(
  flavor: BitbucketFlavor,
  upstream: BitbucketUpstream,
  cursors: PageCursors,
): BitbucketClient {
  return flavor === 'cloud'
    ? createCloudBitbucketClient(upstream, cursors)
    : createDatacenterBitbucketClient(upstream, cursors);
}
