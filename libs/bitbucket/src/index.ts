export {
  BitbucketClient,
  type BitbucketFeature,
  type CallOptions,
  type MergeStrategy,
  type PageOptions,
} from './bitbucket-client.port';
export { BitbucketErrorCode } from './bitbucket-error-code.enum';
export {
  BitbucketEvents,
  type BreakerEvent,
  type UpstreamCallEvent,
  type UpstreamRetryEvent,
} from './bitbucket-events';
export { BitbucketException } from './bitbucket.exception';
export { BitbucketModule } from './bitbucket.module';
export { bitbucketConfig, type BitbucketConfig } from './bitbucket.config';
export type { BitbucketFlavor } from './bitbucket-flavor';
export type { BbActivity } from './model/bb-activity';
export type { BbBuildStatus } from './model/bb-build-status';
export type { BbCodeSearchHit } from './model/bb-code-search-hit';
export type { BbComment, BbInlineAnchor } from './model/bb-comment';
export type { BbCommit } from './model/bb-commit';
export type { BbComparison } from './model/bb-comparison';
export type { BbDirectoryEntry } from './model/bb-directory-entry';
export type { BbFileChange } from './model/bb-file-change';
export type { BbFileContent } from './model/bb-file-content';
export type { BbIssue } from './model/bb-issue';
export type { BbPage } from './model/bb-page';
export type { BbPipeline } from './model/bb-pipeline';
export type { BbPipelineStep } from './model/bb-pipeline-step';
export type { BbProject } from './model/bb-project';
export type { BbPullRequest, BbReviewer } from './model/bb-pull-request';
export type { BbRef } from './model/bb-ref';
export type { BbRepository } from './model/bb-repository';
export type { BbRepositoryRef } from './model/bb-repository-ref';
export type { BbTask } from './model/bb-task';
export type { BbUser } from './model/bb-user';
export type { BbWorkspace } from './model/bb-workspace';
