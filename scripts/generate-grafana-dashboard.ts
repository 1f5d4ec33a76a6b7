import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { GRAFANA_DASHBOARD_FILE, renderGrafanaDashboard } from './grafana-dashboard/render-grafana-dashboard';

// Run from dist/scripts by `npm run docs:dashboard`; writes into the repository root.
const target = join(__dirname, '..', '..', GRAFANA_DASHBOARD_FILE);
mkdirSync(dirname(target), { recursive: true });
writeFileSync(target, renderGrafanaDashboard());
process.stdout.write(`Wrote ${GRAFANA_DASHBOARD_FILE}\n`);
