import {
  Controller,
  Header,
  HttpCode,
  HttpStatus,
  Post,
  Query,
  Req,
  Sse,
  SseSignal,
  UseFilters,
  type MessageEvent,
} from '@nestjs/common';
import type { Request } from 'express';
import type { Observable } from 'rxjs';
import { McpHttpExceptionFilter } from '../http/mcp-http-exception.filter';
import { OriginChecked } from '../http/origin-checked.decorator';
import { LegacySseEndpoint } from './legacy-sse.endpoint';

/** The legacy MCP HTTP+SSE transport (protocol 2024-11-05), for clients that predate Streamable HTTP. */
@Controller()
@OriginChecked()
@UseFilters(McpHttpExceptionFilter)
export class LegacySseController {
  constructor(private readonly endpoint: LegacySseEndpoint) {}

  @Sse('sse')
  async open(@SseSignal() signal: AbortSignal): Promise<Observable<MessageEvent>> {
    return this.endpoint.open(signal);
  }

  @Post('messages')
  @HttpCode(HttpStatus.ACCEPTED)
  @Header('Content-Type', 'text/plain; charset=utf-8')
  async message(@Query('sessionId') sessionId: string | undefined, @Req() req: Request): Promise<string> {
    await this.endpoint.message(sessionId, req);
    return 'Accepted';
  }
}
