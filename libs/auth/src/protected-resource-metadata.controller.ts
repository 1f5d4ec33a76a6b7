import { PublicRoute } from '@app/common';
import { httpServerConfig, type HttpServerConfig } from '@app/config';
import { Controller, Get, Inject, NotFoundException } from '@nestjs/common';
import { authConfig, type AuthConfig } from './auth.config';
import { AUTH_STRATEGIES } from './auth.constants';
import type { AuthStrategy } from './strategies/auth-strategy';

/** RFC 9728 protected resource metadata: where MCP clients learn which authorization server to ask. */
@PublicRoute()
@Controller('.well-known')
export class ProtectedResourceMetadataController {
  constructor(
    @Inject(AUTH_STRATEGIES) private readonly strategies: readonly AuthStrategy[],
    @Inject(authConfig.KEY) private readonly config: AuthConfig,
    @Inject(httpServerConfig.KEY) private readonly server: HttpServerConfig,
  ) {}

  @Get(['oauth-protected-resource', 'oauth-protected-resource/mcp'])
  metadata(): Record<string, unknown> {
    const { issuer, audience } = this.config.oauth;
    if (issuer === undefined || !this.strategies.some((strategy) => strategy.method === 'oauth2')) {
      throw new NotFoundException();
    }
    return {
      resource: audience ?? this.server.mcpResourceUrl,
      authorization_servers: [issuer],
      scopes_supported: [this.config.scopes.read, this.config.scopes.write],
      bearer_methods_supported: ['header'],
      resource_name: 'Bitbucket MCP Server',
    };
  }
}
