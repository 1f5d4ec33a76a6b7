import type { Type } from '@nestjs/common';
import { ListUsersTool } from './list-users/list-users.tool';

/** Tools of the `users` toolset. */
export const USER_TOOLS: Type[] = [ListUsersTool];
