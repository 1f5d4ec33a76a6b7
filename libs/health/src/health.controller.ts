import { PublicRoute, SkipRateLimit } from '@app/common';
import { Controller, Get, Inject } from '@nestjs/common';
import type { ConfigType } from '@nestjs/config';
import {
  HealthCheck,
  HealthCheckService,
  HealthIndicatorService,
  type HealthCheckResult,
  type HealthIndicatorResult,
} from '@nestjs/terminus';
import { healthConfig } from './health.config';
import { ReadinessRegistry } from './readiness-registry.service';
import { ShutdownState } from './shutdown-state.service';

// Orchestrators and load balancers probe on a schedule: never authenticated, never rate-limited.
@PublicRoute()
@SkipRateLimit()
@Controller('health')
export class HealthController {
  constructor(
    private readonly health: HealthCheckService,
    private readonly indicators: HealthIndicatorService,
    private readonly shutdown: ShutdownState,
    private readonly readiness: ReadinessRegistry,
    @Inject(healthConfig.KEY) private readonly config: ConfigType<typeof healthConfig>,
  ) {}

  /** Liveness: the event loop answers. Nothing external, so a Bitbucket outage never restarts pods. */
  @Get('live')
  @HealthCheck()
  async live(): Promise<HealthCheckResult> {
    return this.health.check([]);
  }

  @Get('ready')
  @HealthCheck()
  async ready(): Promise<HealthCheckResult> {
    return this.health.check([
      () => this.lifecycle(),
      ...this.readiness.entries().map(
        ([key, check]) =>
          async () =>
            this.timeBoxed(key, check),
      ),
    ]);
  }

  private lifecycle(): HealthIndicatorResult {
    const session = this.indicators.check('lifecycle');
    return this.shutdown.isDraining ? session.down({ state: 'draining' }) : session.up({ state: 'serving' });
  }

  private async timeBoxed(key: string, check: () => Promise<HealthIndicatorResult>): Promise<HealthIndicatorResult> {
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<HealthIndicatorResult>((resolve) => {
      timer = setTimeout(() => {
        resolve(this.indicators.check(key).down({ message: `no answer within ${this.config.checkTimeoutMs} ms` }));
      }, this.config.checkTimeoutMs);
    });
    try {
      return await Promise.race([check().catch(() => this.indicators.check(key).down()), timeout]);
    } finally {
      clearTimeout(timer);
    }
  }
}
