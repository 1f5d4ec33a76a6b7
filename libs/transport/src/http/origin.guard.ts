import { Injectable, type CanActivate, type ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { Request } from 'express';
import { ORIGIN_CHECKED } from './origin-checked.decorator';
import { OriginPolicy } from './origin-policy';

/**
 * Applies the OriginPolicy to the routes declared @OriginChecked() (the MCP endpoints; health probes and
 * discovery documents are not browser-callable surfaces). The app orders it as a global guard before
 * authentication, so a hostile page is refused before any credential it carries is checked: no JWKS fetch,
 * no introspection call. Its refusal goes through the route's filters like any guard's (a JSON-RPC error).
 */
@Injectable()
export class OriginGuard implements CanActivate {
  constructor(
    private readonly policy: OriginPolicy,
    private readonly reflector: Reflector,
  ) {}

  canActivate(context: ExecutionContext): boolean {
    if (context.getType() !== 'http') return true;
    if (this.reflector.getAllAndOverride<boolean>(ORIGIN_CHECKED, [context.getHandler(), context.getClass()])) {
      this.policy.check(context.switchToHttp().getRequest<Request>().headers);
    }
    return true;
  }
}
