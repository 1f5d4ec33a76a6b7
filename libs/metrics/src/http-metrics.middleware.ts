import { Injectable, type NestMiddleware } from '@nestjs/common';
import { InjectMetric } from '@willsoto/nestjs-prometheus';
import type { NextFunction, Request, Response } from 'express';
import type { Counter, Histogram } from 'prom-client';
import { METRIC } from './metric-names';
import { statusClass } from './status-class';

/**
 * Counts and times every HTTP request once its answer is over (a stream when it ends), by Express route
 * template (`/mcp`, `/health/ready`; `unmatched` when no route took it), never by raw URL: paths carry
 * ids and a client can send any number of them.
 */
@Injectable()
export class HttpMetricsMiddleware implements NestMiddleware {
  constructor(
    @InjectMetric(METRIC.httpRequests) private readonly requests: Counter,
    @InjectMetric(METRIC.httpRequestDuration) private readonly duration: Histogram,
  ) {}

  use(req: Request, res: Response, next: NextFunction): void {
    const started = performance.now();
    res.once('close', () => {
      // Express sets req.route when a route matched; middleware and the not-found answer leave it unset.
      const route = (req.route as { path?: unknown } | undefined)?.path;
      const labels = {
        route: typeof route === 'string' ? route : 'unmatched',
        method: req.method,
        status_class: statusClass(res.statusCode),
      };
      this.requests.inc(labels);
      this.duration.observe(labels, (performance.now() - started) / 1000);
    });
    next();
  }
}
