/**
 * Service level 1 of docs/SLA.md: POST /mcp answers within these lines at p95 and p99. The
 * dashboard draws them; deploy/prometheus/alerts.yml burns error budgets against the same lines
 * (its `le="0.035"` and `le="0.06"` buckets); test/grafana-dashboard.spec.ts checks SLA.md still says so.
 */
export const SERVICE_LEVEL_1 = {
  p95Seconds: 0.035,
  p99Seconds: 0.06,
  /** The share of answers each objective lets be slower than its line. */
  p95Budget: 0.05,
  p99Budget: 0.01,
} as const;
