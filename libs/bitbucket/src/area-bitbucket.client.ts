import { BitbucketClient, type BitbucketFeature } from './bitbucket-client.port';
import type { BitbucketAreas } from './bitbucket-areas';
import type { BitbucketFlavor } from './bitbucket-flavor';

type Operation = Exclude<keyof BitbucketClient, 'flavor' | 'supports'>;
type In<K extends Operation> = Parameters<BitbucketClient[K]>;
type Out<K extends Operation> = ReturnType<BitbucketClient[K]>;

/**
 * The gateway of either flavor: every operation delegates to the area of `areas` that carries it out.
 * What differs between Cloud and Data Center lives in the areas and the feature set, never here.
 */
export class AreaBitbucketClient extends BitbucketClient {
  constructor(
    readonly flavor: BitbucketFlavor,
    private readonly features: ReadonlySet<BitbucketFeature>,
    private readonly areas: BitbucketAreas,
  ) {
    super();
  }

  supports(feature: BitbucketFeature): boolean {
    return this.features.has(feature);
  }

  // Context
  async getCurrentUser(...args: In<'getCurrentUser'>): Out<'getCurrentUser'> {
    return this.areas.context.getCurrentUser(...args);
  }
  async listWorkspaces(...args: In<'listWorkspaces'>): Out<'listWorkspaces'> {
    return this.areas.context.listWorkspaces(...args);
  }
  async listProjects(...args: In<'listProjects'>): Out<'listProjects'> {
    return this.areas.context.listProjects(...args);
  }
  async getProject(...args: In<'getProject'>): Out<'getProject'> {
    return this.areas.context.getProject(...args);
  }
  async listUsers(...args: In<'listUsers'>): Out<'listUsers'> {
    return this.areas.context.listUsers(...args);
  }

  // Repositories
  async listRepositories(...args: In<'listRepositories'>): Out<'listRepositories'> {
    return this.areas.repositories.listRepositories(...args);
  }
  async getRepository(...args: In<'getRepository'>): Out<'getRepository'> {
    return this.areas.repositories.getRepository(...args);
  }

  // Refs
  async listBranches(...args: In<'listBranches'>): Out<'listBranches'> {
    return this.areas.refs.listBranches(...args);
  }
  async createBranch(...args: In<'createBranch'>): Out<'createBranch'> {
    return this.areas.refs.createBranch(...args);
  }
  async deleteBranch(...args: In<'deleteBranch'>): Out<'deleteBranch'> {
    return this.areas.refs.deleteBranch(...args);
  }
  async listTags(...args: In<'listTags'>): Out<'listTags'> {
    return this.areas.refs.listTags(...args);
  }
  async createTag(...args: In<'createTag'>): Out<'createTag'> {
    return this.areas.refs.createTag(...args);
  }

  // Commits and diffs
  async listCommits(...args: In<'listCommits'>): Out<'listCommits'> {
    return this.areas.commits.listCommits(...args);
  }
  async getCommit(...args: In<'getCommit'>): Out<'getCommit'> {
    return this.areas.commits.getCommit(...args);
  }
  async compareRefs(...args: In<'compareRefs'>): Out<'compareRefs'> {
    return this.areas.commits.compareRefs(...args);
  }
  async getCommitDiff(...args: In<'getCommitDiff'>): Out<'getCommitDiff'> {
    return this.areas.commits.getCommitDiff(...args);
  }
  async listBuildStatuses(...args: In<'listBuildStatuses'>): Out<'listBuildStatuses'> {
    return this.areas.commits.listBuildStatuses(...args);
  }

  // Files
  async getFileContent(...args: In<'getFileContent'>): Out<'getFileContent'> {
    return this.areas.files.getFileContent(...args);
  }
  async listDirectory(...args: In<'listDirectory'>): Out<'listDirectory'> {
    return this.areas.files.listDirectory(...args);
  }
  async searchCode(...args: In<'searchCode'>): Out<'searchCode'> {
    return this.areas.files.searchCode(...args);
  }

  // Pull requests
  async listPullRequests(...args: In<'listPullRequests'>): Out<'listPullRequests'> {
    return this.areas.pullRequests.listPullRequests(...args);
  }
  async getPullRequest(...args: In<'getPullRequest'>): Out<'getPullRequest'> {
    return this.areas.pullRequests.getPullRequest(...args);
  }
  async createPullRequest(...args: In<'createPullRequest'>): Out<'createPullRequest'> {
    return this.areas.pullRequests.createPullRequest(...args);
  }
  async updatePullRequest(...args: In<'updatePullRequest'>): Out<'updatePullRequest'> {
    return this.areas.pullRequests.updatePullRequest(...args);
  }
  async getPullRequestDiff(...args: In<'getPullRequestDiff'>): Out<'getPullRequestDiff'> {
    return this.areas.changes.getPullRequestDiff(...args);
  }
  async getPullRequestDiffstat(...args: In<'getPullRequestDiffstat'>): Out<'getPullRequestDiffstat'> {
    return this.areas.changes.getPullRequestDiffstat(...args);
  }
  async listPullRequestCommits(...args: In<'listPullRequestCommits'>): Out<'listPullRequestCommits'> {
    return this.areas.changes.listPullRequestCommits(...args);
  }
  async listPullRequestActivity(...args: In<'listPullRequestActivity'>): Out<'listPullRequestActivity'> {
    return this.areas.changes.listPullRequestActivity(...args);
  }
  async approvePullRequest(...args: In<'approvePullRequest'>): Out<'approvePullRequest'> {
    return this.areas.reviews.approvePullRequest(...args);
  }
  async unapprovePullRequest(...args: In<'unapprovePullRequest'>): Out<'unapprovePullRequest'> {
    return this.areas.reviews.unapprovePullRequest(...args);
  }
  async requestChanges(...args: In<'requestChanges'>): Out<'requestChanges'> {
    return this.areas.reviews.requestChanges(...args);
  }
  async mergePullRequest(...args: In<'mergePullRequest'>): Out<'mergePullRequest'> {
    return this.areas.reviews.mergePullRequest(...args);
  }
  async declinePullRequest(...args: In<'declinePullRequest'>): Out<'declinePullRequest'> {
    return this.areas.reviews.declinePullRequest(...args);
  }

  // Comments and tasks
  async listComments(...args: In<'listComments'>): Out<'listComments'> {
    return this.areas.comments.listComments(...args);
  }
  async addComment(...args: In<'addComment'>): Out<'addComment'> {
    return this.areas.comments.addComment(...args);
  }
  async updateComment(...args: In<'updateComment'>): Out<'updateComment'> {
    return this.areas.comments.updateComment(...args);
  }
  async deleteComment(...args: In<'deleteComment'>): Out<'deleteComment'> {
    return this.areas.comments.deleteComment(...args);
  }
  async resolveCommentThread(...args: In<'resolveCommentThread'>): Out<'resolveCommentThread'> {
    return this.areas.comments.resolveCommentThread(...args);
  }
  async listTasks(...args: In<'listTasks'>): Out<'listTasks'> {
    return this.areas.comments.listTasks(...args);
  }
  async createTask(...args: In<'createTask'>): Out<'createTask'> {
    return this.areas.comments.createTask(...args);
  }
  async updateTask(...args: In<'updateTask'>): Out<'updateTask'> {
    return this.areas.comments.updateTask(...args);
  }
  async deleteTask(...args: In<'deleteTask'>): Out<'deleteTask'> {
    return this.areas.comments.deleteTask(...args);
  }

  // Pipelines
  async listPipelines(...args: In<'listPipelines'>): Out<'listPipelines'> {
    return this.areas.pipelines.listPipelines(...args);
  }
  async getPipeline(...args: In<'getPipeline'>): Out<'getPipeline'> {
    return this.areas.pipelines.getPipeline(...args);
  }
  async triggerPipeline(...args: In<'triggerPipeline'>): Out<'triggerPipeline'> {
    return this.areas.pipelines.triggerPipeline(...args);
  }
  async stopPipeline(...args: In<'stopPipeline'>): Out<'stopPipeline'> {
    return this.areas.pipelines.stopPipeline(...args);
  }
  async listPipelineSteps(...args: In<'listPipelineSteps'>): Out<'listPipelineSteps'> {
    return this.areas.pipelines.listPipelineSteps(...args);
  }
  async getPipelineStepLog(...args: In<'getPipelineStepLog'>): Out<'getPipelineStepLog'> {
    return this.areas.pipelines.getPipelineStepLog(...args);
  }

  // Issues
  async listIssues(...args: In<'listIssues'>): Out<'listIssues'> {
    return this.areas.issues.listIssues(...args);
  }
  async getIssue(...args: In<'getIssue'>): Out<'getIssue'> {
    return this.areas.issues.getIssue(...args);
  }
  async createIssue(...args: In<'createIssue'>): Out<'createIssue'> {
    return this.areas.issues.createIssue(...args);
  }
  async addIssueComment(...args: In<'addIssueComment'>): Out<'addIssueComment'> {
    return this.areas.issues.addIssueComment(...args);
  }
}
