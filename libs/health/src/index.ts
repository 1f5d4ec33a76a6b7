export { enableGracefulShutdown } from './enable-graceful-shutdown';
export { healthConfig } from './health.config';
export { HealthModule } from './health.module';
export { ReadinessRegistry, type ReadinessCheck } from './readiness-registry.service';
export { ShutdownState } from './shutdown-state.service';
export { serveHttpApplication, type ListenAddress } from './serve-http-application';
