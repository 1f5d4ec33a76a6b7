import type { Type } from '@nestjs/common';
import { GetCurrentUserTool } from './get-current-user/get-current-user.tool';

/** Tools of the `context` and `users` toolsets. */
export const CONTEXT_TOOLS: Type[] = [GetCurrentUserTool];
