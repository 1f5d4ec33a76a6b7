export { loggingConfig } from './logging.config';
export { ObservabilityModule } from './observability.module';
export type { ObservabilityOptions } from './observability-options';
export { installProcessSafetyNet } from './process-safety-net';
export { secretRedactionFormat } from './secret-redaction.format';
export { useAppLogger } from './use-app-logger';
export { StderrConsoleLogger } from './stderr-console.logger';
