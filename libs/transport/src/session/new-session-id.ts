import { randomUUID } from 'node:crypto';

/**
 * A new session id: a UUID, followed by `.<route>` when this replica has one (MCP_SESSION_ROUTE), so
 * a proxy in front sends every request of the session back here (deploy/nginx/mcp-replicas.conf.template).
 */
export function newSessionId(route: string | undefined): string {
  const id = randomUUID();
  return route === undefined ? id : `${id}.${route}`;
}
