import { REPO_ROOT } from '@app/testing';
import { existsSync, readFileSync } from 'node:fs';
import { join, matchesGlob, posix } from 'node:path';
import ts from 'typescript';
import { parse } from 'yaml';
import { FAKE_BITBUCKET_CONFIGS } from '../../apps/fake-bitbucket/fake-bitbucket.configs';
import { MCP_HTTP_CONFIGS } from '../../apps/mcp-http/mcp-http.configs';
import { configVariables, deployedEnvironmentProblems } from './deployed-environment';

// No Docker engine runs here: docker-compose.yml, the Dockerfile and .dockerignore are read as files
// and checked against the configuration schemas, the repository and the build output (`npm run build`).

interface ComposeService {
  image?: string;
  build?: { context: string; args?: Record<string, string> };
  profiles?: string[];
  entrypoint?: string[];
  environment?: Record<string, string>;
  env_file?: { path: string; required?: boolean }[];
  ports?: string[];
  volumes?: string[];
  read_only?: boolean;
  tmpfs?: string[];
  depends_on?: Record<string, unknown> | string[];
  networks?: { default?: { aliases?: string[] } };
  healthcheck?: { test: string[] };
  stop_grace_period?: string;
}

const read = (file: string): string => readFileSync(join(REPO_ROOT, file), 'utf8');
const compose = parse(read('docker-compose.yml'), { merge: true }) as { services: Record<string, ComposeService> };
const services = compose.services;
const service = (name: string): ComposeService => {
  const found = services[name];
  if (found === undefined) throw new Error(`docker-compose.yml has no service ${name}`);
  return found;
};
const SERVERS = ['bitbucket-mcp', 'bitbucket-mcp-demo'];
const packageVersion = (JSON.parse(read('package.json')) as { version: string }).version;

/** `127.0.0.1:3000:3000` → its parts. */
function published(port: string): { host: string; hostPort: number; containerPort: number } {
  const [host, hostPort, containerPort] = port.split(':');
  return { host: host ?? '', hostPort: Number(hostPort), containerPort: Number(containerPort) };
}

/** `./deploy/x:/etc/x:ro` → the host path (relative to the repository) and the container path. */
function bindMount(volume: string): { source: string; target: string } {
  const [source, target] = volume.split(':');
  return { source: posix.normalize(source ?? ''), target: target ?? '' };
}

/** The services started by `docker compose --profile <profile> up`. */
const servicesOf = (profile: string): string[] =>
  Object.entries(services)
    .filter(([, definition]) => definition.profiles === undefined || definition.profiles.includes(profile))
    .map(([name]) => name);

const milliseconds = (duration: string): number => {
  const match = /^(\d+)(ms|s|m)$/.exec(duration);
  if (match === null) throw new Error(`unreadable duration ${duration}`);
  return Number(match[1]) * { ms: 1, s: 1000, m: 60000 }[match[2] as 'ms' | 's' | 'm'];
};

describe('docker-compose.yml', () => {
  it('runs the server against your Bitbucket (profile server) or the fake Bitbucket (profile demo), each with Redis, Prometheus and Grafana', () => {
    expect(servicesOf('server').sort()).toEqual(['bitbucket-mcp', 'grafana', 'prometheus', 'redis']);
    expect(servicesOf('demo').sort()).toEqual([
      'bitbucket-mcp-demo',
      'fake-bitbucket',
      'grafana',
      'prometheus',
      'redis',
    ]);
  });

  it.each(SERVERS)('gives %s an environment the server accepts, every name a configuration variable', (name) => {
    expect(deployedEnvironmentProblems(MCP_HTTP_CONFIGS, service(name).environment ?? {})).toEqual([]);
  });

  it('gives the fake Bitbucket an environment it accepts, and checks its health on the port it listens on', () => {
    const fake = service('fake-bitbucket');
    const environment = fake.environment ?? {};
    expect(deployedEnvironmentProblems(FAKE_BITBUCKET_CONFIGS, environment)).toEqual([]);
    const port = Number(environment.FAKE_BITBUCKET_PORT);
    expect((fake.ports ?? []).map(published)).toEqual([{ host: '127.0.0.1', hostPort: port, containerPort: port }]);
    expect(fake.healthcheck?.test.join(' ')).toContain(`http://127.0.0.1:${port}/health/ready`);
  });

  it('runs the fake from the image the server is built into: its entry point is in the build output the image copies', () => {
    const fake = service('fake-bitbucket');
    expect(fake.image).toBe(service('bitbucket-mcp').image);
    expect(fake.build).toEqual(service('bitbucket-mcp').build);
    const [command, script] = fake.entrypoint ?? [];
    expect(command).toBe('node');
    expect(script).toMatch(/^dist\/apps\/fake-bitbucket\/main\.js$/);
    expect(existsSync(join(REPO_ROOT, script ?? ''))).toBe(true);
  });

  it('wires the demo server to the fake, with the seeded credentials npm run demo uses', () => {
    const environment = service('bitbucket-mcp-demo').environment ?? {};
    const fakePort = service('fake-bitbucket').environment?.FAKE_BITBUCKET_PORT;
    expect(environment.BITBUCKET_URL).toBe(`http://fake-bitbucket:${fakePort}/2.0`);
    const demoScript = read('scripts/demo.mjs');
    expect(demoScript).toContain(`BITBUCKET_EMAIL: '${environment.BITBUCKET_EMAIL}'`);
    expect(demoScript).toContain(`BITBUCKET_API_TOKEN: '${environment.BITBUCKET_API_TOKEN}'`);
    expect(service('bitbucket-mcp-demo').depends_on).toHaveProperty('fake-bitbucket');
  });

  it.each(SERVERS)(
    '%s publishes its PORT on loopback only, has a read-only root with /tmp writable, and stops after draining',
    (name) => {
      const server = service(name);
      const environment = server.environment ?? {};
      expect((server.ports ?? []).map(published)).toEqual([
        { host: '127.0.0.1', hostPort: Number(environment.PORT), containerPort: Number(environment.PORT) },
      ]);
      expect(server.read_only).toBe(true);
      expect(server.tmpfs).toEqual(['/tmp']);
      expect(environment.LOG_DIR).toBeUndefined();
      expect(milliseconds(server.stop_grace_period ?? '0s')).toBeGreaterThan(
        Number(environment.SHUTDOWN_DRAIN_DELAY_MS) + Number(environment.SHUTDOWN_GRACE_PERIOD_MS),
      );
    },
  );

  it('publishes every port on loopback only, and no host port twice in one profile', () => {
    for (const profile of ['server', 'demo']) {
      const ports = servicesOf(profile).flatMap((name) => (service(name).ports ?? []).map(published));
      expect(ports.every((port) => port.host === '127.0.0.1')).toBe(true);
      const hostPorts = ports.map((port) => port.hostPort);
      expect(new Set(hostPorts).size).toBe(hostPorts.length);
    }
  });

  it('mounts files that exist, read-only', () => {
    const volumes = Object.values(services).flatMap((definition) => definition.volumes ?? []);
    expect(volumes.length).toBeGreaterThan(0);
    for (const volume of volumes) {
      expect(volume).toMatch(/:ro$/);
      const { source } = bindMount(volume);
      if (!existsSync(join(REPO_ROOT, source)))
        throw new Error(`docker-compose.yml mounts ${source}, which is missing`);
    }
    for (const definition of Object.values(services)) {
      for (const envFile of definition.env_file ?? []) {
        if (envFile.required !== false) expect(existsSync(join(REPO_ROOT, envFile.path))).toBe(true);
      }
      if (definition.build !== undefined)
        expect(existsSync(join(REPO_ROOT, definition.build.context, 'Dockerfile'))).toBe(true);
    }
  });

  it('has Prometheus scrape every server where deploy/prometheus/prometheus.yml says, and load the rules beside it', () => {
    const mounts = (service('prometheus').volumes ?? []).map(bindMount);
    const configMount = mounts.find((mount) => mount.source === 'deploy/prometheus/prometheus.yml');
    expect(configMount?.target).toBe('/etc/prometheus/prometheus.yml');
    const config = parse(read('deploy/prometheus/prometheus.yml')) as {
      rule_files: string[];
      scrape_configs: { job_name: string; static_configs: { targets: string[] }[] }[];
    };
    for (const ruleFile of config.rule_files) {
      expect(mounts).toContainEqual({ source: `deploy/prometheus/${ruleFile}`, target: `/etc/prometheus/${ruleFile}` });
    }
    const targets = config.scrape_configs.flatMap((job) => job.static_configs.flatMap((group) => group.targets));
    expect(targets).toHaveLength(1);
    const [host, port] = (targets[0] ?? '').split(':');
    for (const name of SERVERS) {
      const server = service(name);
      expect([name, ...(server.networks?.default?.aliases ?? [])]).toContain(host);
      const environment = server.environment ?? {};
      expect(port).toBe(environment.METRICS_PORT ?? environment.PORT);
    }
  });

  it('provisions Grafana with the data source (pointing at the Prometheus service) and the dashboard from deploy/grafana', () => {
    const mounts = (service('grafana').volumes ?? []).map(bindMount);
    const target = (source: string): string | undefined => mounts.find((mount) => mount.source === source)?.target;
    expect(target('deploy/grafana/provisioning/datasources')).toBe('/etc/grafana/provisioning/datasources');
    expect(target('deploy/grafana/provisioning/dashboards')).toBe('/etc/grafana/provisioning/dashboards');
    const provider = parse(read('deploy/grafana/provisioning/dashboards/bitbucket-mcp.yml')) as {
      providers: { options: { path: string } }[];
    };
    expect(target('deploy/grafana/dashboards')).toBe(provider.providers[0]?.options.path);

    const datasource = parse(read('deploy/grafana/provisioning/datasources/bitbucket-mcp-prometheus.yml')) as {
      datasources: { url: string }[];
    };
    const url = new URL(datasource.datasources[0]?.url ?? '');
    expect(services[url.hostname]?.image).toMatch(/^prom\/prometheus:v2\./);
    expect((service('prometheus').ports ?? []).map(published).map((port) => port.containerPort)).toContain(
      Number(url.port),
    );

    const home = service('grafana').environment?.GF_DASHBOARDS_DEFAULT_HOME_DASHBOARD_PATH ?? '';
    const dashboards = mounts.find((mount) => home.startsWith(`${mount.target}/`));
    expect(dashboards?.source).toBe('deploy/grafana/dashboards');
    expect(existsSync(join(REPO_ROOT, home.replace(dashboards?.target ?? '', dashboards?.source ?? '')))).toBe(true);
  });

  it("builds the image with the package's version and a commit label the server accepts", () => {
    const args = service('bitbucket-mcp').build?.args ?? {};
    expect(args.VERSION).toBe(packageVersion);
    expect(deployedEnvironmentProblems(MCP_HTTP_CONFIGS, { GIT_COMMIT: args.GIT_COMMIT })).toEqual([]);
  });
});

/** The Dockerfile's stages: instructions with continuation lines joined, comments dropped. */
function dockerfileStages(): { name: string; instructions: string[] }[] {
  const instructions = read('Dockerfile')
    .replace(/\\\n\s*/g, ' ')
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line !== '' && !line.startsWith('#'));
  const stages: { name: string; instructions: string[] }[] = [];
  for (const instruction of instructions) {
    const from = /^FROM \S+(?: AS (\S+))?$/.exec(instruction);
    if (from !== null) stages.push({ name: from[1] ?? 'runtime', instructions: [] });
    else stages.at(-1)?.instructions.push(instruction);
  }
  return stages;
}

describe('the Dockerfile', () => {
  const stages = dockerfileStages();
  const runtime = stages.at(-1)?.instructions ?? [];
  const stageNamed = (name: string): string[] => stages.find((stage) => stage.name === name)?.instructions ?? [];

  it('runs as the unprivileged node user, the image labelled with the VERSION and GIT_COMMIT build arguments', () => {
    expect(runtime).toContain('USER node');
    expect(runtime).toEqual(expect.arrayContaining(['ARG VERSION=', 'ARG GIT_COMMIT=']));
    const labels = runtime.find((instruction) => instruction.startsWith('LABEL ')) ?? '';
    expect(labels).toContain('org.opencontainers.image.version="${VERSION}"');
    expect(labels).toContain('org.opencontainers.image.revision="${GIT_COMMIT}"');
    expect(runtime).toContain('ENV GIT_COMMIT=${GIT_COMMIT}');
  });

  it('sets only configuration variables and Node.js settings, and no LOG_DIR: logs go to stdout, the root can be read-only', () => {
    const names = runtime
      .filter((instruction) => instruction.startsWith('ENV '))
      .flatMap((instruction) => [...instruction.slice(4).matchAll(/([A-Z_][A-Z0-9_]*)=/g)].map((match) => match[1]));
    const variables = configVariables(MCP_HTTP_CONFIGS);
    expect(
      names.filter((name) => !variables.has(name ?? '') && !['NODE_ENV', 'NODE_OPTIONS'].includes(name ?? '')),
    ).toEqual([]);
    expect(names).not.toContain('LOG_DIR');
  });

  it('copies production dependencies only, installed from the lockfile with dev dependencies omitted', () => {
    expect(runtime).toContain('COPY --from=production-dependencies /app/node_modules ./node_modules');
    expect(stageNamed('production-dependencies')).toContain('RUN npm ci --omit=dev --no-audit --no-fund');
    expect(runtime.filter((instruction) => instruction.startsWith('COPY ')).sort()).toEqual([
      'COPY --from=build /app/bin ./bin',
      'COPY --from=build /app/dist ./dist',
      'COPY --from=build /app/package.json ./package.json',
      'COPY --from=production-dependencies /app/node_modules ./node_modules',
    ]);
  });

  it('starts bin/bitbucket-mcp.js serve, whose app is in the build output', () => {
    expect(runtime).toContain('ENTRYPOINT ["node", "bin/bitbucket-mcp.js"]');
    expect(runtime).toContain('CMD ["serve"]');
    expect(read('bin/bitbucket-mcp.js')).toContain("serve: 'mcp-http'");
    expect(existsSync(join(REPO_ROOT, 'dist/apps/mcp-http/main.js'))).toBe(true);
  });
});

describe('.dockerignore', () => {
  const patterns = read('.dockerignore')
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line !== '' && !line.startsWith('#'));
  // Docker leaves out a path when a pattern matches it or one of its parent directories.
  const ignored = (file: string): boolean => {
    const parts = file.split('/');
    return parts.some((_, index) =>
      patterns.some((pattern) => matchesGlob(parts.slice(0, index + 1).join('/'), pattern)),
    );
  };

  it('keeps tests, docs, benchmarks, load scenarios and coverage out of the build context', () => {
    for (const file of [
      'test/deploy/compose.e2e-spec.ts',
      'apps/mcp-http/test/lifecycle.e2e-spec.ts',
      'libs/config/src/validate-environment.spec.ts',
      'libs/testing/src/index.ts',
      'docs/operations.md',
      'README.md',
      'bench/throughput.bench.mjs',
      'artillery/package.json',
      'coverage/lcov.info',
      'node_modules/yaml/package.json',
      '.env',
    ]) {
      expect([file, ignored(file)]).toEqual([file, true]);
    }
  });

  it('keeps every file the build compiles or copies (tsconfig.build.json, scripts/build.mjs, i18n, bin)', () => {
    const config = ts.getParsedCommandLineOfConfigFile(
      join(REPO_ROOT, 'tsconfig.build.json'),
      {},
      {
        ...ts.sys,
        onUnRecoverableConfigFileDiagnostic: (diagnostic) => {
          throw new Error(ts.flattenDiagnosticMessageText(diagnostic.messageText, '\n'));
        },
      },
    );
    const compiled = (config?.fileNames ?? []).map((file) => posix.relative(REPO_ROOT, file));
    expect(compiled.length).toBeGreaterThan(100);
    const needed = [
      ...compiled,
      'package.json',
      'package-lock.json',
      'tsconfig.json',
      'tsconfig.build.json',
      'scripts/build.mjs',
      'i18n/en/errors.json',
      'bin/bitbucket-mcp.js',
    ];
    expect(needed.filter(ignored)).toEqual([]);
  });
});
