import type { ThresholdStep, ValueMapping } from './grafana-dashboard.model';

/** One PromQL query of a panel; Grafana's `$job`, `$instance`, `$__rate_interval`, `$__range` may appear. */
export interface QuerySpec {
  readonly expr: string;
  /** Grafana's legend template (`{{label}}`). */
  readonly legend: string;
}

/** A panel as the dashboard's author thinks of it; layoutDashboard turns it into Grafana's JSON. */
export interface PanelSpec {
  readonly kind: 'timeseries' | 'stat' | 'bargauge';
  readonly title: string;
  /** What it shows and what normal looks like (the panel's hover text; docs/operations.md#dashboard says more). */
  readonly description: string;
  /** A Grafana unit id (`s`, `reqps`, `percentunit`, `bytes`, `suffix:×`…). */
  readonly unit: string;
  /** Of the 24 columns of Grafana's grid. */
  readonly width: number;
  readonly queries: readonly QuerySpec[];
  /** Drawn as dashed lines on a time series; the colours of a stat. Above the base step (green). */
  readonly thresholds?: readonly (ThresholdStep & { readonly value: number })[];
  readonly mappings?: readonly ValueMapping[];
  /** Time series: stacked areas instead of lines. */
  readonly stacked?: boolean;
  /** Time series of a state (a gauge that jumps): drawn as steps. */
  readonly steps?: boolean;
  /** Stat: show the series names beside their values (e.g. versions). */
  readonly showNames?: boolean;
}

export interface SectionSpec {
  readonly title: string;
  readonly panels: readonly PanelSpec[];
}

export interface DashboardSpec {
  readonly uid: string;
  readonly title: string;
  readonly description: string;
  readonly tags: readonly string[];
  /** The uid of the provisioned Prometheus data source (deploy/grafana/provisioning/datasources). */
  readonly dataSourceUid: string;
  /** The scrape job the `job` variable starts on. */
  readonly job: string;
  /** A metric every replica exposes once, to list jobs and instances from. */
  readonly instanceMetric: string;
  readonly sections: readonly SectionSpec[];
}
