// Compiles every app and lib in one TypeScript program into dist/, keeping the source layout
// (apps/<app>/main.ts -> dist/apps/<app>/main.js) and rewriting the `@app/<lib>` path aliases of
// the emitted CommonJS into relative requires, so dist/ runs on plain Node with no loader.
import { cpSync, existsSync, rmSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const outDir = join(root, 'dist');
// bin/node-version.js: each app's main.js loads it first (dist/bin/), before any dependency.
const assets = [
  { from: 'i18n', to: 'i18n' },
  { from: 'bin/node-version.js', to: 'bin/node-version.js' },
];

function fail(diagnostics) {
  const host = {
    getCanonicalFileName: (f) => f,
    getCurrentDirectory: () => root,
    getNewLine: () => '\n',
  };
  process.stderr.write(ts.formatDiagnosticsWithColorAndContext(diagnostics, host));
  process.exit(1);
}

const parsed = ts.getParsedCommandLineOfConfigFile(
  join(root, 'tsconfig.build.json'),
  {},
  {
    ...ts.sys,
    onUnRecoverableConfigFileDiagnostic: (d) => fail([d]),
  },
);
if (parsed.errors.length > 0) fail(parsed.errors);

const aliases = new Map(
  Object.entries(parsed.options.paths ?? {}).map(([alias, [target]]) => [
    alias,
    resolve(root, target.replace(/\.ts$/, '')),
  ]),
);

/** Rewrites `require("@app/x")` in emitted CommonJS into a relative path to the lib's index. */
function aliasRewriter(context) {
  const { factory } = context;
  return (sourceFile) => {
    const fromDir = dirname(sourceFile.fileName);
    const visit = (node) => {
      if (
        ts.isCallExpression(node) &&
        ts.isIdentifier(node.expression) &&
        node.expression.text === 'require' &&
        node.arguments.length === 1 &&
        ts.isStringLiteral(node.arguments[0]) &&
        aliases.has(node.arguments[0].text)
      ) {
        let target = relative(fromDir, aliases.get(node.arguments[0].text));
        if (!target.startsWith('.')) target = `./${target}`;
        return factory.updateCallExpression(node, node.expression, undefined, [factory.createStringLiteral(target)]);
      }
      return ts.visitEachChild(node, visit, context);
    };
    return ts.visitNode(sourceFile, visit);
  };
}

const started = Date.now();
rmSync(outDir, { recursive: true, force: true });
const program = ts.createProgram({ rootNames: parsed.fileNames, options: parsed.options });
const diagnostics = ts.getPreEmitDiagnostics(program);
if (diagnostics.length > 0) fail(diagnostics);
const emitted = program.emit(undefined, undefined, undefined, false, { after: [aliasRewriter] });
if (emitted.diagnostics.length > 0) fail(emitted.diagnostics);

for (const asset of assets) {
  const from = join(root, asset.from);
  if (existsSync(from)) cpSync(from, join(outDir, asset.to), { recursive: true });
}

for (const app of ['mcp-http', 'mcp-stdio', 'fake-bitbucket']) {
  if (!existsSync(join(outDir, 'apps', app, 'main.js'))) {
    process.stderr.write(`build: dist/apps/${app}/main.js was not produced\n`);
    process.exit(1);
  }
}
process.stdout.write(`build: ${parsed.fileNames.length} files compiled into dist/ in ${Date.now() - started} ms\n`);
