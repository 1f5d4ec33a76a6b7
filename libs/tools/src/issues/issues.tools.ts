import type { Type } from '@nestjs/common';
import { AddIssueCommentTool } from './add-issue-comment/add-issue-comment.tool';
import { CreateIssueTool } from './create-issue/create-issue.tool';
import { GetIssueTool } from './get-issue/get-issue.tool';
import { ListIssuesTool } from './list-issues/list-issues.tool';

/** Tools of the `issues` toolset (Bitbucket Cloud only). */
export const ISSUE_TOOLS: Type[] = [ListIssuesTool, GetIssueTool, CreateIssueTool, AddIssueCommentTool];
