import type { GrafanaDashboard } from '../../scripts/grafana-dashboard/grafana-dashboard.model';

/** A query of the dashboard, named by where it is. */
export interface DashboardQuery {
  /** `panel "<title>" <refId>` or `variable <name>`. */
  readonly where: string;
  readonly expr: string;
  /** A variable's `label_values(...)`: Grafana's, answered by Prometheus's label values API rather than PromQL. */
  readonly kind: 'promql' | 'label_values';
}

/** Every query the dashboard runs: each panel target, each query variable. */
export function dashboardQueries(dashboard: GrafanaDashboard): DashboardQuery[] {
  const variables = dashboard.templating.list.flatMap((variable) =>
    variable.type === 'query'
      ? [{ where: `variable ${variable.name}`, expr: variable.query, kind: 'label_values' as const }]
      : [],
  );
  const targets = dashboard.panels.flatMap((panel) =>
    panel.type === 'row'
      ? []
      : panel.targets.map((target) => ({
          where: `panel "${panel.title}" ${target.refId}`,
          expr: target.expr,
          kind: 'promql' as const,
        })),
  );
  return [...variables, ...targets];
}
