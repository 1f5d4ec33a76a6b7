// Architecture rules (docs/architecture.md): dependency direction between libs, no lib importing
// an app, no reaching past a lib's index.ts, test helpers only in tests. Run by `npm run lint`.
const lib = (name) => `^libs/${name}/`;
// Test code (specs and each app's or lib's test/ folder) may also use libs/testing.
const TEST_FILES = ['\\.(e2e-)?spec\\.ts$', '^(apps|libs)/[^/]+/test/'];
const onlyMayImport = (name, allowed) => ({
  name: `${name}-dependencies`,
  comment: `libs/${name} may import only: ${allowed.length > 0 ? allowed.join(', ') : 'no other lib'}`,
  severity: 'error',
  from: { path: lib(name) },
  // libs/testing is allowed here; the rule testing-only-from-tests keeps it out of production code.
  to: { path: '^libs/', pathNot: [lib(name), lib('testing'), ...allowed.map(lib)] },
});

module.exports = {
  forbidden: [
    {
      name: 'lib-not-to-app',
      comment: 'Libs hold the behaviour; apps only wire them.',
      severity: 'error',
      from: { path: '^libs/' },
      to: { path: '^apps/' },
    },
    {
      name: 'app-not-to-other-app',
      comment: 'Apps share code through libs, never by importing each other.',
      severity: 'error',
      from: { path: '^apps/([^/]+)/' },
      to: { path: '^apps/', pathNot: '^apps/$1/' },
    },
    {
      name: 'no-deep-lib-import',
      comment: 'Outside a lib, only its src/index.ts may be imported (use the @app/<lib> alias).',
      severity: 'error',
      from: { path: '^(?!libs/)' },
      to: { path: '^libs/[^/]+/src/', pathNot: '^libs/[^/]+/src/index\\.ts$' },
    },
    {
      name: 'no-deep-lib-import-between-libs',
      comment: 'A lib imports another lib through its index only.',
      severity: 'error',
      from: { path: '^(libs/[^/]+)/' },
      to: { path: '^libs/[^/]+/src/', pathNot: ['^$1/', '^libs/[^/]+/src/index\\.ts$'] },
    },
    {
      name: 'testing-only-from-tests',
      comment: 'libs/testing is for tests; production code never imports it.',
      severity: 'error',
      from: { path: '^(apps|libs)/', pathNot: [...TEST_FILES, '^libs/testing/'] },
      to: { path: '^libs/testing/' },
    },
    onlyMayImport('common', []),
    onlyMayImport('config', ['common']),
    onlyMayImport('observability', ['common', 'config']),
    onlyMayImport('i18n', ['common', 'config', 'observability']),
    onlyMayImport('health', ['common', 'config', 'observability']),
    onlyMayImport('auth', ['common', 'config', 'observability']),
    onlyMayImport('redis', ['common', 'config', 'observability']),
    onlyMayImport('rate-limit', ['common', 'config', 'observability', 'redis']),
    onlyMayImport('bitbucket', ['common', 'config', 'observability']),
    onlyMayImport('mcp', ['common', 'config', 'observability']),
    onlyMayImport('tools', ['common', 'config', 'observability', 'mcp', 'bitbucket']),
    onlyMayImport('transport', ['common', 'config', 'observability', 'mcp', 'health', 'redis']),
    onlyMayImport('metrics', [
      'common',
      'config',
      'observability',
      'bitbucket',
      'mcp',
      'rate-limit',
      'auth',
      'transport',
      'redis',
    ]),
    {
      name: 'metrics-only-from-mcp-http',
      comment: 'Metrics are served by the HTTP service only: no lib and no other app imports libs/metrics.',
      severity: 'error',
      from: { path: '^(apps|libs)/', pathNot: ['^apps/mcp-http/', '^libs/metrics/'] },
      to: { path: '^libs/metrics/' },
    },
    onlyMayImport('audit', ['common', 'config', 'observability', 'mcp']),
    {
      name: 'no-circular',
      severity: 'error',
      from: {},
      to: { circular: true },
    },
    {
      name: 'not-to-unresolvable',
      comment:
        'An import that does not resolve (a deep alias such as @app/x/y, a typo) fails the build anyway; say so early.',
      severity: 'error',
      from: {},
      to: { couldNotResolve: true },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '^(dist|node_modules|test/fixtures)/' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: {
      exportsFields: ['exports'],
      conditionNames: ['import', 'require', 'node', 'default', 'types'],
    },
  },
};
