import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import type { GrafanaDashboard, QueryPanel } from '../../scripts/grafana-dashboard/grafana-dashboard.model';
import {
  GRAFANA_DASHBOARD_FILE,
  renderGrafanaDashboard,
} from '../../scripts/grafana-dashboard/render-grafana-dashboard';
import { SERVICE_LEVEL_1 } from '../../scripts/grafana-dashboard/service-level-1';
import { dashboardQueries } from './dashboard-queries';
import { markdownSection } from './markdown-sections';

const root = join(__dirname, '..', '..');
const read = (file: string): string => readFileSync(join(root, file), 'utf8');
const dashboard = JSON.parse(renderGrafanaDashboard()) as GrafanaDashboard;
const queryPanels = dashboard.panels.filter((panel): panel is QueryPanel => panel.type !== 'row');

describe('the Grafana dashboard', () => {
  it(`${GRAFANA_DASHBOARD_FILE} is what scripts/grafana-dashboard generates (run \`npm run docs:dashboard\` after changing it)`, () => {
    expect(read(GRAFANA_DASHBOARD_FILE)).toBe(renderGrafanaDashboard());
  });

  it('numbers its panels once each and tiles the 24-column grid without overlaps', () => {
    const ids = dashboard.panels.map((panel) => panel.id);
    expect(new Set(ids).size).toBe(ids.length);
    const cells = new Set<string>();
    for (const { gridPos, title } of dashboard.panels) {
      expect(gridPos.x + gridPos.w).toBeLessThanOrEqual(24);
      for (let x = gridPos.x; x < gridPos.x + gridPos.w; x += 1) {
        for (let y = gridPos.y; y < gridPos.y + gridPos.h; y += 1) {
          if (cells.has(`${x},${y}`)) throw new Error(`panel "${title}" overlaps another at ${x},${y}`);
          cells.add(`${x},${y}`);
        }
      }
    }
  });

  it('queries the provisioned data source through its variable, on the selected job and instances only', () => {
    const provisioned = parse(read('deploy/grafana/provisioning/datasources/bitbucket-mcp-prometheus.yml')) as {
      datasources: { uid: string; type: string }[];
    };
    const variable = dashboard.templating.list.find((candidate) => candidate.name === 'datasource');
    expect(provisioned.datasources).toEqual([expect.objectContaining({ type: 'prometheus' })]);
    expect(variable?.current.value).toBe(provisioned.datasources[0]?.uid);
    for (const panel of queryPanels) {
      expect(panel.datasource).toEqual({ type: 'prometheus', uid: '${datasource}' });
      for (const target of panel.targets) expect(target.datasource).toEqual(panel.datasource);
    }
    const selectors = dashboardQueries(dashboard)
      .filter(({ kind }) => kind === 'promql')
      .flatMap(({ expr }) => [...expr.matchAll(/\b(up|bitbucket_mcp_\w+)\{([^}]*)\}/g)]);
    expect(selectors.length).toBeGreaterThan(queryPanels.length);
    for (const [selector, , matchers = ''] of selectors) {
      expect({
        selector,
        job: matchers.includes('job=~"$job"'),
        instance: matchers.includes('instance=~"$instance"'),
      }).toEqual({
        selector,
        job: true,
        instance: true,
      });
    }
  });

  it('draws the latency lines of service level 1 as docs/SLA.md states them, at buckets the alerts burn against', () => {
    const level1 = /^\| 1 +\| Latency .*p95 ≤ (\d+) ms, p99 ≤ (\d+) ms/m.exec(read('docs/SLA.md'));
    expect(level1?.slice(1).map(Number)).toEqual([
      SERVICE_LEVEL_1.p95Seconds * 1000,
      SERVICE_LEVEL_1.p99Seconds * 1000,
    ]);
    const latency = queryPanels.find((panel) => panel.title === 'MCP answer latency against service level 1');
    expect(latency?.fieldConfig.defaults.thresholds.steps.map(({ value }) => value)).toEqual([
      null,
      SERVICE_LEVEL_1.p95Seconds,
      SERVICE_LEVEL_1.p99Seconds,
    ]);
    expect(latency?.fieldConfig.defaults.custom?.thresholdsStyle.mode).toBe('dashed');
    const alerts = read('deploy/prometheus/alerts.yml');
    expect(alerts).toContain(`le="${SERVICE_LEVEL_1.p95Seconds}"`);
    expect(alerts).toContain(`le="${SERVICE_LEVEL_1.p99Seconds}"`);
    expect(alerts).toContain(`(14.4 * ${SERVICE_LEVEL_1.p95Budget})`);
    expect(alerts).toContain(`(14.4 * ${SERVICE_LEVEL_1.p99Budget})`);
  });

  it('has every panel explained in docs/operations.md#dashboard', () => {
    const section = markdownSection(read('docs/operations.md'), 'Dashboard');
    const missing = queryPanels.map(({ title }) => title).filter((title) => !section.includes(`| ${title} `));
    expect(missing).toEqual([]);
  });
});
