import { bitbucketConfig } from '@app/bitbucket';
import type { ConfigNamespace } from '@app/config';
import { healthConfig } from '@app/health';
import { i18nConfig } from '@app/i18n';
import { loggingConfig } from '@app/observability';
import { httpServerConfig } from './http-server.config';

export const MCP_HTTP_CONFIGS: readonly ConfigNamespace[] = [
  httpServerConfig,
  bitbucketConfig,
  i18nConfig,
  loggingConfig,
  healthConfig,
];
