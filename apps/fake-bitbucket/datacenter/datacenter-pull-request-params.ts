/** Route parameters of `…/projects/{projectKey}/repos/{repositorySlug}/pull-requests/{pullRequestId}`. */
export interface DatacenterPullRequestParams {
  readonly projectKey: string;
  readonly repositorySlug: string;
  readonly pullRequestId: string;
}
