import type { BitbucketClient } from './bitbucket-client.port';

/**
 * The areas a flavor's adapter is made of, each typed as the operations of the port it carries out:
 * AreaBitbucketClient delegates every operation to its area, so a flavor only says which objects
 * these are.
 */
export interface BitbucketAreas {
  readonly context: Pick<
    BitbucketClient,
    'getCurrentUser' | 'listWorkspaces' | 'listProjects' | 'getProject' | 'listUsers'
  >;
  readonly repositories: Pick<BitbucketClient, 'listRepositories' | 'getRepository'>;
  readonly refs: Pick<BitbucketClient, 'listBranches' | 'createBranch' | 'deleteBranch' | 'listTags' | 'createTag'>;
  readonly commits: Pick<
    BitbucketClient,
    'listCommits' | 'getCommit' | 'compareRefs' | 'getCommitDiff' | 'listBuildStatuses'
  >;
  readonly files: Pick<BitbucketClient, 'getFileContent' | 'listDirectory' | 'searchCode'>;
  readonly pullRequests: Pick<
    BitbucketClient,
    'listPullRequests' | 'getPullRequest' | 'createPullRequest' | 'updatePullRequest'
  >;
  readonly changes: Pick<
    BitbucketClient,
    'getPullRequestDiff' | 'getPullRequestDiffstat' | 'listPullRequestCommits' | 'listPullRequestActivity'
  >;
  readonly reviews: Pick<
    BitbucketClient,
    'approvePullRequest' | 'unapprovePullRequest' | 'requestChanges' | 'mergePullRequest' | 'declinePullRequest'
  >;
  readonly comments: Pick<
    BitbucketClient,
    | 'listComments'
    | 'addComment'
    | 'updateComment'
    | 'deleteComment'
    | 'resolveCommentThread'
    | 'listTasks'
    | 'createTask'
    | 'updateTask'
    | 'deleteTask'
  >;
  readonly pipelines: Pick<
    BitbucketClient,
    'listPipelines' | 'getPipeline' | 'triggerPipeline' | 'stopPipeline' | 'listPipelineSteps' | 'getPipelineStepLog'
  >;
  readonly issues: Pick<BitbucketClient, 'listIssues' | 'getIssue' | 'createIssue' | 'addIssueComment'>;
}
