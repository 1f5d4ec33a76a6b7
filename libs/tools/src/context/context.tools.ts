import type { Type } from '@nestjs/common';
import { GetCurrentUserTool } from './get-current-user/get-current-user.tool';
import { GetProjectTool } from './get-project/get-project.tool';
import { ListProjectsTool } from './list-projects/list-projects.tool';
import { ListWorkspacesTool } from './list-workspaces/list-workspaces.tool';

/** Tools of the `context` toolset: who and where this server is. */
export const CONTEXT_TOOLS: Type[] = [GetCurrentUserTool, ListWorkspacesTool, ListProjectsTool, GetProjectTool];
