import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { PROMETHEUS_RULE_FILE, renderPrometheusRule } from './prometheus-rule/render-prometheus-rule';

// Run from dist/scripts by `npm run deploy:prometheus-rule`; writes into the repository root.
const root = join(__dirname, '..', '..');
writeFileSync(join(root, PROMETHEUS_RULE_FILE), renderPrometheusRule(root));
process.stdout.write(`Wrote ${PROMETHEUS_RULE_FILE}\n`);
