import { BitbucketModule } from '@app/bitbucket';
import { ToolAvailability } from '@app/mcp';
import { Module } from '@nestjs/common';
import { BitbucketToolAvailability } from './bitbucket-tool-availability';
import { BRANCH_TOOLS } from './branches/branches.tools';
import { COMMIT_TOOLS } from './commits/commits.tools';
import { BitbucketCompleters } from './completions/bitbucket-completers';
import { CONTEXT_TOOLS } from './context/context.tools';
import { FILE_TOOLS } from './files/files.tools';
import { ISSUE_TOOLS } from './issues/issues.tools';
import { PIPELINE_TOOLS } from './pipelines/pipelines.tools';
import { PULL_REQUEST_TOOLS } from './pull-requests/pull-requests.tools';
import { REPOSITORY_TOOLS } from './repositories/repositories.tools';
import { REVIEW_TOOLS } from './reviews/reviews.tools';
import { SEARCH_TOOLS } from './search/search.tools';
import { USER_TOOLS } from './users/users.tools';

const TOOL_PROVIDERS = [
  ...CONTEXT_TOOLS,
  ...USER_TOOLS,
  ...REPOSITORY_TOOLS,
  ...BRANCH_TOOLS,
  ...COMMIT_TOOLS,
  ...FILE_TOOLS,
  ...SEARCH_TOOLS,
  ...PIPELINE_TOOLS,
  ...ISSUE_TOOLS,
  ...PULL_REQUEST_TOOLS,
  ...REVIEW_TOOLS,
];

/** The Bitbucket tools, prompts and resource templates, and what the configured flavor can serve. */
@Module({
  imports: [BitbucketModule],
  providers: [
    ...TOOL_PROVIDERS,
    BitbucketCompleters,
    { provide: ToolAvailability, useClass: BitbucketToolAvailability },
  ],
  exports: [ToolAvailability],
})
export class ToolsModule {}
