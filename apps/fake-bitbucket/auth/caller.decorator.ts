import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import type { Response } from 'express';
import type { FakeIdentity } from './fake-identity';

/** The authenticated caller of a Bitbucket route (set by FakeAuthMiddleware). */
export const Caller = createParamDecorator((_data: unknown, context: ExecutionContext): FakeIdentity => {
  const identity = context.switchToHttp().getResponse<Response>().locals.fakeIdentity as FakeIdentity | undefined;
  if (identity === undefined) throw new Error('route reached without FakeAuthMiddleware');
  return identity;
});
