import type { Type } from '@nestjs/common';
import { CreateBranchTool } from './create-branch/create-branch.tool';
import { CreateTagTool } from './create-tag/create-tag.tool';
import { DeleteBranchTool } from './delete-branch/delete-branch.tool';
import { ListBranchesTool } from './list-branches/list-branches.tool';
import { ListTagsTool } from './list-tags/list-tags.tool';

/** Tools of the `branches` toolset: branches and tags. */
export const BRANCH_TOOLS: Type[] = [ListBranchesTool, CreateBranchTool, DeleteBranchTool, ListTagsTool, CreateTagTool];
