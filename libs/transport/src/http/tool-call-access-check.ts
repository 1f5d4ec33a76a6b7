import { RequestContext, type ToolKind } from '@app/common';
import { ToolRegistry } from '@app/mcp';
import { Injectable } from '@nestjs/common';
import { isJSONRPCRequest, type JSONRPCMessage } from '@modelcontextprotocol/sdk/types.js';

/**
 * Refuses, before anything runs, a POST carrying a tools/call the principal's credential does not
 * allow: read tools need read access, tools that change Bitbucket write access. The refusal is the
 * auth lib's (403 with an insufficient_scope challenge). Allowed calls then count against the
 * principal's tool-call limit, whose refusal is a 429. Unknown tools are left to the dispatcher.
 */
@Injectable()
export class ToolCallAccessCheck {
  constructor(private readonly registry: ToolRegistry) {}

  async check(body: JSONRPCMessage | JSONRPCMessage[]): Promise<void> {
    const request = RequestContext.current();
    const kinds = this.toolCallKinds(body);
    for (const kind of kinds) request?.toolAccess?.require(kind);
    for (const kind of kinds) await request?.toolCallLimit?.admit(kind);
  }

  /** The kind of each known tool the body calls. */
  private toolCallKinds(body: JSONRPCMessage | JSONRPCMessage[]): ToolKind[] {
    const kinds: ToolKind[] = [];
    for (const message of Array.isArray(body) ? body : [body]) {
      if (!isJSONRPCRequest(message) || message.method !== 'tools/call') continue;
      const name = message.params?.name;
      const tool = typeof name === 'string' ? this.registry.lookup(name) : undefined;
      if (tool !== undefined) kinds.push(tool.handler.definition.hints.readOnlyHint ? 'read' : 'write');
    }
    return kinds;
  }
}
