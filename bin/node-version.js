// Loaded first by every entry point (bin/bitbucket-mcp.js, scripts/demo.mjs, each app's main.ts, from
// dist/bin/ once built): on an older Node the server's dependencies fail while loading, with errors that
// do not say why (undici on Node 20), so it stops here with one line naming the version it needs.
// It requires nothing but Node's own modules, which load on any version.
'use strict';
const { existsSync, readFileSync } = require('node:fs');
const { dirname, join } = require('node:path');

/** The package.json of the project, found upwards from here (bin/, or dist/bin/ in a build). */
function projectPackage(from = __dirname) {
  for (let dir = from; ; dir = dirname(dir)) {
    const file = join(dir, 'package.json');
    if (existsSync(file)) return JSON.parse(readFileSync(file, 'utf8'));
    if (dirname(dir) === dir) throw new Error(`No package.json above ${from}`);
  }
}

/** The oldest Node major `engines.node` accepts (`>=24` → 24). */
function requiredNodeMajor(engines = projectPackage().engines?.node ?? '') {
  const major = /(\d+)/.exec(engines)?.[1];
  if (major === undefined) throw new Error(`package.json engines.node has no version: "${engines}"`);
  return Number(major);
}

/** The line refusing Node `version`, or undefined when it is recent enough. */
function nodeVersionProblem(version, required = requiredNodeMajor()) {
  const major = Number(/^v?(\d+)/.exec(version)?.[1] ?? 0);
  if (major >= required) return undefined;
  return `bitbucket-mcp-server needs Node.js ${required} or newer, and this is Node.js ${version}: install Node.js ${required} (the version in .nvmrc) and run it again.`;
}

const problem = nodeVersionProblem(process.versions.node);
if (problem !== undefined) {
  process.stderr.write(`${problem}\n`);
  process.exit(1);
}

module.exports = { nodeVersionProblem, requiredNodeMajor };
