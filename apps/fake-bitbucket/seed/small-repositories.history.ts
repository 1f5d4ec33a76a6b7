import type { RepositoryBuilder } from './repository-builder';
import { tinyPng } from './tiny-png';

const lines = (...rows: string[]): string => `${rows.join('\n')}\n`;

const javaClass = (name: string, body: readonly string[]): string =>
  lines('package com.acme.identity;', '', `public final class ${name} {`, ...body.map((row) => `    ${row}`), '}');

export function writeIdentityServiceHistory(repo: RepositoryBuilder): void {
  repo.commit('main', 'dave', 'Initial Spring Boot skeleton', {
    'README.md': lines('# identity-service', '', 'Sign-in, sessions and API keys for Acme staff and merchants.'),
    'pom.xml': lines(
      '<project>',
      '  <groupId>com.acme</groupId>',
      '  <artifactId>identity-service</artifactId>',
      '  <version>1.0.0</version>',
      '</project>',
    ),
    'src/main/java/com/acme/identity/Application.java': javaClass('Application', [
      'public static void main(String[] args) {',
      '}',
    ]),
  });
  repo.commit('main', 'dave', 'Add token issuer', {
    'src/main/java/com/acme/identity/TokenIssuer.java': javaClass('TokenIssuer', [
      'private final java.time.Duration lifetime = java.time.Duration.ofHours(1);',
      '',
      'public String issue(String subject) {',
      '    return subject + "." + java.time.Instant.now().plus(lifetime).getEpochSecond();',
      '}',
    ]),
  });
  repo.commit('main', 'alice', 'Shorten token lifetime to 15 minutes', {
    'src/main/java/com/acme/identity/TokenIssuer.java': javaClass('TokenIssuer', [
      'private final java.time.Duration lifetime = java.time.Duration.ofMinutes(15);',
      '',
      'public String issue(String subject) {',
      '    return subject + "." + java.time.Instant.now().plus(lifetime).getEpochSecond();',
      '}',
    ]),
  });
  repo.commit('main', 'bob', 'Add key store abstraction', {
    'src/main/java/com/acme/identity/KeyStore.java': javaClass('KeyStore', [
      'private final java.util.Map<String, byte[]> keys = new java.util.HashMap<>();',
      '',
      'public void put(String id, byte[] key) {',
      '    keys.put(id, key.clone());',
      '}',
    ]),
  });
  repo.branch('feature/key-rotation', 'main');
  repo.commit('feature/key-rotation', 'alice', 'Rotate signing keys every 30 days', {
    'src/main/java/com/acme/identity/KeyRotation.java': javaClass('KeyRotation', [
      'static final java.time.Duration PERIOD = java.time.Duration.ofDays(30);',
      '',
      'public boolean due(java.time.Instant lastRotation, java.time.Instant now) {',
      '    return !now.isBefore(lastRotation.plus(PERIOD));',
      '}',
    ]),
  });
  repo.merge(
    'main',
    'feature/key-rotation',
    'dave',
    'Merged in feature/key-rotation (pull request #2)\n\nRotate signing keys',
  );
  repo.branch('feature/scim', 'main');
  repo.commit('feature/scim', 'dave', 'SCIM 2.0 user provisioning endpoint', {
    'src/main/java/com/acme/identity/ScimController.java': javaClass('ScimController', [
      'public String createUser(String userName) {',
      '    if (userName == null || userName.isBlank()) {',
      '        throw new IllegalArgumentException("userName is required");',
      '    }',
      '    return "{\\"schemas\\":[\\"urn:ietf:params:scim:schemas:core:2.0:User\\"],\\"userName\\":\\"" + userName + "\\"}";',
      '}',
    ]),
  });
  repo.commit('feature/scim', 'dave', 'SCIM: deactivate users instead of deleting them', {
    'docs/scim.md': lines('# SCIM', '', 'DELETE /scim/v2/Users/{id} deactivates the user; their audit trail stays.'),
  });
  repo.tag('1.0.0', 'main', 'GA', 'dave');
}

const component = (name: string, variants: readonly string[]): string =>
  lines(
    `export type ${name}Variant = ${variants.map((v) => `'${v}'`).join(' | ')};`,
    '',
    `export function ${name.toLowerCase()}Class(variant: ${name}Variant): string {`,
    `  return \`acme-${name.toLowerCase()} acme-${name.toLowerCase()}--\${variant}\`;`,
    '}',
  );

export function writeWebPortalHistory(repo: RepositoryBuilder): void {
  repo.commit('main', 'erin', 'Scaffold the merchant portal', {
    'README.md': lines('# web-portal', '', 'The merchant dashboard: payments, payouts and settings.'),
    'package.json': lines('{', '  "name": "web-portal",', '  "private": true', '}'),
    'src/App.tsx': lines('export function App() {', '  return <main>Acme merchant portal</main>;', '}'),
  });
  repo.commit('main', 'erin', 'Payments table', {
    'src/PaymentsTable.tsx': lines(
      'export function PaymentsTable({ rows }: { rows: { id: string; amount: string }[] }) {',
      '  return (',
      '    <table>',
      '      <tbody>{rows.map((r) => <tr key={r.id}><td>{r.id}</td><td>{r.amount}</td></tr>)}</tbody>',
      '    </table>',
      '  );',
      '}',
    ),
  });
  repo.commit('main', 'bob', 'Use the design system button', {
    'src/App.tsx': lines(
      "import { buttonClass } from '@acme/design-system';",
      '',
      'export function App() {',
      "  return <main>Acme merchant portal <button className={buttonClass('primary')}>New payment</button></main>;",
      '}',
    ),
  });
  repo.commit('main', 'erin', 'Add favicon', { 'public/favicon.png': tinyPng(8, 8, [255, 153, 0]) });
  repo.branch('feature/checkout-redesign', 'main');
  repo.commit('feature/checkout-redesign', 'erin', 'New checkout layout with a summary column', {
    'src/Checkout.tsx': lines(
      'export function Checkout({ total }: { total: string }) {',
      '  return (',
      '    <div className="checkout">',
      '      <section className="checkout__form">Card details</section>',
      '      <aside className="checkout__summary">Total: {total}</aside>',
      '    </div>',
      '  );',
      '}',
    ),
  });
  repo.branch('chore/drop-ie', 'main');
  repo.commit('chore/drop-ie', 'bob', 'Remove legacy IE polyfills', {
    'src/polyfills.ts': null,
    'README.md': lines('# web-portal', '', 'The merchant dashboard. Evergreen browsers only.'),
  });
}

export function writeDesignSystemHistory(repo: RepositoryBuilder): void {
  repo.commit('main', 'carol', 'Design tokens and the button component', {
    'README.md': lines('# design-system', '', 'Tokens, components and icons shared by Acme front ends.'),
    'src/tokens.css': lines(':root {', '  --acme-blue: #0c52cc;', '  --acme-orange: #ff9900;', '}'),
    'src/button.ts': component('Button', ['primary', 'secondary']),
    'icons/check.png': tinyPng(12, 12, [0, 160, 80]),
  });
  repo.branch('feature/button-variants', 'main');
  repo.commit('feature/button-variants', 'carol', 'Add danger and link button variants', {
    'src/button.ts': component('Button', ['primary', 'secondary', 'danger', 'link']),
  });
  repo.merge(
    'main',
    'feature/button-variants',
    'alice',
    'Merged in feature/button-variants (pull request #1)\n\nNew button variants',
  );
  repo.commit('main', 'carol', 'Darker blue for contrast (WCAG AA)', {
    'src/tokens.css': lines(':root {', '  --acme-blue: #0a47b3;', '  --acme-orange: #ff9900;', '}'),
    'icons/cross.png': tinyPng(12, 12, [200, 30, 30]),
  });
  repo.tag('v2.0.0', 'main');
}

export function writeInfraConfigHistory(repo: RepositoryBuilder): void {
  repo.commit('main', 'alice', 'Kubernetes base for payments-api', {
    'k8s/payments-api/deployment.yaml': lines(
      'apiVersion: apps/v1',
      'kind: Deployment',
      'metadata:',
      '  name: payments-api',
      'spec:',
      '  replicas: 2',
    ),
  });
  repo.commit('main', 'dave', 'Scale payments-api to 3 replicas', {
    'k8s/payments-api/deployment.yaml': lines(
      'apiVersion: apps/v1',
      'kind: Deployment',
      'metadata:',
      '  name: payments-api',
      'spec:',
      '  replicas: 3',
    ),
  });
  repo.commit('main', 'alice', 'Terraform state bucket', {
    'terraform/state.tf': lines('resource "aws_s3_bucket" "state" {', '  bucket = "acme-terraform-state"', '}'),
  });
  repo.commit('main', 'dave', 'Autoscale payments-api on CPU', {
    'k8s/payments-api/hpa.yaml': lines(
      'apiVersion: autoscaling/v2',
      'kind: HorizontalPodAutoscaler',
      'metadata:',
      '  name: payments-api',
      'spec:',
      '  minReplicas: 3',
      '  maxReplicas: 10',
    ),
  });
  repo.commit('main', 'alice', 'Version the state bucket', {
    'terraform/state.tf': lines(
      'resource "aws_s3_bucket" "state" {',
      '  bucket = "acme-terraform-state"',
      '}',
      '',
      'resource "aws_s3_bucket_versioning" "state" {',
      '  bucket = aws_s3_bucket.state.id',
      '  versioning_configuration {',
      '    status = "Enabled"',
      '  }',
      '}',
    ),
  });
  repo.commit('main', 'erin', 'Staging overlay with one replica', {
    'k8s/overlays/staging/kustomization.yaml': lines(
      'resources:',
      '  - ../../payments-api',
      'replicas:',
      '  - name: payments-api',
      '    count: 1',
    ),
  });
}

export function writeMlExperimentsHistory(repo: RepositoryBuilder): void {
  repo.commit('main', 'frank', 'Notebook environment', {
    'README.md': lines('# ml-experiments', '', 'Fraud-detection experiments. Nothing here runs in production.'),
    'requirements.txt': lines('numpy==2.3.0', 'scikit-learn==1.7.0'),
  });
  repo.commit('main', 'frank', 'Feature extraction from payment events', {
    'features.py': lines(
      'def features(event):',
      '    return [event["amount_minor"] / 100, len(event.get("reference", "")), event["hour"]]',
    ),
  });
  repo.commit('main', 'carol', 'Add hour-of-day bucketing', {
    'features.py': lines(
      'def bucket(hour):',
      '    return 0 if hour < 6 else 1 if hour < 18 else 2',
      '',
      '',
      'def features(event):',
      '    return [event["amount_minor"] / 100, len(event.get("reference", "")), bucket(event["hour"])]',
    ),
  });
  repo.branch('feature/baseline', 'main');
  repo.commit('feature/baseline', 'frank', 'Logistic regression baseline', {
    'baseline.py': lines(
      'from sklearn.linear_model import LogisticRegression',
      '',
      'from features import features',
      '',
      '',
      'def train(events, labels):',
      '    model = LogisticRegression(max_iter=200)',
      '    model.fit([features(e) for e in events], labels)',
      '    return model',
    ),
  });
}

/** release-notes: 250 small commits, enough for pagination tests to walk many pages. */
export function writeReleaseNotesHistory(repo: RepositoryBuilder): void {
  const entries: string[] = [];
  for (let n = 1; n <= 250; n += 1) {
    entries.unshift(`- 2026.${String(Math.ceil(n / 25)).padStart(2, '0')}.${n}: release note entry ${n}`);
    repo.commit(
      'main',
      n % 5 === 0 ? 'ci-bot' : 'erin',
      `Release note ${n}`,
      { 'CHANGELOG.md': `# Changelog\n\n${entries.join('\n')}\n` },
      {},
      0.25,
    );
  }
}
