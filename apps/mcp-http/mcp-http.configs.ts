import { auditConfig } from '@app/audit';
import { AUTH_CONFIGS } from '@app/auth';
import { bitbucketConfig } from '@app/bitbucket';
import { httpServerConfig, type ConfigNamespace } from '@app/config';
import { healthConfig } from '@app/health';
import { i18nConfig } from '@app/i18n';
import { mcpConfig } from '@app/mcp';
import { metricsConfig } from '@app/metrics';
import { loggingConfig } from '@app/observability';
import { rateLimitConfig } from '@app/rate-limit';
import { redisConfig } from '@app/redis';
import { transportConfig } from '@app/transport';

export const MCP_HTTP_CONFIGS: readonly ConfigNamespace[] = [
  httpServerConfig,
  ...AUTH_CONFIGS,
  bitbucketConfig,
  i18nConfig,
  loggingConfig,
  auditConfig,
  healthConfig,
  mcpConfig,
  transportConfig,
  redisConfig,
  rateLimitConfig,
  metricsConfig,
];
