import { BITBUCKET_MCP_DASHBOARD } from './bitbucket-mcp.dashboard';
import { layoutDashboard } from './layout-dashboard';

/** Where `npm run docs:dashboard` writes the dashboard, relative to the repository root. */
export const GRAFANA_DASHBOARD_FILE = 'deploy/grafana/dashboards/bitbucket-mcp.json';

/** The text of deploy/grafana/dashboards/bitbucket-mcp.json. */
export function renderGrafanaDashboard(): string {
  return `${JSON.stringify(layoutDashboard(BITBUCKET_MCP_DASHBOARD), null, 2)}\n`;
}
