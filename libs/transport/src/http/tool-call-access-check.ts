import { RequestContext } from '@app/common';
import { ToolRegistry } from '@app/mcp';
import { Injectable } from '@nestjs/common';
import { isJSONRPCRequest, type JSONRPCMessage } from '@modelcontextprotocol/sdk/types.js';

/**
 * Refuses, before anything runs, a POST carrying a tools/call the principal's credential does not
 * allow: read tools need read access, tools that change Bitbucket write access. The refusal is the
 * auth lib's (403 with an insufficient_scope challenge). Unknown tools are left to the dispatcher.
 */
@Injectable()
export class ToolCallAccessCheck {
  constructor(private readonly registry: ToolRegistry) {}

  check(body: JSONRPCMessage | JSONRPCMessage[]): void {
    const access = RequestContext.current()?.toolAccess;
    if (access === undefined) return;
    for (const message of Array.isArray(body) ? body : [body]) {
      if (!isJSONRPCRequest(message) || message.method !== 'tools/call') continue;
      const name = message.params?.name;
      const tool = typeof name === 'string' ? this.registry.lookup(name) : undefined;
      if (tool !== undefined) access.require(tool.handler.definition.hints.readOnlyHint ? 'read' : 'write');
    }
  }
}
