import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import type { Request } from 'express';
import { callerOf } from './caller-of';
import type { RouteTarget } from './route-target';

/**
 * The caller and the path parameters, for a pipe that turns them into the repository or pull request
 * the URL names (or the flavor's 404) before the handler runs.
 */
export const RouteTargetOf = createParamDecorator((_data: unknown, context: ExecutionContext): RouteTarget => ({
  caller: callerOf(context),
  params: context.switchToHttp().getRequest<Request>().params,
}));
