import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { markdownAnchors, markdownSection } from './markdown-sections';
import { promqlMetricNames } from './promql-metric-names';

interface Rule {
  readonly alert?: string;
  readonly record?: string;
  readonly expr: string;
  readonly labels?: Record<string, string>;
  readonly annotations?: Record<string, string>;
}

interface AlertTestCase {
  readonly alertname: string;
  readonly exp_alerts: readonly unknown[];
}

const root = join(__dirname, '..', '..');
const read = (file: string): string => readFileSync(join(root, file), 'utf8');
const rules = (parse(read('deploy/prometheus/alerts.yml')) as { groups: { rules: Rule[] }[] }).groups.flatMap(
  (group) => group.rules,
);
const alerts = rules.filter((rule) => rule.alert !== undefined);
const unitTests = (
  parse(read('deploy/prometheus/alerts.test.yml')) as { tests: { alert_rule_test: AlertTestCase[] }[] }
).tests.flatMap((test) => test.alert_rule_test);

describe('the Prometheus configuration and alert rules', () => {
  it('scrapes job bitbucket-mcp at /metrics and loads the alert rules', () => {
    const config = parse(read('deploy/prometheus/prometheus.yml')) as {
      rule_files: string[];
      scrape_configs: { job_name: string; metrics_path: string }[];
    };
    expect(config.rule_files).toEqual(['alerts.yml']);
    expect(config.scrape_configs).toEqual([
      expect.objectContaining({ job_name: 'bitbucket-mcp', metrics_path: '/metrics' }),
    ]);
  });

  it('gives every alert a severity, a summary, a description and a runbook section in docs/operations.md#alerts', () => {
    const anchors = markdownAnchors(markdownSection(read('docs/operations.md'), 'Alerts'));
    expect(alerts.length).toBeGreaterThan(10);
    for (const { alert, labels, annotations } of alerts) {
      expect({ alert, severity: ['critical', 'warning'].includes(labels?.severity ?? '') }).toEqual({
        alert,
        severity: true,
      });
      expect(Object.keys(annotations ?? {}).sort()).toEqual(['description', 'runbook_url', 'summary']);
      const [path, anchor = ''] = (annotations?.runbook_url ?? '').split('#');
      expect({ alert, path, anchor: anchors.includes(anchor) }).toEqual({
        alert,
        path: 'docs/operations.md',
        anchor: true,
      });
    }
  });

  it('has each alert unit-tested in alerts.test.yml, firing and quiet', () => {
    const untested = alerts
      .map(({ alert = '' }) => alert)
      .filter(
        (alert) =>
          !unitTests.some((test) => test.alertname === alert && test.exp_alerts.length > 0) ||
          !unitTests.some((test) => test.alertname === alert && test.exp_alerts.length === 0),
      );
    expect(untested).toEqual([]);
  });

  it('reads only the metric names of the contract (bitbucket_mcp_*), up, and its own recorded series', () => {
    const recorded = new Set(rules.flatMap(({ record }) => (record === undefined ? [] : [record])));
    const names = rules.flatMap(({ expr }) => promqlMetricNames(expr));
    expect(names).toContain('bitbucket_mcp_circuit_breaker_state');
    expect(names).toContain('job:bitbucket_mcp_mcp_requests_slower_than_35ms:ratio_rate1h');
    const unknown = names.filter((name) => name !== 'up' && !name.startsWith('bitbucket_mcp_') && !recorded.has(name));
    expect(unknown).toEqual([]);
  });
});
