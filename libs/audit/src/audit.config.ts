import type { ConfigType } from '@nestjs/config';
import { defineConfig, env } from '@app/config';

export const auditConfig = defineConfig({
  namespace: 'audit',
  title: 'Audit trail',
  variables: {
    AUDIT_LOG_ENABLED: env.boolean({
      default: true,
      description:
        'Write one audit record per call of a tool that changes Bitbucket (refused calls included): to LOG_DIR/audit-<date>.log with LOG_DIR, else to the console as JSON lines with "log":"audit". Neither LOG_LEVEL nor LOG_FORMAT applies to it.',
    }),
    AUDIT_LOG_MAX_FILES: env.string({
      default: '90d',
      description:
        'How many rotated audit files to keep: a count, or days with a d suffix. Rotation and compression otherwise follow LOG_DATE_PATTERN, LOG_MAX_SIZE and LOG_ZIPPED.',
    }),
  },
  map: (v) => ({ enabled: v.AUDIT_LOG_ENABLED, maxFiles: v.AUDIT_LOG_MAX_FILES }),
});

export type AuditConfig = ConfigType<typeof auditConfig>;
