import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { StaticCredentialSet } from '../credentials/static-credential-set';
import { JwksCache } from '../oauth/jwks-cache';
import { TokenIntrospector } from '../oauth/token-introspector';
import { OAuth2AuthStrategy } from './oauth2-auth.strategy';

const STATIC_TOKEN = 'static-bearer-token-0123456789';

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
        algorithms: ['RS256'],
        clockSkewSeconds: 0,
      },
      new JwksCache(async () => Promise.resolve(undefined), 60000, 0),
      new TokenIntrospector(async () => Promise.resolve(url), { id: 'mcp', secret: 'introspection-secret' }, 0),
      new StaticCredentialSet([{ principal: 'ci', secret: STATIC_TOKEN, scopes: undefined }]),
    );
  });

  afterAll(async () => {
    await new Promise((resolve) => introspection.close(resolve));
  });

  it('never sends one of this server’s static bearer tokens to the authorization server', async () => {
    const outcome = await strategy.authenticate({ authorization: `Bearer ${STATIC_TOKEN}` });
    expect(outcome.kind).toBe('rejected');
    expect(received).toEqual([]);
  });

  it('introspects other opaque tokens and accepts an active one', async () => {
    const outcome = await strategy.authenticate({ authorization: 'Bearer opaque-token-from-the-issuer' });
    expect(outcome).toMatchObject({ kind: 'accepted', principal: { id: 'someone', scopes: ['bitbucket:read'] } });
    expect(received).toEqual(['opaque-token-from-the-issuer']);
  });
});
