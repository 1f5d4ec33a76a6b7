// The part of Grafana's classic dashboard JSON model (schemaVersion 39, read by Grafana 10.4 and later,
// which migrate it forward) that deploy/grafana/dashboards/bitbucket-mcp.json uses. One model, so
// its types live together.

/** Every panel and query names its data source by uid; `${datasource}` is the dashboard's variable. */
export interface DataSourceRef {
  readonly type: 'prometheus';
  readonly uid: string;
}

export interface PrometheusTarget {
  readonly refId: string;
  readonly datasource: DataSourceRef;
  readonly editorMode: 'code';
  readonly expr: string;
  readonly legendFormat: string;
  readonly range: boolean;
  readonly instant: boolean;
}

export interface ThresholdStep {
  readonly color: string;
  /** null for the base step (from minus infinity). */
  readonly value: number | null;
}

export interface ValueMapping {
  readonly type: 'value';
  readonly options: Readonly<Record<string, { readonly text: string; readonly color: string; readonly index: number }>>;
}

export interface FieldConfig {
  readonly defaults: {
    readonly unit: string;
    readonly min?: number;
    readonly decimals?: number;
    readonly color: { readonly mode: 'palette-classic' | 'thresholds' };
    readonly thresholds: { readonly mode: 'absolute'; readonly steps: readonly ThresholdStep[] };
    readonly mappings: readonly ValueMapping[];
    readonly custom?: {
      readonly drawStyle: 'line';
      readonly lineInterpolation: 'linear' | 'stepAfter';
      readonly lineWidth: number;
      readonly fillOpacity: number;
      readonly showPoints: 'never';
      readonly spanNulls: boolean;
      readonly stacking: { readonly mode: 'none' | 'normal'; readonly group: 'A' };
      /** `dashed` draws each threshold step as a dashed line: the service levels' lines. */
      readonly thresholdsStyle: { readonly mode: 'off' | 'dashed' };
    };
  };
  readonly overrides: readonly never[];
}

export interface GridPos {
  readonly h: number;
  readonly w: number;
  readonly x: number;
  readonly y: number;
}

interface PanelBase {
  readonly id: number;
  readonly title: string;
  readonly gridPos: GridPos;
}

export interface RowPanel extends PanelBase {
  readonly type: 'row';
  readonly collapsed: false;
  readonly panels: readonly never[];
}

export interface QueryPanel extends PanelBase {
  readonly type: 'timeseries' | 'stat' | 'bargauge';
  readonly description: string;
  readonly datasource: DataSourceRef;
  readonly fieldConfig: FieldConfig;
  readonly options: Readonly<Record<string, unknown>>;
  readonly targets: readonly PrometheusTarget[];
}

export type Panel = RowPanel | QueryPanel;

export interface DataSourceVariable {
  readonly type: 'datasource';
  readonly name: string;
  readonly label: string;
  readonly query: 'prometheus';
  readonly current: { readonly text: string; readonly value: string };
  readonly hide: 0;
  readonly refresh: 1;
  readonly regex: '';
  readonly options: readonly never[];
}

export interface QueryVariable {
  readonly type: 'query';
  readonly name: string;
  readonly label: string;
  readonly datasource: DataSourceRef;
  /** Grafana's `label_values(<series selector>, <label>)`, not PromQL: the label's values on the matching series. */
  readonly query: string;
  readonly definition: string;
  readonly refresh: 2;
  readonly multi: boolean;
  readonly includeAll: boolean;
  readonly allValue?: string;
  readonly current: { readonly text: string | readonly string[]; readonly value: string | readonly string[] };
  readonly sort: 1;
  readonly hide: 0;
  readonly regex: '';
  readonly options: readonly never[];
}

export type Variable = DataSourceVariable | QueryVariable;

export interface GrafanaDashboard {
  readonly uid: string;
  readonly title: string;
  readonly description: string;
  readonly tags: readonly string[];
  readonly timezone: 'browser';
  readonly editable: boolean;
  readonly graphTooltip: 1;
  readonly time: { readonly from: string; readonly to: string };
  readonly refresh: string;
  readonly schemaVersion: 39;
  readonly version: 1;
  readonly links: readonly never[];
  readonly annotations: { readonly list: readonly Readonly<Record<string, unknown>>[] };
  readonly templating: { readonly list: readonly Variable[] };
  readonly panels: readonly Panel[];
}
