import { PublicRoute } from '@app/common';
import { httpServerConfig, type HttpServerConfig } from '@app/config';
import { Controller, Get, Inject, NotFoundException } from '@nestjs/common';
import type { AuthMethod } from './auth-method';
import { authConfig, type AuthConfig } from './auth.config';
import { ACTIVE_AUTH_METHODS } from './auth.constants';
import { oauth2AuthConfig, type OAuth2AuthConfig } from './strategies/oauth2-auth.config';

/** RFC 9728 protected resource metadata: where MCP clients learn which authorization server to ask. */
@PublicRoute()
@Controller('.well-known')
export class ProtectedResourceMetadataController {
  constructor(
    @Inject(ACTIVE_AUTH_METHODS) private readonly methods: readonly AuthMethod[],
    @Inject(authConfig.KEY) private readonly config: AuthConfig,
    @Inject(oauth2AuthConfig.KEY) private readonly oauth: OAuth2AuthConfig,
    @Inject(httpServerConfig.KEY) private readonly server: HttpServerConfig,
  ) {}

  @Get(['oauth-protected-resource', 'oauth-protected-resource/mcp'])
  metadata(): Record<string, unknown> {
    const { issuer, audience } = this.oauth;
    if (issuer === undefined || !this.methods.includes('oauth2')) {
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
