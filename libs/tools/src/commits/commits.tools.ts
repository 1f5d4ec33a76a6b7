import type { Type } from '@nestjs/common';
import { CompareRefsTool } from './compare-refs/compare-refs.tool';
import { GetCommitDiffTool } from './get-commit-diff/get-commit-diff.tool';
import { GetCommitTool } from './get-commit/get-commit.tool';
import { ListBuildStatusesTool } from './list-build-statuses/list-build-statuses.tool';
import { ListCommitsTool } from './list-commits/list-commits.tool';

/** Tools of the `commits` toolset: history, comparisons, diffs and CI results. */
export const COMMIT_TOOLS: Type[] = [
  ListCommitsTool,
  GetCommitTool,
  CompareRefsTool,
  GetCommitDiffTool,
  ListBuildStatusesTool,
];
