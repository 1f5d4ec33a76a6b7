import { Controller, Delete, Get, Post, Req, Res, UseFilters } from '@nestjs/common';
import type { Request, Response } from 'express';
import { McpHttpExceptionFilter } from '../http/mcp-http-exception.filter';
import { OriginChecked } from '../http/origin-checked.decorator';
import { StreamableHttpEndpoint } from './streamable-http.endpoint';

/** The MCP Streamable HTTP endpoint; the SDK transport writes the raw response itself. */
@Controller('mcp')
@OriginChecked()
@UseFilters(McpHttpExceptionFilter)
export class StreamableHttpController {
  constructor(private readonly endpoint: StreamableHttpEndpoint) {}

  @Post()
  async post(@Req() req: Request, @Res() res: Response): Promise<void> {
    return this.endpoint.post(req, res);
  }

  @Get()
  async get(@Req() req: Request, @Res() res: Response): Promise<void> {
    return this.endpoint.get(req, res);
  }

  @Delete()
  async delete(@Req() req: Request, @Res() res: Response): Promise<void> {
    return this.endpoint.delete(req, res);
  }
}
