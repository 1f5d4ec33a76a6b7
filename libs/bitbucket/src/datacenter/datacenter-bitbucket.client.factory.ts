import { AreaBitbucketClient } from '../area-bitbucket.client';
import type { BitbucketClient, BitbucketFeature } from '../bitbucket-client.port';
import type { PageCursors } from '../pagination/page-cursors';
import type { BitbucketUpstream } from '../upstream/bitbucket-upstream';
import { DatacenterApi } from './datacenter-api';
import { datacenterCloudOnlyApi } from './datacenter-cloud-only.api';
import { DatacenterCommentsApi } from './datacenter-comments.api';
import { DatacenterCommitsApi } from './datacenter-commits.api';
import { DatacenterContextApi } from './datacenter-context.api';
import { DatacenterFilesApi } from './datacenter-files.api';
import { DatacenterPullRequestChangesApi } from './datacenter-pull-request-changes.api';
import { DatacenterPullRequestReviewsApi } from './datacenter-pull-request-reviews.api';
import { DatacenterPullRequestsApi } from './datacenter-pull-requests.api';
import { DatacenterRefsApi } from './datacenter-refs.api';
import { DatacenterRepositoriesApi } from './datacenter-repositories.api';

const DATACENTER_FEATURES: ReadonlySet<BitbucketFeature> = new Set(['pull-request-dashboard']);

/** The gateway on Bitbucket Data Center REST (`/rest/api/latest`): its areas over one DatacenterApi. */
export function createDatacenterBitbucketClient(upstream: BitbucketUpstream, cursors: PageCursors): BitbucketClient {
  const api = new DatacenterApi(upstream, cursors);
  return new AreaBitbucketClient('datacenter', DATACENTER_FEATURES, {
    context: new DatacenterContextApi(api),
    repositories: new DatacenterRepositoriesApi(api),
    refs: new DatacenterRefsApi(api),
    commits: new DatacenterCommitsApi(api),
    files: new DatacenterFilesApi(api),
    pullRequests: new DatacenterPullRequestsApi(api),
    changes: new DatacenterPullRequestChangesApi(api),
    reviews: new DatacenterPullRequestReviewsApi(api),
    comments: new DatacenterCommentsApi(api),
    pipelines: datacenterCloudOnlyApi,
    issues: datacenterCloudOnlyApi,
  });
}
