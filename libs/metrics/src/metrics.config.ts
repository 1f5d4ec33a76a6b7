import { defineConfig, env } from '@app/config';
import type { ConfigType } from '@nestjs/config';

export const metricsConfig = defineConfig({
  namespace: 'metrics',
  title: 'Metrics (Prometheus)',
  variables: {
    METRICS_ENABLED: env.boolean({
      default: true,
      description:
        'Prometheus metrics at GET /metrics (docs/operations.md, Metrics). false: no /metrics and nothing collected, as when measuring what metrics cost.',
    }),
    METRICS_PORT: env.integer({
      min: 1,
      max: 65535,
      description:
        'When set, GET /metrics is served only on this port (a management listener bound to HOST) and not on the public PORT. /metrics needs no authentication: keep it private with this or a network policy.',
      example: '9464',
    }),
    GIT_COMMIT: env.string({
      expects: 'a commit hash or build label',
      pattern: /^[A-Za-z0-9._-]{1,64}$/,
      description:
        'The `commit` label of bitbucket_mcp_build_info (the container image sets it from its GIT_COMMIT build argument); `unknown` when unset.',
      example: '3f2c1e9',
    }),
  },
  map: (v) => ({
    enabled: v.METRICS_ENABLED,
    /** The management listener's port; undefined: /metrics on the main listener. */
    port: v.METRICS_PORT,
    commit: v.GIT_COMMIT ?? 'unknown',
  }),
});

export type MetricsConfig = ConfigType<typeof metricsConfig>;
