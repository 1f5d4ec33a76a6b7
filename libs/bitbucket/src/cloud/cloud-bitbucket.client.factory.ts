import { AreaBitbucketClient } from '../area-bitbucket.client';
import type { BitbucketClient, BitbucketFeature } from '../bitbucket-client.port';
import type { PageCursors } from '../pagination/page-cursors';
import type { BitbucketUpstream } from '../upstream/bitbucket-upstream';
import { CloudApi } from './cloud-api';
import { CloudCommentsApi } from './cloud-comments.api';
import { CloudCommitsApi } from './cloud-commits.api';
import { CloudContextApi } from './cloud-context.api';
import { CloudFilesApi } from './cloud-files.api';
import { CloudIssuesApi } from './cloud-issues.api';
import { CloudPipelinesApi } from './cloud-pipelines.api';
import { CloudPullRequestChangesApi } from './cloud-pull-request-changes.api';
import { CloudPullRequestReviewsApi } from './cloud-pull-request-reviews.api';
import { CloudPullRequestsApi } from './cloud-pull-requests.api';
import { CloudRefsApi } from './cloud-refs.api';
import { CloudRepositoriesApi } from './cloud-repositories.api';

const CLOUD_FEATURES: ReadonlySet<BitbucketFeature> = new Set([
  'workspaces',
  'pipelines',
  'issues',
  'superseded-state',
]);

/** The gateway on Bitbucket Cloud REST 2.0: its areas over one CloudApi. */
export function createCloudBitbucketClient(upstream: BitbucketUpstream, cursors: PageCursors): BitbucketClient {
  const api = new CloudApi(upstream, cursors);
  return new AreaBitbucketClient('cloud', CLOUD_FEATURES, {
    context: new CloudContextApi(api),
    repositories: new CloudRepositoriesApi(api),
    refs: new CloudRefsApi(api),
    commits: new CloudCommitsApi(api),
    files: new CloudFilesApi(api),
    pullRequests: new CloudPullRequestsApi(api),
    changes: new CloudPullRequestChangesApi(api),
    reviews: new CloudPullRequestReviewsApi(api),
    comments: new CloudCommentsApi(api),
    pipelines: new CloudPipelinesApi(api),
    issues: new CloudIssuesApi(api),
  });
}
