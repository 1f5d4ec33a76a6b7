import { McpHttpProcess, REPO_ROOT, freePort } from '@app/testing';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { parse, parseAllDocuments } from 'yaml';
import { MCP_HTTP_CONFIGS } from '../../apps/mcp-http/mcp-http.configs';
import {
  ALERTS_FILE,
  PROMETHEUS_RULE_FILE,
  renderPrometheusRule,
} from '../../scripts/prometheus-rule/render-prometheus-rule';
import { configVariables, deployedEnvironmentProblems } from './deployed-environment';

// Renders every overlay of deploy/kubernetes with `kubectl kustomize` (offline; scripts/ensure-kubectl.sh
// installs kubectl), validates each object against the Kubernetes API schemas, and checks what the
// schemas cannot: the hardening, the probes against the built server, the shutdown timing, affinity.

interface Probe {
  httpGet: { path: string; port: string };
  timeoutSeconds?: number;
}
interface Container {
  name: string;
  image: string;
  ports: { name: string; containerPort: number }[];
  envFrom: ({ configMapRef: { name: string } } | { secretRef: { name: string } })[];
  resources: { requests?: Record<string, string>; limits?: Record<string, string> };
  startupProbe?: Probe;
  livenessProbe?: Probe;
  readinessProbe?: Probe;
  lifecycle?: { preStop?: { exec?: { command: string[] } } };
  securityContext?: Record<string, unknown>;
  volumeMounts?: { name: string; mountPath: string; readOnly?: boolean }[];
}
interface PodSpec {
  terminationGracePeriodSeconds: number;
  securityContext?: Record<string, unknown>;
  containers: Container[];
  initContainers?: Container[];
  volumes?: { name: string; emptyDir?: object }[];
}
interface KubernetesObject {
  apiVersion: string;
  kind: string;
  metadata: { name: string; namespace?: string; labels?: Record<string, string>; annotations?: Record<string, string> };
  data?: Record<string, string>;
  spec?: Record<string, unknown>;
}

const KUSTOMIZE_ROOT = join(REPO_ROOT, 'deploy', 'kubernetes');
const OVERLAYS = ['stateful', 'stateless'];

function kustomize(directory: string): KubernetesObject[] {
  const rendered = execFileSync('kubectl', ['kustomize', directory], { encoding: 'utf8', timeout: 30_000 });
  return parseAllDocuments(rendered).map((document) => document.toJS() as KubernetesObject);
}

/** An overlay with the optional monitoring component added, as docs/operations.md tells operators to. */
function kustomizeWithMonitoring(overlay: string): KubernetesObject[] {
  const directory = mkdtempSync(join(tmpdir(), 'bitbucket-mcp-kustomize-'));
  // kustomize takes relative paths only.
  const from = (path: string): string => relative(directory, path);
  try {
    writeFileSync(
      join(directory, 'kustomization.yaml'),
      [
        'apiVersion: kustomize.config.k8s.io/v1beta1',
        'kind: Kustomization',
        // As docs/operations.md's example overlay: components take the namespace the overlay sets.
        'namespace: bitbucket-mcp',
        `resources: [${from(join(KUSTOMIZE_ROOT, 'overlays', overlay))}]`,
        `components: [${from(join(KUSTOMIZE_ROOT, 'components', 'monitoring'))}]`,
        '',
      ].join('\n'),
    );
    return kustomize(directory);
  } finally {
    rmSync(directory, { recursive: true, force: true });
  }
}

/** Problems kubernetes-models' validate() finds (test/deploy/validate-kubernetes-objects.mjs). */
function schemaProblems(objects: KubernetesObject[]): { object: string; problem: string }[] {
  const output = execFileSync(process.execPath, [join(__dirname, 'validate-kubernetes-objects.mjs')], {
    cwd: REPO_ROOT,
    input: JSON.stringify(objects),
    encoding: 'utf8',
    timeout: 30_000,
  });
  return JSON.parse(output) as { object: string; problem: string }[];
}

function only(objects: KubernetesObject[], kind: string): KubernetesObject {
  const found = objects.filter((object) => object.kind === kind);
  const [first] = found;
  if (first === undefined || found.length > 1) throw new Error(`expected one ${kind}, rendered ${found.length}`);
  return first;
}

const podSpec = (objects: KubernetesObject[]): PodSpec =>
  (only(objects, 'Deployment').spec as { template: { spec: PodSpec } }).template.spec;
const serverContainer = (objects: KubernetesObject[]): Container => {
  const [container] = podSpec(objects).containers;
  if (container === undefined) throw new Error('the Deployment has no container');
  return container;
};
/** The server's environment from the ConfigMap (the Secret's placeholders aside). */
const configMapEnvironment = (objects: KubernetesObject[]): Record<string, string> =>
  only(objects, 'ConfigMap').data ?? {};
const secretEnvironment = (objects: KubernetesObject[]): Record<string, string> =>
  Object.fromEntries(
    Object.entries(only(objects, 'Secret').data ?? {}).map(([name, value]) => [
      name,
      Buffer.from(value, 'base64').toString('utf8'),
    ]),
  );
const containerPort = (container: Container, name: string): number | undefined =>
  container.ports.find((port) => port.name === name)?.containerPort;

const rendered = new Map(OVERLAYS.map((overlay) => [overlay, kustomize(join(KUSTOMIZE_ROOT, 'overlays', overlay))]));
const overlay = (name: string): KubernetesObject[] => rendered.get(name) ?? [];

describe.each(OVERLAYS)('the %s overlay of deploy/kubernetes', (name) => {
  const objects = overlay(name);

  it('renders every object the deployment needs, each valid against the Kubernetes API schemas', () => {
    expect(objects.map((object) => object.kind).sort()).toEqual([
      'ConfigMap',
      'Deployment',
      'HorizontalPodAutoscaler',
      'Ingress',
      'NetworkPolicy',
      'PodDisruptionBudget',
      'Secret',
      'Service',
    ]);
    expect(schemaProblems(objects)).toEqual([]);
  });

  it('with the monitoring component, adds a ServiceMonitor and a PrometheusRule, also valid', () => {
    const monitored = kustomizeWithMonitoring(name);
    expect(monitored.length).toBe(objects.length + 2);
    expect(schemaProblems(monitored.filter((object) => object.apiVersion === 'monitoring.coreos.com/v1'))).toEqual([]);
    const monitor = only(monitored, 'ServiceMonitor').spec as {
      selector: { matchLabels: Record<string, string> };
      endpoints: { port: string }[];
    };
    const service = only(monitored, 'Service');
    expect(service.metadata.labels).toMatchObject(monitor.selector.matchLabels);
    // A ServiceMonitor finds its Service in its own namespace only.
    expect(new Set(monitored.map((object) => object.metadata.namespace))).toEqual(new Set(['bitbucket-mcp']));
    const servicePorts = (service.spec as { ports: { name: string }[] }).ports.map((port) => port.name);
    expect(monitor.endpoints.map((endpoint) => endpoint.port)).toEqual(['metrics']);
    expect(servicePorts).toContain('metrics');
    // The operator names the job after the Service: the job the alerts and the dashboard select.
    expect(readFileSync(join(REPO_ROOT, ALERTS_FILE), 'utf8')).toContain(`job="${service.metadata.name}"`);
  });

  it('hardens every container: non-root, read-only root file system, no capabilities, no escalation, seccomp RuntimeDefault', () => {
    const spec = podSpec(objects);
    expect(spec.securityContext).toMatchObject({ runAsNonRoot: true, seccompProfile: { type: 'RuntimeDefault' } });
    for (const container of [...spec.containers, ...(spec.initContainers ?? [])]) {
      expect([container.name, container.securityContext]).toEqual([
        container.name,
        expect.objectContaining({
          runAsNonRoot: true,
          readOnlyRootFilesystem: true,
          allowPrivilegeEscalation: false,
          capabilities: { drop: ['ALL'] },
          seccompProfile: { type: 'RuntimeDefault' },
        }),
      ]);
      expect(Object.keys(container.resources.requests ?? {}).sort()).toEqual(['cpu', 'memory']);
      expect(Object.keys(container.resources.limits ?? {}).sort()).toEqual(['cpu', 'memory']);
      // Whatever it may write is an emptyDir, never the image.
      for (const mount of container.volumeMounts ?? []) {
        expect(spec.volumes?.find((volume) => volume.name === mount.name)?.emptyDir).toBeDefined();
      }
    }
  });

  it("runs the image tagged with the package's version", () => {
    const { version } = JSON.parse(readFileSync(join(REPO_ROOT, 'package.json'), 'utf8')) as { version: string };
    expect(serverContainer(objects).image).toBe(`bitbucket-mcp-server:${version}`);
  });

  it('configures the server with real configuration variables and values it accepts (the ConfigMap)', () => {
    expect(deployedEnvironmentProblems(MCP_HTTP_CONFIGS, configMapEnvironment(objects))).toEqual([]);
    expect(serverContainer(objects).envFrom).toEqual([
      { configMapRef: { name: only(objects, 'ConfigMap').metadata.name } },
      { secretRef: { name: only(objects, 'Secret').metadata.name } },
    ]);
  });

  it('ships only placeholders in the Secret, which the server refuses: a Secret left as it is never starts a server', () => {
    const secrets = secretEnvironment(objects);
    const variables = configVariables(MCP_HTTP_CONFIGS);
    expect(Object.keys(secrets).filter((variable) => !variables.has(variable))).toEqual([]);
    expect(Object.values(secrets).every((value) => value.includes('REPLACE_ME'))).toBe(true);
    const problems = deployedEnvironmentProblems(MCP_HTTP_CONFIGS, { ...configMapEnvironment(objects), ...secrets });
    expect(problems.map((problem) => problem.slice(0, problem.indexOf(':'))).sort()).toEqual([
      'AUTH_API_KEYS',
      'BITBUCKET_CURSOR_SECRET',
    ]);
  });

  it('declares the ports the ConfigMap sets, and the Service and Ingress route to them by name', () => {
    const container = serverContainer(objects);
    const environment = configMapEnvironment(objects);
    expect(containerPort(container, 'http')).toBe(Number(environment.PORT));
    expect(containerPort(container, 'metrics')).toBe(Number(environment.METRICS_PORT));
    const service = only(objects, 'Service').spec as {
      selector: Record<string, string>;
      ports: { name: string; targetPort: string }[];
    };
    for (const port of service.ports) expect(containerPort(container, port.targetPort)).toBeDefined();
    const podLabels = (
      only(objects, 'Deployment').spec as { template: { metadata: { labels: Record<string, string> } } }
    ).template.metadata.labels;
    expect(podLabels).toMatchObject(service.selector);
    const ingress = JSON.stringify(only(objects, 'Ingress').spec);
    expect(ingress).toContain(`"service":{"name":"${only(objects, 'Service').metadata.name}","port":{"name":"http"}}`);
  });

  it('lets /metrics in from the monitoring namespace only, MCP traffic from anywhere', () => {
    const policy = only(objects, 'NetworkPolicy').spec as {
      ingress: {
        from?: { namespaceSelector?: { matchLabels: Record<string, string> } }[];
        ports: { port: string }[];
      }[];
    };
    const rulesFor = (port: string) => policy.ingress.filter((rule) => rule.ports.some((p) => p.port === port));
    expect(rulesFor('metrics')).toEqual([
      {
        from: [{ namespaceSelector: { matchLabels: { 'kubernetes.io/metadata.name': 'monitoring' } } }],
        ports: [{ port: 'metrics', protocol: 'TCP' }],
      },
    ]);
    expect(rulesFor('http')).toEqual([{ ports: [{ port: 'http', protocol: 'TCP' }] }]);
  });

  it('gives the pod more time to stop than the preStop pause, the drain delay and the shutdown grace period together', () => {
    const spec = podSpec(objects);
    const environment = configMapEnvironment(objects);
    const preStop = serverContainer(objects).lifecycle?.preStop?.exec?.command ?? [];
    expect(preStop[0]).toBe('sleep');
    const stopping =
      Number(preStop[1]) * 1000 +
      Number(environment.SHUTDOWN_DRAIN_DELAY_MS) +
      Number(environment.SHUTDOWN_GRACE_PERIOD_MS);
    expect(spec.terminationGracePeriodSeconds * 1000).toBeGreaterThan(stopping);
    // Each readiness check is time-boxed below the probe's own timeout.
    const readinessTimeout = (serverContainer(objects).readinessProbe?.timeoutSeconds ?? 1) * 1000;
    expect(readinessTimeout).toBeGreaterThan(Number(environment.HEALTH_CHECK_TIMEOUT_MS));
  });

  it('keeps the PodDisruptionBudget and the HorizontalPodAutoscaler on the Deployment, which leaves the replica count to the autoscaler', () => {
    const deployment = only(objects, 'Deployment');
    const podLabels = (deployment.spec as { template: { metadata: { labels: Record<string, string> } } }).template
      .metadata.labels;
    const budget = only(objects, 'PodDisruptionBudget').spec as { selector: { matchLabels: Record<string, string> } };
    expect(podLabels).toMatchObject(budget.selector.matchLabels);
    const autoscaler = only(objects, 'HorizontalPodAutoscaler').spec as {
      scaleTargetRef: { kind: string; name: string };
      minReplicas: number;
    };
    expect(autoscaler.scaleTargetRef).toMatchObject({ kind: 'Deployment', name: deployment.metadata.name });
    expect(autoscaler.minReplicas).toBeGreaterThanOrEqual(2);
    // The autoscaler owns the count: a Deployment naming one would reset it at every apply.
    expect(deployment.spec).not.toHaveProperty('replicas');
  });
});

describe('affinity', () => {
  const hashKey = (objects: KubernetesObject[]): string | undefined =>
    only(objects, 'Ingress').metadata.annotations?.['nginx.ingress.kubernetes.io/upstream-hash-by'];

  it('stateful: the Ingress hashes on the client address, which every request carries, initialize included (the Mcp-Session-Id is issued after that choice)', () => {
    expect(hashKey(overlay('stateful'))).toBe('$remote_addr');
    expect(configMapEnvironment(overlay('stateful')).MCP_STATELESS).toBeUndefined();
  });

  it('stateless: no affinity, the server runs without sessions (MCP_STATELESS=true)', () => {
    expect(hashKey(overlay('stateless'))).toBeUndefined();
    expect(configMapEnvironment(overlay('stateless')).MCP_STATELESS).toBe('true');
  });
});

describe('the PrometheusRule of the monitoring component', () => {
  it(`is ${ALERTS_FILE} (run \`npm run deploy:prometheus-rule\` after changing it)`, () => {
    expect(readFileSync(join(REPO_ROOT, PROMETHEUS_RULE_FILE), 'utf8')).toBe(renderPrometheusRule(REPO_ROOT));
    const rule = only(kustomizeWithMonitoring('stateful'), 'PrometheusRule').spec;
    expect(rule).toEqual(parse(readFileSync(join(REPO_ROOT, ALERTS_FILE), 'utf8')));
  });
});

describe('the probes and ports of the manifests, on the built server with the ConfigMap', () => {
  let server: McpHttpProcess;
  let metricsPort: number;
  const container = serverContainer(overlay('stateful'));

  beforeAll(async () => {
    metricsPort = await freePort();
    // The ConfigMap's settings, bound to loopback on free ports (never 0.0.0.0 in a test).
    server = await McpHttpProcess.start({
      ...configMapEnvironment(overlay('stateful')),
      HOST: '127.0.0.1',
      PUBLIC_URL: '',
      METRICS_PORT: String(metricsPort),
    });
  });
  afterAll(async () => {
    await server.stop();
  });

  it('answers 200 on the path of every probe', async () => {
    const probes = [container.startupProbe, container.livenessProbe, container.readinessProbe];
    expect(probes.map((probe) => [probe?.httpGet.path, probe?.httpGet.port])).toEqual([
      ['/health/live', 'http'],
      ['/health/live', 'http'],
      ['/health/ready', 'http'],
    ]);
    for (const probe of probes) {
      expect((await fetch(`${server.url}${probe?.httpGet.path ?? ''}`)).status).toBe(200);
    }
  });

  it('serves /metrics on METRICS_PORT, and not on the port the Ingress reaches', async () => {
    expect((await fetch(`http://127.0.0.1:${metricsPort}/metrics`)).status).toBe(200);
    expect((await fetch(`${server.url}/metrics`)).status).toBe(404);
  });
});
