import packageJson from '../../../package.json';

/** How the server introduces itself in `initialize`. */
export const SERVER_INFO = {
  name: 'bitbucket-mcp-server',
  title: 'Bitbucket MCP Server',
  version: packageJson.version,
} as const;
