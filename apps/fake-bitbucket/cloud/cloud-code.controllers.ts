import type { Type } from '@nestjs/common';
import { CloudCommitStatusesController } from './cloud-commit-statuses.controller';
import { CloudCommitsController } from './cloud-commits.controller';
import { CloudDiffsController } from './cloud-diffs.controller';
import { CloudIssuesController } from './cloud-issues.controller';
import { CloudPipelinesController } from './cloud-pipelines.controller';
import { CloudRefsController } from './cloud-refs.controller';
import { CloudSearchController } from './cloud-search.controller';
import { CloudSourceController } from './cloud-source.controller';

/** Cloud refs, commits, diffs, source, code search, pipelines and issues. */
export const CLOUD_CODE_CONTROLLERS: Type[] = [
  CloudRefsController,
  CloudCommitsController,
  CloudCommitStatusesController,
  CloudDiffsController,
  CloudSourceController,
  CloudSearchController,
  CloudPipelinesController,
  CloudIssuesController,
];
