import type { Type } from '@nestjs/common';
import { DatacenterBranchUtilsController } from './datacenter-branch-utils.controller';
import { DatacenterBuildStatusController } from './datacenter-build-status.controller';
import { DatacenterCommitBuildsController } from './datacenter-commit-builds.controller';
import { DatacenterCommitsController } from './datacenter-commits.controller';
import { DatacenterDiffsController } from './datacenter-diffs.controller';
import { DatacenterFilesController } from './datacenter-files.controller';
import { DatacenterRefsController } from './datacenter-refs.controller';
import { DatacenterSearchController } from './datacenter-search.controller';

/** Data Center refs, commits, diffs, browse/raw/files, build statuses and code search. */
export const DATACENTER_CODE_CONTROLLERS: Type[] = [
  DatacenterRefsController,
  DatacenterBranchUtilsController,
  DatacenterCommitsController,
  DatacenterCommitBuildsController,
  DatacenterDiffsController,
  DatacenterFilesController,
  DatacenterBuildStatusController,
  DatacenterSearchController,
];
