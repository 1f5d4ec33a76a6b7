import { RequestContext, type ToolKind } from '@app/common';
import { Inject, Injectable, type ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import {
  InjectThrottlerOptions,
  InjectThrottlerStorage,
  type ThrottlerModuleOptions,
  type ThrottlerStorage,
} from '@nestjs/throttler';
import { NamedThrottlerGuard } from './named-throttler.guard';
import type { RateLimitRule } from './rate-limit-rule';
import { rateLimitConfig, type RateLimitConfig } from './rate-limit.config';
import { RateLimiter } from './rate-limiter.service';

/**
 * The `user` limit, after authentication, keyed by the principal the auth guard put in the request
 * context, whatever address it comes from. It also gives the transports the principal's ToolCallLimit:
 * the stricter limit on tools that change Bitbucket, when configured. Public routes (no principal)
 * have only the ip limit.
 */
@Injectable()
export class UserRateLimitGuard extends NamedThrottlerGuard {
  private readonly writeTools: RateLimitRule | undefined;

  constructor(
    @InjectThrottlerOptions() options: ThrottlerModuleOptions,
    @InjectThrottlerStorage() storage: ThrottlerStorage,
    reflector: Reflector,
    limiter: RateLimiter,
    @Inject(rateLimitConfig.KEY) config: RateLimitConfig,
  ) {
    super(options, storage, reflector, limiter, config, 'user');
    this.writeTools = config.writeTools && { name: 'write-tools', ...config.writeTools, blockMs: 0 };
  }

  override async canActivate(context: ExecutionContext): Promise<boolean> {
    // Without a context, no principal could be limited: refused, not let through unlimited.
    const request = RequestContext.required('the per-principal rate limit');
    const principal = request.principalId;
    if (principal === undefined || (await this.shouldSkip(context))) return true;
    const writeTools = this.writeTools;
    if (writeTools !== undefined) {
      request.toolCallLimit = {
        admit: async (kind: ToolKind) => {
          if (kind === 'write') await this.limiter.consume(writeTools, principal);
        },
      };
    }
    return super.canActivate(context);
  }

  protected override async getTracker(): Promise<string> {
    return Promise.resolve(RequestContext.current()?.principalId ?? 'anonymous');
  }
}
