import { BRANCH_TOOL_CASES } from './branches.tool-cases';
import { COMMIT_TOOL_CASES } from './commits.tool-cases';
import { CONTEXT_TOOL_CASES } from './context.tool-cases';
import { FILE_TOOL_CASES } from './files.tool-cases';
import { HOSTILE_ARGUMENT_TOOL_CASES } from './hostile-arguments.tool-cases';
import { PULL_REQUEST_TOOL_CASES } from './pull-requests.tool-cases';
import { REVIEW_TOOL_CASES } from './reviews.tool-cases';
import { SEARCH_TOOL_CASES } from './search.tool-cases';
import { ISSUE_TOOL_CASES } from './issues.tool-cases';
import { PIPELINE_TOOL_CASES } from './pipelines.tool-cases';
import type { ToolCase } from './tool-case';
import { USER_TOOL_CASES } from './users.tool-cases';

/** Every case of the suite; each area contributes its list. */
export const TOOL_CASES: readonly ToolCase[] = [
  ...CONTEXT_TOOL_CASES,
  ...USER_TOOL_CASES,
  ...BRANCH_TOOL_CASES,
  ...COMMIT_TOOL_CASES,
  ...FILE_TOOL_CASES,
  ...SEARCH_TOOL_CASES,
  ...PIPELINE_TOOL_CASES,
  ...ISSUE_TOOL_CASES,
  ...PULL_REQUEST_TOOL_CASES,
  ...REVIEW_TOOL_CASES,
  ...HOSTILE_ARGUMENT_TOOL_CASES,
];
