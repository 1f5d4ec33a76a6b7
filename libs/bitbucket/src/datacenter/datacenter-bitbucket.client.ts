import { BitbucketClient, type BitbucketFeature } from '../bitbucket-client.port';
import { BitbucketErrorCode } from '../bitbucket-error-code.enum';
import { BitbucketException } from '../bitbucket.exception';
import type { BitbucketUpstream } from '../upstream/bitbucket-upstream';
import { DatacenterApi } from './datacenter-api';
import { DatacenterCommentsApi } from './datacenter-comments.api';
import { DatacenterCommitsApi } from './datacenter-commits.api';
import { DatacenterContextApi } from './datacenter-context.api';
import { DatacenterFilesApi } from './datacenter-files.api';
import { DatacenterPullRequestChangesApi } from './datacenter-pull-request-changes.api';
import { DatacenterPullRequestReviewsApi } from './datacenter-pull-request-reviews.api';
import { DatacenterPullRequestsApi } from './datacenter-pull-requests.api';
import { DatacenterRefsApi } from './datacenter-refs.api';
import { DatacenterRepositoriesApi } from './datacenter-repositories.api';

type Operation = Exclude<keyof BitbucketClient, 'flavor'>;
type In<K extends Operation> = Parameters<BitbucketClient[K]>;
type Out<K extends Operation> = ReturnType<BitbucketClient[K]>;

const FEATURES: ReadonlySet<BitbucketFeature> = new Set(['pull-request-dashboard']);

/** Pipelines and issues are Bitbucket Cloud services: Data Center has neither API. */
function cloudOnly(feature: string): Promise<never> {
  return Promise.reject(
    new BitbucketException(BitbucketErrorCode.UNSUPPORTED, `Bitbucket Data Center has no ${feature} API`, {
      params: { feature },
    }),
  );
}

/** The gateway on Bitbucket Data Center REST (`/rest/api/latest`): every operation delegates to its area. */
export class DatacenterBitbucketClient extends BitbucketClient {
  readonly flavor = 'datacenter';

  private readonly context: DatacenterContextApi;
  private readonly repositories: DatacenterRepositoriesApi;
  private readonly refs: DatacenterRefsApi;
  private readonly commits: DatacenterCommitsApi;
  private readonly files: DatacenterFilesApi;
  private readonly pullRequests: DatacenterPullRequestsApi;
  private readonly changes: DatacenterPullRequestChangesApi;
  private readonly reviews: DatacenterPullRequestReviewsApi;
  private readonly comments: DatacenterCommentsApi;

  constructor(upstream: BitbucketUpstream) {
    super();
    const api = new DatacenterApi(upstream);
    this.context = new DatacenterContextApi(api);
    this.repositories = new DatacenterRepositoriesApi(api);
    this.refs = new DatacenterRefsApi(api);
    this.commits = new DatacenterCommitsApi(api);
    this.files = new DatacenterFilesApi(api);
    this.pullRequests = new DatacenterPullRequestsApi(api);
    this.changes = new DatacenterPullRequestChangesApi(api);
    this.reviews = new DatacenterPullRequestReviewsApi(api);
    this.comments = new DatacenterCommentsApi(api);
  }

  supports(feature: BitbucketFeature): boolean {
    return FEATURES.has(feature);
  }

  // Context
  getCurrentUser(...args: In<'getCurrentUser'>): Out<'getCurrentUser'> {
    return this.context.getCurrentUser(...args);
  }

  listWorkspaces(): Out<'listWorkspaces'> {
    return this.context.listWorkspaces();
  }

  listProjects(...args: In<'listProjects'>): Out<'listProjects'> {
    return this.context.listProjects(...args);
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
    return this.pullRequests.listPullRequestActivity(...args);
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

  // Pipelines and issues: Cloud only
  listPipelines(): Out<'listPipelines'> {
    return cloudOnly('pipelines');
  }

  getPipeline(): Out<'getPipeline'> {
    return cloudOnly('pipelines');
  }

  triggerPipeline(): Out<'triggerPipeline'> {
    return cloudOnly('pipelines');
  }

  stopPipeline(): Out<'stopPipeline'> {
    return cloudOnly('pipelines');
  }

  listPipelineSteps(): Out<'listPipelineSteps'> {
    return cloudOnly('pipelines');
  }

  getPipelineStepLog(): Out<'getPipelineStepLog'> {
    return cloudOnly('pipelines');
  }

  listIssues(): Out<'listIssues'> {
    return cloudOnly('issues');
  }

  getIssue(): Out<'getIssue'> {
    return cloudOnly('issues');
  }

  createIssue(): Out<'createIssue'> {
    return cloudOnly('issues');
  }

  addIssueComment(): Out<'addIssueComment'> {
    return cloudOnly('issues');
  }
}
