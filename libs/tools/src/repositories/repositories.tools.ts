import type { Type } from '@nestjs/common';
import { GetRepositoryTool } from './get-repository/get-repository.tool';
import { ListRepositoriesTool } from './list-repositories/list-repositories.tool';

/** Tools of the `repositories` toolset. */
export const REPOSITORY_TOOLS: Type[] = [ListRepositoriesTool, GetRepositoryTool];
