import { RequestContext, type RequestContextData } from '@app/common';
import type { ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { ThrottlerModuleOptions, ThrottlerStorage } from '@nestjs/throttler';
import { IpRateLimitGuard } from './ip-rate-limit.guard';
import { MemoryRateLimitStorage } from './memory-rate-limit.storage';
import { RateLimitEvents } from './rate-limit-events';
import { rateLimitConfig } from './rate-limit.config';
import { RateLimiter } from './rate-limiter.service';
import { UserRateLimitGuard } from './user-rate-limit.guard';

const config = rateLimitConfig.resolve({ RATE_LIMIT_WRITE_LIMIT: '5' });
const handler = (): string => 'handled';
const http = {
  getType: () => 'http',
  getHandler: () => handler,
  getClass: () => UserRateLimitGuard,
  switchToHttp: () => ({
    getRequest: () => ({ ip: '198.51.100.7', headers: {} }),
    getResponse: () => ({ getHeader: () => undefined, setHeader: () => undefined }),
  }),
} as unknown as ExecutionContext;

/** Both rate-limit guards, as the app builds them, over one in-memory limiter. */
function guards(): { ip: IpRateLimitGuard; user: UserRateLimitGuard } {
  const limiter = new RateLimiter(new MemoryRateLimitStorage(), new RateLimitEvents());
  const options: ThrottlerModuleOptions = { throttlers: [] };
  const storage = {} as ThrottlerStorage;
  return {
    ip: new IpRateLimitGuard(options, storage, new Reflector(), limiter, config),
    user: new UserRateLimitGuard(options, storage, new Reflector(), limiter, config),
  };
}

describe('the rate-limit guards and the request context', () => {
  it('give a request in its context the auth-failure counter and the tool-call limit', async () => {
    const { ip, user } = guards();
    const context: RequestContextData = { correlationId: 'c-1', principalId: 'apikey:alice' };
    await RequestContext.run(context, async () => {
      expect(await ip.canActivate(http)).toBe(true);
      expect(await user.canActivate(http)).toBe(true);
    });
    expect(context.authFailures).toBeDefined();
    expect(context.toolCallLimit).toBeDefined();
  });

  it('leave a public route (no principal) to the per-address limit alone', async () => {
    const { user } = guards();
    expect(await RequestContext.run({ correlationId: 'c-2' }, async () => user.canActivate(http))).toBe(true);
  });

  it('refuse a request outside any request context rather than let it through uncounted', async () => {
    const { ip, user } = guards();
    await expect(ip.canActivate(http)).rejects.toThrow(/No request context for the per-address rate limit: refused/);
    await expect(user.canActivate(http)).rejects.toThrow(
      /No request context for the per-principal rate limit: refused/,
    );
  });
});
