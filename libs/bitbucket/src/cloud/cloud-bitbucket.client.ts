import { BitbucketClient, type BitbucketFeature } from '../bitbucket-client.port';
import { BitbucketErrorCode } from '../bitbucket-error-code.enum';
import { BitbucketException } from '../bitbucket.exception';
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

type Operation = Exclude<keyof BitbucketClient, 'flavor'>;
type In<K extends Operation> = Parameters<BitbucketClient[K]>;
type Out<K extends Operation> = ReturnType<BitbucketClient[K]>;

const FEATURES: ReadonlySet<BitbucketFeature> = new Set(['workspaces', 'pipelines', 'issues', 'superseded-state']);

/** The gateway on Bitbucket Cloud REST 2.0: every operation delegates to the area it belongs to. */
export class CloudBitbucketClient extends BitbucketClient {
  readonly flavor = 'cloud';

  private readonly context: CloudContextApi;
  private readonly repositories: CloudRepositoriesApi;
  private readonly refs: CloudRefsApi;
  private readonly commits: CloudCommitsApi;
  private readonly files: CloudFilesApi;
  private readonly pullRequests: CloudPullRequestsApi;
  private readonly changes: CloudPullRequestChangesApi;
  private readonly reviews: CloudPullRequestReviewsApi;
  private readonly comments: CloudCommentsApi;
  private readonly pipelines: CloudPipelinesApi;
  private readonly issues: CloudIssuesApi;

  constructor(upstream: BitbucketUpstream) {
    super();
    const api = new CloudApi(upstream);
    this.context = new CloudContextApi(api);
    this.repositories = new CloudRepositoriesApi(api);
    this.refs = new CloudRefsApi(api);
    this.commits = new CloudCommitsApi(api);
    this.files = new CloudFilesApi(api);
    this.pullRequests = new CloudPullRequestsApi(api);
    this.changes = new CloudPullRequestChangesApi(api);
    this.reviews = new CloudPullRequestReviewsApi(api);
    this.comments = new CloudCommentsApi(api);
    this.pipelines = new CloudPipelinesApi(api);
    this.issues = new CloudIssuesApi(api);
  }

  supports(feature: BitbucketFeature): boolean {
    return FEATURES.has(feature);
  }

  // Context
  getCurrentUser(...args: In<'getCurrentUser'>): Out<'getCurrentUser'> {
    return this.context.getCurrentUser(...args);
  }
  listWorkspaces(...args: In<'listWorkspaces'>): Out<'listWorkspaces'> {
    return this.context.listWorkspaces(...args);
  }

  /** Cloud projects live in workspaces: there is no listing across all of them. */
  listProjects(...[input, options]: In<'listProjects'>): Out<'listProjects'> {
    if (input.workspace === undefined || input.workspace === '') {
      return Promise.reject(
        new BitbucketException(BitbucketErrorCode.UNSUPPORTED, 'Bitbucket Cloud lists projects per workspace only', {
          params: { feature: 'projects across workspaces' },
        }),
      );
    }
    return this.context.listProjects(input, options);
  }

  getProject(...args: In<'getProject'>): Out<'getProject'> {
    return this.context.getProject(...args);
  }
  listUsers(...args: In<'listUsers'>): Out<'listUsers'> {
    return this.context.listUsers(...args);
  }

  // Repositories
  listRepositories(...args: In<'listRepositories'>): Out<'listRepositories'> {
    return this.repositories.listRepositories(...args);
  }
  getRepository(...args: In<'getRepository'>): Out<'getRepository'> {
    return this.repositories.getRepository(...args);
  }

  // Refs
  listBranches(...args: In<'listBranches'>): Out<'listBranches'> {
    return this.refs.listBranches(...args);
  }
  createBranch(...args: In<'createBranch'>): Out<'createBranch'> {
    return this.refs.createBranch(...args);
  }
  deleteBranch(...args: In<'deleteBranch'>): Out<'deleteBranch'> {
    return this.refs.deleteBranch(...args);
  }
  listTags(...args: In<'listTags'>): Out<'listTags'> {
    return this.refs.listTags(...args);
  }
  createTag(...args: In<'createTag'>): Out<'createTag'> {
    return this.refs.createTag(...args);
  }

  // Commits and diffs
  listCommits(...args: In<'listCommits'>): Out<'listCommits'> {
    return this.commits.listCommits(...args);
  }
  getCommit(...args: In<'getCommit'>): Out<'getCommit'> {
    return this.commits.getCommit(...args);
  }
  compareRefs(...args: In<'compareRefs'>): Out<'compareRefs'> {
    return this.commits.compareRefs(...args);
  }
  getCommitDiff(...args: In<'getCommitDiff'>): Out<'getCommitDiff'> {
    return this.commits.getCommitDiff(...args);
  }
  listBuildStatuses(...args: In<'listBuildStatuses'>): Out<'listBuildStatuses'> {
    return this.commits.listBuildStatuses(...args);
  }

  // Files
  getFileContent(...args: In<'getFileContent'>): Out<'getFileContent'> {
    return this.files.getFileContent(...args);
  }
  listDirectory(...args: In<'listDirectory'>): Out<'listDirectory'> {
    return this.files.listDirectory(...args);
  }
  searchCode(...args: In<'searchCode'>): Out<'searchCode'> {
    return this.files.searchCode(...args);
  }

  // Pull requests
  listPullRequests(...args: In<'listPullRequests'>): Out<'listPullRequests'> {
    return this.pullRequests.listPullRequests(...args);
  }
  getPullRequest(...args: In<'getPullRequest'>): Out<'getPullRequest'> {
    return this.pullRequests.getPullRequest(...args);
  }
  createPullRequest(...args: In<'createPullRequest'>): Out<'createPullRequest'> {
    return this.pullRequests.createPullRequest(...args);
  }
  updatePullRequest(...args: In<'updatePullRequest'>): Out<'updatePullRequest'> {
    return this.pullRequests.updatePullRequest(...args);
  }
  getPullRequestDiff(...args: In<'getPullRequestDiff'>): Out<'getPullRequestDiff'> {
    return this.changes.getPullRequestDiff(...args);
  }
  getPullRequestDiffstat(...args: In<'getPullRequestDiffstat'>): Out<'getPullRequestDiffstat'> {
    return this.changes.getPullRequestDiffstat(...args);
  }
  listPullRequestCommits(...args: In<'listPullRequestCommits'>): Out<'listPullRequestCommits'> {
    return this.changes.listPullRequestCommits(...args);
  }
  listPullRequestActivity(...args: In<'listPullRequestActivity'>): Out<'listPullRequestActivity'> {
    return this.changes.listPullRequestActivity(...args);
  }
  approvePullRequest(...args: In<'approvePullRequest'>): Out<'approvePullRequest'> {
    return this.reviews.approvePullRequest(...args);
  }
  unapprovePullRequest(...args: In<'unapprovePullRequest'>): Out<'unapprovePullRequest'> {
    return this.reviews.unapprovePullRequest(...args);
  }
  requestChanges(...args: In<'requestChanges'>): Out<'requestChanges'> {
    return this.reviews.requestChanges(...args);
  }
  mergePullRequest(...args: In<'mergePullRequest'>): Out<'mergePullRequest'> {
    return this.reviews.mergePullRequest(...args);
  }
  declinePullRequest(...args: In<'declinePullRequest'>): Out<'declinePullRequest'> {
    return this.reviews.declinePullRequest(...args);
  }

  // Comments and tasks
  listComments(...args: In<'listComments'>): Out<'listComments'> {
    return this.comments.listComments(...args);
  }
  addComment(...args: In<'addComment'>): Out<'addComment'> {
    return this.comments.addComment(...args);
  }
  updateComment(...args: In<'updateComment'>): Out<'updateComment'> {
    return this.comments.updateComment(...args);
  }
  deleteComment(...args: In<'deleteComment'>): Out<'deleteComment'> {
    return this.comments.deleteComment(...args);
  }
  resolveCommentThread(...args: In<'resolveCommentThread'>): Out<'resolveCommentThread'> {
    return this.comments.resolveCommentThread(...args);
  }
  listTasks(...args: In<'listTasks'>): Out<'listTasks'> {
    return this.comments.listTasks(...args);
  }
  createTask(...args: In<'createTask'>): Out<'createTask'> {
    return this.comments.createTask(...args);
  }
  updateTask(...args: In<'updateTask'>): Out<'updateTask'> {
    return this.comments.updateTask(...args);
  }
  deleteTask(...args: In<'deleteTask'>): Out<'deleteTask'> {
    return this.comments.deleteTask(...args);
  }

  // Pipelines
  listPipelines(...args: In<'listPipelines'>): Out<'listPipelines'> {
    return this.pipelines.listPipelines(...args);
  }
  getPipeline(...args: In<'getPipeline'>): Out<'getPipeline'> {
    return this.pipelines.getPipeline(...args);
  }
  triggerPipeline(...args: In<'triggerPipeline'>): Out<'triggerPipeline'> {
    return this.pipelines.triggerPipeline(...args);
  }
  stopPipeline(...args: In<'stopPipeline'>): Out<'stopPipeline'> {
    return this.pipelines.stopPipeline(...args);
  }
  listPipelineSteps(...args: In<'listPipelineSteps'>): Out<'listPipelineSteps'> {
    return this.pipelines.listPipelineSteps(...args);
  }
  getPipelineStepLog(...args: In<'getPipelineStepLog'>): Out<'getPipelineStepLog'> {
    return this.pipelines.getPipelineStepLog(...args);
  }

  // Issues
  listIssues(...args: In<'listIssues'>): Out<'listIssues'> {
    return this.issues.listIssues(...args);
  }
  getIssue(...args: In<'getIssue'>): Out<'getIssue'> {
    return this.issues.getIssue(...args);
  }
  createIssue(...args: In<'createIssue'>): Out<'createIssue'> {
    return this.issues.createIssue(...args);
  }
  addIssueComment(...args: In<'addIssueComment'>): Out<'addIssueComment'> {
    return this.issues.addIssueComment(...args);
  }
}
