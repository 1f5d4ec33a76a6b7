import { Global, Module } from '@nestjs/common';
import { TerminusModule } from '@nestjs/terminus';
import { HealthController } from './health.controller';
import { ReadinessRegistry } from './readiness-registry.service';
import { ShutdownState } from './shutdown-state.service';

const HEALTH_PROVIDERS = [ShutdownState, ReadinessRegistry];

@Global()
@Module({
  imports: [TerminusModule.forRoot({ errorLogStyle: 'json' })],
  controllers: [HealthController],
  providers: HEALTH_PROVIDERS,
  exports: HEALTH_PROVIDERS,
})
export class HealthModule {}
