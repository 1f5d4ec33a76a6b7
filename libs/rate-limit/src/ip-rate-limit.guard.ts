import { RequestContext } from '@app/common';
import { Inject, Injectable, type ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import {
  InjectThrottlerOptions,
  InjectThrottlerStorage,
  type ThrottlerModuleOptions,
  type ThrottlerStorage,
} from '@nestjs/throttler';
import type { Request } from 'express';
import { NamedThrottlerGuard } from './named-throttler.guard';
import type { RateLimitRule } from './rate-limit-rule';
import { rateLimitConfig, type RateLimitConfig } from './rate-limit.config';
import { RateLimiter } from './rate-limiter.service';

/**
 * The `ip` limit, before authentication, keyed by the client address as Express computes `req.ip`
 * (TRUST_PROXY decides whose X-Forwarded-For counts; IPv6 addresses by /64). Requests with wrong
 * credentials are refused cheaply here once their address is over its limit, and they count: the
 * guard gives authentication an AuthFailureCounter, and an address that sent too many refused
 * credentials is refused whatever it sends until its block ends.
 */
@Injectable()
export class IpRateLimitGuard extends NamedThrottlerGuard {
  private readonly authFailures: RateLimitRule;

  constructor(
    @InjectThrottlerOptions() options: ThrottlerModuleOptions,
    @InjectThrottlerStorage() storage: ThrottlerStorage,
    reflector: Reflector,
    limiter: RateLimiter,
    @Inject(rateLimitConfig.KEY) config: RateLimitConfig,
  ) {
    super(options, storage, reflector, limiter, config, 'ip');
    this.authFailures = { name: 'auth-failures', ...config.authFailures, blockMs: config.authFailures.ttlMs };
  }

  override async canActivate(context: ExecutionContext): Promise<boolean> {
    if (await this.shouldSkip(context)) return true;
    const address = await this.getTracker(context.switchToHttp().getRequest<Request>());
    await this.limiter.assertNotBlocked(this.authFailures, address);
    // Without a context, refused credentials would count nowhere: refused, not let through uncounted.
    const request = RequestContext.required('the per-address rate limit');
    request.authFailures = { count: async () => this.limiter.count(this.authFailures, address) };
    return super.canActivate(context);
  }
}
