import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { AuthorizationServerMetadata } from './authorization-server-metadata';

describe('AuthorizationServerMetadata against an issuer over HTTP', () => {
  let issuer: Server;
  let url: string;
  const requested: string[] = [];

  beforeAll(async () => {
    issuer = createServer((req, res) => {
      requested.push(req.url ?? '');
      // Slow enough that concurrent callers overlap.
      setTimeout(() => {
        res.setHeader('Content-Type', 'application/json');
        res.end(JSON.stringify({ jwks_uri: `${url}/jwks`, introspection_endpoint: `${url}/introspect` }));
      }, 50);
    });
    await new Promise<void>((resolve) => issuer.listen(0, '127.0.0.1', resolve));
    url = `http://127.0.0.1:${(issuer.address() as AddressInfo).port}`;
  });

  afterAll(async () => {
    await new Promise((resolve) => issuer.close(resolve));
  });

  it('fetches the metadata once for concurrent callers and never again once known', async () => {
    const metadata = new AuthorizationServerMetadata(url, {});
    const endpoints = await Promise.all(Array.from({ length: 5 }, async () => metadata.endpoints()));
    await metadata.endpoints();

    expect(endpoints).toEqual(Array(5).fill({ jwksUri: `${url}/jwks`, introspectionUrl: `${url}/introspect` }));
    expect(requested).toEqual(['/.well-known/oauth-authorization-server']);
  });
});
