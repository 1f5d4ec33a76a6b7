import { StreamableHTTPServerTransport } from '@modelcontextprotocol/sdk/server/streamableHttp.js';
import type { IncomingMessage, ServerResponse } from 'node:http';

interface ResponseModeSwitch {
  _enableJsonResponse: boolean;
}

/**
 * The SDK's Streamable HTTP transport answering each POST as JSON or as SSE, chosen per request. The
 * SDK fixes the mode per transport; it reads the flag once per POST, so setting it just before
 * handing the request over chooses that request's mode. While any stream-wanting request is on its
 * way in, the flag stays on SSE, so concurrent requests can only be upgraded to SSE (valid for every
 * client), never downgraded to JSON (which would drop their notifications). Pinned to SDK 1.32.
 */
export class JsonOrSseTransport extends StreamableHTTPServerTransport {
  private streaming = 0;

  async handle(req: IncomingMessage, res: ServerResponse, body: unknown, stream: boolean): Promise<void> {
    if (stream) this.streaming += 1;
    this.modeSwitch()._enableJsonResponse = this.streaming === 0;
    try {
      await this.handleRequest(req, res, body);
    } finally {
      if (stream) this.streaming -= 1;
    }
  }

  private modeSwitch(): ResponseModeSwitch {
    return (this as unknown as { _webStandardTransport: ResponseModeSwitch })._webStandardTransport;
  }
}
