import { readFileSync } from 'node:fs';
import { join } from 'node:path';

export const ALERTS_FILE = 'deploy/prometheus/alerts.yml';
export const PROMETHEUS_RULE_FILE = 'deploy/kubernetes/components/monitoring/prometheus-rule.yaml';

/**
 * The prometheus-operator PrometheusRule of the Kubernetes monitoring component: the rule groups of
 * deploy/prometheus/alerts.yml, comments included, under `spec`, so the two cannot drift apart
 * (test/deploy/kubernetes.e2e-spec.ts compares the committed file with this).
 */
export function renderPrometheusRule(root: string): string {
  const alerts = readFileSync(join(root, ALERTS_FILE), 'utf8');
  const indented = alerts
    .trimEnd()
    .split('\n')
    .map((line) => (line === '' ? '' : `  ${line}`))
    .join('\n');
  return [
    `# Generated from ${ALERTS_FILE} by \`npm run deploy:prometheus-rule\`: change that file, not this one.`,
    'apiVersion: monitoring.coreos.com/v1',
    'kind: PrometheusRule',
    'metadata:',
    '  name: bitbucket-mcp',
    'spec:',
    indented,
    '',
  ].join('\n');
}
