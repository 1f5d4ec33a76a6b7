import { CONTEXT_TOOL_CASES } from './context.tool-cases';
import { ISSUE_TOOL_CASES } from './issues.tool-cases';
import { PIPELINE_TOOL_CASES } from './pipelines.tool-cases';
import type { ToolCase } from './tool-case';

/** Every case of the suite; each area contributes its list. */
export const TOOL_CASES: readonly ToolCase[] = [...CONTEXT_TOOL_CASES, ...PIPELINE_TOOL_CASES, ...ISSUE_TOOL_CASES];
