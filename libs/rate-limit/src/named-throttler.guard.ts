import { SKIP_RATE_LIMIT } from '@app/common';
import type { ExecutionContext } from '@nestjs/common';
import type { Reflector } from '@nestjs/core';
import { ThrottlerGuard, type ThrottlerModuleOptions, type ThrottlerStorage } from '@nestjs/throttler';
import type { Response } from 'express';
import type { RateLimitRule } from './rate-limit-rule';
import type { RateLimitConfig } from './rate-limit.config';
import type { RateLimiter } from './rate-limiter.service';

/**
 * ThrottlerGuard for one named limit, so each limit is a global guard of its own at its place in the
 * guard order (the ip limit before authentication, the user limit after it). From ThrottlerGuard it
 * keeps the tracker (the client address, IPv6 by subnet); counting, the RateLimit-* fields and the
 * refusal are the RateLimiter's. Routes marked @SkipRateLimit() pass, and everything passes while
 * RATE_LIMIT_ENABLED is false. No route sets a limit of its own (@Throttle), so the rule is the
 * configured one and ThrottlerGuard's per-request reading of six route metadata keys is skipped.
 */
export abstract class NamedThrottlerGuard extends ThrottlerGuard {
  private readonly rule: RateLimitRule;
  /** Whether each route handler is marked @SkipRateLimit(), read once per handler. */
  private readonly skippedHandlers = new WeakMap<object, boolean>();

  protected constructor(
    options: ThrottlerModuleOptions,
    storage: ThrottlerStorage,
    reflector: Reflector,
    protected readonly limiter: RateLimiter,
    protected readonly config: RateLimitConfig,
    private readonly throttlerName: 'ip' | 'user',
  ) {
    super(options, storage, reflector);
    this.rule = { name: throttlerName, ...config[throttlerName], blockMs: 0 };
  }

  override async canActivate(context: ExecutionContext): Promise<boolean> {
    if (await this.shouldSkip(context)) return true;
    const http = context.switchToHttp();
    const tracker = await this.getTracker(http.getRequest());
    await this.limiter.consume(this.rule, tracker, http.getResponse<Response>());
    return true;
  }

  protected override async shouldSkip(context: ExecutionContext): Promise<boolean> {
    return Promise.resolve(!this.config.enabled || context.getType() !== 'http' || this.skipped(context));
  }

  private skipped(context: ExecutionContext): boolean {
    const handler = context.getHandler();
    let skipped = this.skippedHandlers.get(handler);
    if (skipped === undefined) {
      skipped =
        this.reflector.getAllAndOverride<boolean | undefined>(SKIP_RATE_LIMIT, [handler, context.getClass()]) === true;
      this.skippedHandlers.set(handler, skipped);
    }
    return skipped;
  }
}
