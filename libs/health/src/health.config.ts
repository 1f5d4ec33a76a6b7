import { defineConfig, env } from '@app/config';

export const healthConfig = defineConfig({
  namespace: 'health',
  title: 'Health probes and shutdown',
  variables: {
    HEALTH_CHECK_TIMEOUT_MS: env.integer({
      default: 1000,
      min: 50,
      max: 30000,
      description: 'Time box of each readiness check; a check that takes longer counts as down.',
    }),
    SHUTDOWN_DRAIN_DELAY_MS: env.integer({
      default: 0,
      min: 0,
      max: 120000,
      description:
        'After SIGTERM, keep serving (readiness answering 503) at least this long so load balancers stop routing here; 2000-5000 suits Kubernetes.',
    }),
    SHUTDOWN_GRACE_PERIOD_MS: env.integer({
      default: 10000,
      min: 0,
      max: 600000,
      description: 'After SIGTERM, how long in-flight requests may take to finish before the server closes anyway.',
    }),
  },
  map: (v) => ({
    checkTimeoutMs: v.HEALTH_CHECK_TIMEOUT_MS,
    drainDelayMs: v.SHUTDOWN_DRAIN_DELAY_MS,
    gracePeriodMs: v.SHUTDOWN_GRACE_PERIOD_MS,
  }),
});
