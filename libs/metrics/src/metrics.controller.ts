import { PublicRoute, SkipRateLimit } from '@app/common';
import { Controller, Get, Res } from '@nestjs/common';
import { PrometheusController } from '@willsoto/nestjs-prometheus';
import type { Response } from 'express';

/**
 * GET /metrics on the main listener (when METRICS_PORT does not move it): Prometheus scrapes on a
 * schedule without MCP credentials, so never authenticated, never rate-limited. Operators keep it
 * private with METRICS_PORT or a network policy (docs/operations.md, Metrics).
 */
@PublicRoute()
@SkipRateLimit()
@Controller()
export class MetricsController extends PrometheusController {
  @Get()
  override async index(@Res({ passthrough: true }) response: Response): Promise<string> {
    return super.index(response);
  }
}
