import { CONTEXT_TOOL_CASES } from './context.tool-cases';
import { PULL_REQUEST_TOOL_CASES } from './pull-requests.tool-cases';
import { REVIEW_TOOL_CASES } from './reviews.tool-cases';
import type { ToolCase } from './tool-case';

/** Every case of the suite; each area contributes its list. */
export const TOOL_CASES: readonly ToolCase[] = [
  ...CONTEXT_TOOL_CASES,
  ...PULL_REQUEST_TOOL_CASES,
  ...REVIEW_TOOL_CASES,
];
