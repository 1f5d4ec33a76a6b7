import { Injectable } from '@nestjs/common';
import { EventEmitter } from 'node:events';
import type { RegisteredSession } from './registered-session';

/**
 * Why a session ended: the client closed it (DELETE /mcp), it idled past MCP_SESSION_IDLE_TTL_MS, the
 * server shut down, the credential that opened a legacy stream expired, or the client's stream went away.
 */
export type SessionCloseReason = 'client' | 'idle' | 'shutdown' | 'credential-expired' | 'disconnect';

export interface SessionEvent {
  readonly transport: RegisteredSession['transport'];
}

interface McpSessionEventMap {
  opened: [SessionEvent];
  closed: [SessionEvent & { readonly reason: SessionCloseReason }];
}

/**
 * Sessions of this process opening and closing, by transport (and why they closed). Metrics count
 * them; the session registry never depends on that.
 */
@Injectable()
export class McpSessionEvents extends EventEmitter<McpSessionEventMap> {}
