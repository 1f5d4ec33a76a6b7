import { AuthChallenge } from './auth-challenge';
import { AuthErrorCode } from './auth-error-code.enum';

const METADATA = 'https://mcp.example.com/.well-known/oauth-protected-resource/mcp';

describe('AuthChallenge fitted to the configured methods', () => {
  it('keeps the RFC 6750 / RFC 9728 Bearer challenge whenever oauth2 is configured, API keys or not', () => {
    const challenge = new AuthChallenge(['oauth2', 'bearer', 'apikey'], METADATA);
    expect(challenge.unauthorized()).toBe(`Bearer realm="bitbucket-mcp", resource_metadata="${METADATA}"`);
    expect(challenge.unauthorized({ code: 'invalid_token', description: 'The access token is invalid' })).toBe(
      `Bearer realm="bitbucket-mcp", error="invalid_token", error_description="The access token is invalid", resource_metadata="${METADATA}"`,
    );
    expect(challenge.messageKey(AuthErrorCode.INVALID_CREDENTIALS)).toBe('AUTH_INVALID_CREDENTIALS');
  });

  it('with API keys only invites no Bearer token and names the X-API-Key header', () => {
    const challenge = new AuthChallenge(['apikey'], undefined);
    expect(challenge.unauthorized()).toBe('ApiKey realm="bitbucket-mcp", header="X-API-Key"');
    expect(challenge.unauthorized({ code: 'invalid_token', description: 'The access token is invalid' })).toBe(
      'ApiKey realm="bitbucket-mcp", header="X-API-Key"',
    );
    expect(challenge.messageKey(AuthErrorCode.CREDENTIALS_REQUIRED)).toBe('AUTH_CREDENTIALS_REQUIRED_API_KEY');
    expect(challenge.messageKey(AuthErrorCode.INVALID_CREDENTIALS)).toBe('AUTH_INVALID_CREDENTIALS_API_KEY');
  });

  it('with tokens only says so in its messages', () => {
    const challenge = new AuthChallenge(['oauth2'], METADATA);
    expect(challenge.messageKey(AuthErrorCode.CREDENTIALS_REQUIRED)).toBe('AUTH_CREDENTIALS_REQUIRED_TOKEN');
    expect(new AuthChallenge(['bearer'], undefined).unauthorized()).toBe('Bearer realm="bitbucket-mcp"');
  });
});
