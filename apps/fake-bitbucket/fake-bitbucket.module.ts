import { AppConfigModule } from '@app/config';
import { HealthModule } from '@app/health';
import { ObservabilityModule } from '@app/observability';
import { MiddlewareConsumer, Module, NestModule } from '@nestjs/common';
import { APP_FILTER } from '@nestjs/core';
import { AdminController } from './admin/admin.controller';
import { FakeAuthMiddleware } from './auth/fake-auth.middleware';
import { CLOUD_CONTROLLERS } from './cloud/cloud.controllers';
import { CloudLookup } from './cloud/cloud-lookup.service';
import { DATACENTER_CONTROLLERS } from './datacenter/datacenter.controllers';
import { DatacenterLookup } from './datacenter/datacenter-lookup.service';
import { DatacenterPullRequestRoutes } from './datacenter/datacenter-pull-request-routes';
import { FAKE_BITBUCKET_CONFIGS } from './fake-bitbucket.configs';
import { FaultInjectionMiddleware } from './faults/fault-injection.middleware';
import { FaultRegistry } from './faults/fault.registry';
import { FaultsController } from './faults/faults.controller';
import { HangingRequests } from './faults/hanging-requests';
import { OAuthController } from './oauth/oauth.controller';
import { RequestLogMiddleware } from './request-log/request-log.middleware';
import { RequestLog } from './request-log/request-log.service';
import { FakeClock } from './runtime/fake-clock.service';
import { FakeStore } from './runtime/fake-store.service';
import { FakeApiErrorFilter } from './shared/fake-api-error.filter';
import { BuildStatusOperations } from './domain/build-status.operations';
import { IssueOperations } from './domain/issue.operations';
import { PipelineOperations } from './domain/pipeline.operations';
import { PullRequestOperations } from './domain/pull-request.operations';
import { RefOperations } from './domain/ref.operations';

const RUNTIME_PROVIDERS = [
  FakeStore,
  FakeClock,
  FaultRegistry,
  HangingRequests,
  RequestLog,
  CloudLookup,
  DatacenterLookup,
  DatacenterPullRequestRoutes,
];
const DOMAIN_PROVIDERS = [
  PullRequestOperations,
  RefOperations,
  PipelineOperations,
  IssueOperations,
  BuildStatusOperations,
];
const ADMIN_CONTROLLERS = [AdminController, FaultsController];

@Module({
  imports: [
    AppConfigModule.forRoot(FAKE_BITBUCKET_CONFIGS),
    ObservabilityModule.forRoot({ appName: 'fake-bitbucket', console: 'stdout' }),
    HealthModule,
  ],
  controllers: [...ADMIN_CONTROLLERS, OAuthController, ...CLOUD_CONTROLLERS, ...DATACENTER_CONTROLLERS],
  providers: [...RUNTIME_PROVIDERS, ...DOMAIN_PROVIDERS, { provide: APP_FILTER, useClass: FakeApiErrorFilter }],
})
export class FakeBitbucketModule implements NestModule {
  /** Order matters: every request is logged, then faults apply (before auth, as an outage would), then auth. */
  configure(consumer: MiddlewareConsumer): void {
    consumer.apply(RequestLogMiddleware, FaultInjectionMiddleware, FakeAuthMiddleware).forRoutes('*path');
  }
}
