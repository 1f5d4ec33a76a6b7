import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { setTimeout as sleep } from 'node:timers/promises';
import { TokenIntrospector } from './token-introspector';

const CLIENT = { id: 'mcp', secret: 'introspection-secret' };

describe('TokenIntrospector against an introspection endpoint over HTTP', () => {
  let endpoint: Server;
  let url: string;
  /** The tokens the endpoint was asked about, in order. */
  const asked: string[] = [];

  beforeAll(async () => {
    endpoint = createServer((req, res) => {
      let body = '';
      req.on('data', (chunk: Buffer) => (body += chunk.toString()));
      req.on('end', () => {
        asked.push(new URLSearchParams(body).get('token') ?? '');
        // Slow enough that concurrent requests overlap.
        setTimeout(() => {
          res.setHeader('Content-Type', 'application/json');
          res.end(JSON.stringify({ active: true, sub: 'someone', authorization: req.headers.authorization }));
        }, 50);
      });
    });
    await new Promise<void>((resolve) => endpoint.listen(0, '127.0.0.1', resolve));
    url = `http://127.0.0.1:${(endpoint.address() as AddressInfo).port}/introspect`;
  });

  beforeEach(() => {
    asked.length = 0;
  });

  afterAll(async () => {
    await new Promise((resolve) => endpoint.close(resolve));
  });

  it('asks once for concurrent requests with the same token, as its client, and once per other token', async () => {
    const introspector = new TokenIntrospector(async () => Promise.resolve(url), CLIENT, 0);
    const answers = await Promise.all([
      ...Array.from({ length: 4 }, async () => introspector.introspect('token-a')),
      introspector.introspect('token-b'),
    ]);

    expect(answers.map((answer) => answer?.active)).toEqual([true, true, true, true, true]);
    expect(answers[0]).toMatchObject({
      authorization: `Basic ${Buffer.from('mcp:introspection-secret').toString('base64')}`,
    });
    expect(asked).toEqual(['token-a', 'token-b']);
  });

  it('asks again once the exchange is over when the cache is off, and not within cacheMs when it is on', async () => {
    const uncached = new TokenIntrospector(async () => Promise.resolve(url), CLIENT, 0);
    await uncached.introspect('token-a');
    await uncached.introspect('token-a');
    expect(asked).toEqual(['token-a', 'token-a']);

    const cached = new TokenIntrospector(async () => Promise.resolve(url), CLIENT, 60000);
    await cached.introspect('token-c');
    await sleep(10);
    await cached.introspect('token-c');
    expect(asked).toEqual(['token-a', 'token-a', 'token-c']);
  });
});
