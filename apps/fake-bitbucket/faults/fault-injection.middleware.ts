import { Injectable, NestMiddleware } from '@nestjs/common';
import type { NextFunction, Request, Response } from 'express';
import { setTimeout as sleep } from 'node:timers/promises';
import type { FakeRequestRecord } from '../request-log/fake-request-record';
import { cloudErrors } from '../shared/cloud-errors';
import { datacenterErrors } from '../shared/datacenter-errors';
import type { FakeApiError } from '../shared/fake-api.error';
import { flavorOfPath, type FakeFlavor } from '../shared/flavor-of-path';
import { sendFakeApiError } from '../shared/send-fake-api-error';
import type { FaultRuleState } from './fault-rule.state';
import { FaultRegistry } from './fault.registry';
import { HangingRequests } from './hanging-requests';

const REASONS: Readonly<Record<number, string>> = {
  500: 'Internal Server Error',
  502: 'Bad Gateway',
  503: 'Service Unavailable',
  504: 'Gateway Timeout',
};

function injectedError(flavor: FakeFlavor, status: number, rule: FaultRuleState): FakeApiError {
  const message = `Injected fault ${rule.id}: ${REASONS[status] ?? `HTTP ${status}`}`;
  return flavor === 'datacenter' ? datacenterErrors.error(status, message, null) : cloudErrors.error(status, message);
}

function rateLimitError(flavor: FakeFlavor, req: Request, waitMs: number, rule: FaultRuleState): FakeApiError {
  if (flavor === 'datacenter')
    return datacenterErrors.rateLimited(
      rule.rule.rateLimit?.retryAfterSeconds ?? Math.max(1, Math.ceil(waitMs / 1000)),
    );
  // Cloud sends its X-RateLimit headers only to access tokens (Bearer), and never Retry-After.
  const bearer = /^bearer\s/i.test(req.headers.authorization ?? '');
  return cloudErrors.rateLimited(
    bearer
      ? {
          'X-RateLimit-Limit': String(rule.rule.rateLimit?.budget ?? 0),
          'X-RateLimit-Resource': 'api',
          'X-RateLimit-NearLimit': 'true',
        }
      : {},
  );
}

/** Applies the first matching fault rule to Bitbucket routes (never to /__fake or /health). */
@Injectable()
export class FaultInjectionMiddleware implements NestMiddleware {
  constructor(
    private readonly faults: FaultRegistry,
    private readonly hanging: HangingRequests,
  ) {}

  use(req: Request, res: Response, next: NextFunction): void {
    // originalUrl, because Nest mounts route middleware so that req.path is relative to the mount point.
    const path = req.originalUrl.split('?', 1)[0] ?? '/';
    const flavor = flavorOfPath(path);
    const rule = flavor === 'admin' ? undefined : this.faults.take(req.method, path);
    if (rule === undefined) {
      next();
      return;
    }
    const record = res.locals.fakeRequest as FakeRequestRecord | undefined;
    if (record !== undefined) record.faultId = rule.id;
    void this.apply(rule, flavor, req, res, next);
  }

  private async apply(
    rule: FaultRuleState,
    flavor: FakeFlavor,
    req: Request,
    res: Response,
    next: NextFunction,
  ): Promise<void> {
    const { latencyMs, outage, hang, status, rateLimit } = rule.rule;
    if (latencyMs !== undefined) await sleep(latencyMs);
    if (res.destroyed || req.socket.destroyed) return;
    if (outage === true) {
      req.socket.destroy();
      return;
    }
    if (hang === true) {
      this.hanging.hold(req);
      return;
    }
    if (rateLimit !== undefined) {
      const waitMs = rule.rateLimitedFor(Date.now());
      if (waitMs > 0) {
        sendFakeApiError(res, rateLimitError(flavor, req, waitMs, rule));
        return;
      }
    }
    if ((status !== undefined || rule.rule.errorRate !== undefined) && rule.failsNow()) {
      sendFakeApiError(res, injectedError(flavor, status ?? 500, rule));
      return;
    }
    next();
  }
}
