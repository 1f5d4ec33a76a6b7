import { Injectable, type CanActivate, type ExecutionContext } from '@nestjs/common';
import type { Request } from 'express';
import { OriginPolicy } from './origin-policy';

/** Applies the OriginPolicy to the MCP endpoints (health and metrics are not browser-callable surfaces). */
@Injectable()
export class OriginGuard implements CanActivate {
  constructor(private readonly policy: OriginPolicy) {}

  canActivate(context: ExecutionContext): boolean {
    this.policy.check(context.switchToHttp().getRequest<Request>().headers);
    return true;
  }
}
