import { RequestContext, toErrorResponse, type ToolKind } from '@app/common';
import { isRequestMessage, ToolCallEvents, ToolRegistry } from '@app/mcp';
import { Injectable } from '@nestjs/common';
import type { JSONRPCMessage } from '@modelcontextprotocol/sdk/types.js';
import { randomUUID } from 'node:crypto';

interface KnownToolCall {
  readonly tool: string;
  readonly kind: ToolKind;
}

/**
 * Refuses, before anything runs, a POST carrying a tools/call the principal's credential does not
 * allow: read tools need read access, tools that change Bitbucket write access. The refusal is the
 * auth lib's (403 with an insufficient_scope challenge). Allowed calls then count against the
 * principal's tool-call limit, whose refusal is a 429. Unknown tools are left to the dispatcher.
 * A refusal refuses every call of the body: each is a 'tool-call-refused' event. A request nothing
 * authenticated (no request context, or no ToolAccess in it) is refused, never let through.
 */
@Injectable()
export class ToolCallAccessCheck {
  constructor(
    private readonly registry: ToolRegistry,
    private readonly events: ToolCallEvents,
  ) {}

  async check(body: JSONRPCMessage | JSONRPCMessage[]): Promise<void> {
    const calls = this.knownToolCalls(body);
    if (calls.length === 0) return;
    const request = RequestContext.current();
    try {
      const access = request?.toolAccess;
      if (access === undefined) throw new Error('Tool call outside an authenticated request context: refused');
      for (const { kind } of calls) access.require(kind);
      // Unlike access, the limit is optional: none is set when no write-tool limit is configured.
      for (const { kind } of calls) await request?.toolCallLimit?.admit(kind);
    } catch (error) {
      const outcome = toErrorResponse(error).code;
      for (const call of calls) {
        this.events.emit('tool-call-refused', {
          ...call,
          outcome,
          correlationId: request?.correlationId ?? randomUUID(),
          principalId: request?.principalId,
        });
      }
      throw error;
    }
  }

  /** The name and kind of each known tool the body calls. */
  private knownToolCalls(body: JSONRPCMessage | JSONRPCMessage[]): KnownToolCall[] {
    const calls: KnownToolCall[] = [];
    for (const message of Array.isArray(body) ? body : [body]) {
      if (!isRequestMessage(message) || message.method !== 'tools/call') continue;
      const name = message.params?.name;
      const tool = typeof name === 'string' ? this.registry.lookup(name) : undefined;
      if (tool === undefined) continue;
      const { definition } = tool.handler;
      calls.push({ tool: definition.name, kind: definition.hints.readOnlyHint ? 'read' : 'write' });
    }
    return calls;
  }
}
