import type { DashboardSpec, PanelSpec } from './dashboard-spec';
import type {
  DataSourceRef,
  FieldConfig,
  GrafanaDashboard,
  Panel,
  PrometheusTarget,
  QueryPanel,
  Variable,
} from './grafana-dashboard.model';

const GRID_COLUMNS = 24;
const HEIGHT = { timeseries: 8, stat: 4, bargauge: 8 } as const;
const DATA_SOURCE: DataSourceRef = { type: 'prometheus', uid: '${datasource}' };
const REF_IDS = 'ABCDEFGHIJ';

function fieldConfig(panel: PanelSpec): FieldConfig {
  const thresholds = panel.thresholds ?? [];
  return {
    defaults: {
      unit: panel.unit,
      ...(panel.kind === 'timeseries' ? { min: 0 } : {}),
      color: { mode: panel.kind === 'timeseries' || thresholds.length === 0 ? 'palette-classic' : 'thresholds' },
      thresholds: { mode: 'absolute', steps: [{ color: 'green', value: null }, ...thresholds] },
      mappings: panel.mappings ?? [],
      ...(panel.kind === 'timeseries'
        ? {
            custom: {
              drawStyle: 'line',
              lineInterpolation: panel.steps === true ? 'stepAfter' : 'linear',
              lineWidth: 1,
              fillOpacity: panel.stacked === true ? 30 : 10,
              showPoints: 'never',
              spanNulls: false,
              stacking: { mode: panel.stacked === true ? 'normal' : 'none', group: 'A' },
              thresholdsStyle: { mode: thresholds.length > 0 ? 'dashed' : 'off' },
            },
          }
        : {}),
    },
    overrides: [],
  };
}

function options(panel: PanelSpec): Readonly<Record<string, unknown>> {
  const lastValue = { calcs: ['lastNotNull'], fields: '', values: false };
  switch (panel.kind) {
    case 'timeseries':
      return {
        legend: { displayMode: 'list', placement: 'bottom', showLegend: true, calcs: [] },
        tooltip: { mode: 'multi', sort: 'desc' },
      };
    case 'stat':
      return {
        reduceOptions: lastValue,
        colorMode: 'value',
        graphMode: panel.showNames === true ? 'none' : 'area',
        justifyMode: 'auto',
        orientation: 'auto',
        textMode: panel.showNames === true ? 'value_and_name' : 'auto',
      };
    case 'bargauge':
      return {
        reduceOptions: lastValue,
        displayMode: 'gradient',
        orientation: 'horizontal',
        showUnfilled: true,
        valueMode: 'color',
        namePlacement: 'auto',
        sizing: 'auto',
      };
  }
}

function targets(panel: PanelSpec): PrometheusTarget[] {
  // A bar gauge ranks totals over the whole time range: one instant query, not a series.
  const instant = panel.kind === 'bargauge';
  return panel.queries.map((query, index) => ({
    refId: REF_IDS.charAt(index),
    datasource: DATA_SOURCE,
    editorMode: 'code',
    expr: query.expr,
    legendFormat: query.legend,
    range: !instant,
    instant,
  }));
}

function variables(spec: DashboardSpec): Variable[] {
  const instances = `label_values(${spec.instanceMetric}{job=~"$job"}, instance)`;
  const jobs = `label_values(${spec.instanceMetric}, job)`;
  return [
    {
      type: 'datasource',
      name: 'datasource',
      label: 'Data source',
      query: 'prometheus',
      current: { text: 'Prometheus', value: spec.dataSourceUid },
      hide: 0,
      refresh: 1,
      regex: '',
      options: [],
    },
    {
      type: 'query',
      name: 'job',
      label: 'Job',
      datasource: DATA_SOURCE,
      query: jobs,
      definition: jobs,
      refresh: 2,
      multi: false,
      includeAll: false,
      current: { text: spec.job, value: spec.job },
      sort: 1,
      hide: 0,
      regex: '',
      options: [],
    },
    {
      type: 'query',
      name: 'instance',
      label: 'Instance',
      datasource: DATA_SOURCE,
      query: instances,
      definition: instances,
      refresh: 2,
      multi: true,
      includeAll: true,
      allValue: '.*',
      current: { text: ['All'], value: ['$__all'] },
      sort: 1,
      hide: 0,
      regex: '',
      options: [],
    },
  ];
}

/**
 * Grafana's JSON for `spec`: a row per section, its panels flowing left to right over the 24-column
 * grid, ids numbered in order, every query on the dashboard's `$datasource`.
 */
export function layoutDashboard(spec: DashboardSpec): GrafanaDashboard {
  const panels: Panel[] = [];
  let y = 0;
  const nextId = (): number => panels.length + 1;
  for (const section of spec.sections) {
    panels.push({
      type: 'row',
      id: nextId(),
      title: section.title,
      collapsed: false,
      gridPos: { h: 1, w: GRID_COLUMNS, x: 0, y },
      panels: [],
    });
    y += 1;
    let x = 0;
    let rowHeight = 0;
    for (const panel of section.panels) {
      if (panel.width > GRID_COLUMNS) throw new Error(`panel "${panel.title}" is wider than the grid`);
      if (x + panel.width > GRID_COLUMNS) {
        y += rowHeight;
        x = 0;
        rowHeight = 0;
      }
      const h = HEIGHT[panel.kind];
      const queryPanel: QueryPanel = {
        type: panel.kind,
        id: nextId(),
        title: panel.title,
        description: panel.description,
        gridPos: { h, w: panel.width, x, y },
        datasource: DATA_SOURCE,
        fieldConfig: fieldConfig(panel),
        options: options(panel),
        targets: targets(panel),
      };
      panels.push(queryPanel);
      x += panel.width;
      rowHeight = Math.max(rowHeight, h);
    }
    y += rowHeight;
  }
  return {
    uid: spec.uid,
    title: spec.title,
    description: spec.description,
    tags: spec.tags,
    timezone: 'browser',
    editable: true,
    graphTooltip: 1,
    time: { from: 'now-6h', to: 'now' },
    refresh: '30s',
    schemaVersion: 39,
    version: 1,
    links: [],
    annotations: {
      list: [
        {
          builtIn: 1,
          datasource: { type: 'grafana', uid: '-- Grafana --' },
          enable: true,
          hide: true,
          iconColor: 'rgba(0, 211, 255, 1)',
          name: 'Annotations & Alerts',
          type: 'dashboard',
        },
      ],
    },
    templating: { list: variables(spec) },
    panels,
  };
}
