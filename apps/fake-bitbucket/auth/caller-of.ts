import type { ExecutionContext } from '@nestjs/common';
import type { Response } from 'express';
import type { FakeIdentity } from './fake-identity';

/** The authenticated caller of a Bitbucket route, as FakeAuthMiddleware left it on the response. */
export function callerOf(context: ExecutionContext): FakeIdentity {
  const identity = context.switchToHttp().getResponse<Response>().locals.fakeIdentity as FakeIdentity | undefined;
  if (identity === undefined) throw new Error('route reached without FakeAuthMiddleware');
  return identity;
}
