import { SKIP_RATE_LIMIT } from '@app/common';
import type { ExecutionContext } from '@nestjs/common';
import type { Reflector } from '@nestjs/core';
import {
  ThrottlerGuard,
  type ThrottlerModuleOptions,
  type ThrottlerRequest,
  type ThrottlerStorage,
} from '@nestjs/throttler';
import type { Response } from 'express';
import type { RateLimitConfig } from './rate-limit.config';
import type { RateLimiter } from './rate-limiter.service';

/**
 * ThrottlerGuard for one named throttler of the module's options, so each limit is a global guard of
 * its own at its place in the guard order (the ip limit before authentication, the user limit after
 * it). Counting, the RateLimit-* fields and the refusal are the RateLimiter's. Routes marked
 * @SkipRateLimit() pass, and everything passes while RATE_LIMIT_ENABLED is false.
 */
export abstract class NamedThrottlerGuard extends ThrottlerGuard {
  protected constructor(
    options: ThrottlerModuleOptions,
    storage: ThrottlerStorage,
    reflector: Reflector,
    protected readonly limiter: RateLimiter,
    protected readonly config: RateLimitConfig,
    private readonly throttlerName: 'ip' | 'user',
  ) {
    super(options, storage, reflector);
  }

  override async onModuleInit(): Promise<void> {
    await super.onModuleInit();
    this.throttlers = this.throttlers.filter((throttler) => throttler.name === this.throttlerName);
  }

  protected override async shouldSkip(context: ExecutionContext): Promise<boolean> {
    return Promise.resolve(
      !this.config.enabled ||
        context.getType() !== 'http' ||
        this.reflector.getAllAndOverride<boolean | undefined>(SKIP_RATE_LIMIT, [
          context.getHandler(),
          context.getClass(),
        ]) === true,
    );
  }

  protected override async handleRequest(request: ThrottlerRequest): Promise<boolean> {
    const { context, limit, ttl, blockDuration, getTracker } = request;
    const http = context.switchToHttp();
    const tracker = await getTracker(http.getRequest(), context);
    await this.limiter.consume(
      { name: this.throttlerName, limit, ttlMs: ttl, blockMs: blockDuration },
      tracker,
      http.getResponse<Response>(),
    );
    return true;
  }
}
