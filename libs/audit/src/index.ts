export { auditConfig } from './audit.config';
export { AuditModule } from './audit.module';
export type { AuditRecord } from './audit-record';
