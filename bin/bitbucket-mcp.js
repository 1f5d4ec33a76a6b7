#!/usr/bin/env node
// `bitbucket-mcp [serve|stdio]`: the HTTP server (default) or the stdio server an MCP client launches.
'use strict';
require('./node-version');
const { join } = require('node:path');

const commands = { serve: 'mcp-http', stdio: 'mcp-stdio' };
const command = process.argv[2] ?? 'serve';
const app = commands[command];
if (app === undefined) {
  process.stderr.write(
    `Usage: bitbucket-mcp [serve|stdio]\n  serve  HTTP server (Streamable HTTP and SSE), the default\n  stdio  stdio server for a local MCP client\n`,
  );
  process.exit(command === '--help' || command === '-h' ? 0 : 2);
}
require(join(__dirname, '..', 'dist', 'apps', app, 'main.js'));
