import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { HttpServerConfig } from '@app/config';
import type { Request } from 'express';
import { OAuth2AuthStrategy } from './oauth2-auth.strategy';

const STATIC_TOKEN = 'static-bearer-token-0123456789';
const bearing = (token: string): Request => ({ headers: { authorization: `Bearer ${token}` } }) as Request;

describe('OAuth2AuthStrategy with introspection', () => {
  let introspection: Server;
  const received: string[] = [];
  let strategy: OAuth2AuthStrategy;

  beforeAll(async () => {
    introspection = createServer((req, res) => {
      let body = '';
      req.on('data', (chunk: Buffer) => (body += chunk.toString()));
      req.on('end', () => {
        received.push(new URLSearchParams(body).get('token') ?? '');
        res.setHeader('Content-Type', 'application/json');
        res.end(JSON.stringify({ active: true, sub: 'someone', scope: 'bitbucket:read', exp: Date.now() / 1000 + 60 }));
      });
    });
    await new Promise<void>((resolve) => introspection.listen(0, '127.0.0.1', resolve));
    const url = `http://127.0.0.1:${(introspection.address() as AddressInfo).port}/introspect`;
    strategy = new OAuth2AuthStrategy(
      {
        issuer: 'https://issuer.example',
        audience: 'https://mcp.example/mcp',
        jwksUri: 'https://issuer.example/jwks',
        introspectionUrl: url,
        clientId: 'mcp',
        clientSecret: 'introspection-secret',
        algorithms: ['RS256'],
        clockSkewSeconds: 0,
        jwksRefreshMs: 60000,
        jwksMinRefetchMs: 0,
        introspectionCacheMs: 0,
      },
      { entries: [{ principal: 'ci', secret: STATIC_TOKEN, scopes: undefined }] },
      { mcpResourceUrl: 'https://mcp.example/mcp' } as HttpServerConfig,
    );
  });

  afterAll(async () => {
    await new Promise((resolve) => introspection.close(resolve));
  });

  it('never sends one of this server’s static bearer tokens to the authorization server', async () => {
    const verdict = await strategy.validate(bearing(STATIC_TOKEN));
    expect(verdict).toEqual([false, expect.objectContaining({ kind: 'rejected', method: 'oauth2' })]);
    expect(received).toEqual([]);
  });

  it('introspects other opaque tokens and accepts an active one', async () => {
    const verdict = await strategy.validate(bearing('opaque-token-from-the-issuer'));
    expect(verdict).toMatchObject({ id: 'someone', method: 'oauth2', scopes: ['bitbucket:read'] });
    expect(received).toEqual(['opaque-token-from-the-issuer']);
  });
});
