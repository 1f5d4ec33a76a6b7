import { auditConfig } from '@app/audit';
import { bitbucketConfig } from '@app/bitbucket';
import type { ConfigNamespace } from '@app/config';
import { i18nConfig, stdioLocaleConfig } from '@app/i18n';
import { mcpConfig } from '@app/mcp';
import { loggingConfig } from '@app/observability';

export const MCP_STDIO_CONFIGS: readonly ConfigNamespace[] = [
  bitbucketConfig,
  i18nConfig,
  stdioLocaleConfig,
  loggingConfig,
  auditConfig,
  mcpConfig,
];
