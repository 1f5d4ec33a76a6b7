import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import { callerOf } from './caller-of';
import type { FakeIdentity } from './fake-identity';

/** The authenticated caller of a Bitbucket route (set by FakeAuthMiddleware). */
export const Caller = createParamDecorator((_data: unknown, context: ExecutionContext): FakeIdentity =>
  callerOf(context),
);
