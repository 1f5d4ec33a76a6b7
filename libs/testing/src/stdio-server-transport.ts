import { StdioClientTransport } from '@modelcontextprotocol/sdk/client/stdio.js';
import { REPO_ROOT } from './repo-root';
import { spawnEnvironment } from './spawn-environment';

/**
 * An SDK StdioClientTransport that launches the built stdio server (dist/apps/mcp-stdio) when the
 * client connects, with `env` over quiet defaults; `logDir` is its LOG_DIR (see spawnEnvironment).
 */
export function stdioServerTransport(env: Record<string, string>): {
  transport: StdioClientTransport;
  logDir: string;
} {
  const environment = spawnEnvironment('mcp-stdio', { PATH: process.env.PATH ?? '', LOG_LEVEL: 'warn', ...env });
  const transport = new StdioClientTransport({
    command: process.execPath,
    args: ['dist/apps/mcp-stdio/main.js'],
    cwd: REPO_ROOT,
    env: environment,
    stderr: 'pipe',
  });
  return { transport, logDir: environment.LOG_DIR ?? '' };
}
