import type { ConfigNamespace } from '@app/config';
import { healthConfig } from '@app/health';
import { loggingConfig } from '@app/observability';
import { fakeBitbucketConfig } from './fake-bitbucket.config';

export const FAKE_BITBUCKET_CONFIGS: readonly ConfigNamespace[] = [fakeBitbucketConfig, loggingConfig, healthConfig];
