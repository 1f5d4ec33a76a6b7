import { exportJWK, generateKeyPair, jwtVerify, SignJWT, type CryptoKey, type JWK } from 'jose';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { setTimeout as sleep } from 'node:timers/promises';
import { JwksCache } from './jwks-cache';

interface SigningKey {
  readonly privateKey: CryptoKey;
  readonly publicJwk: JWK;
}

async function signingKey(kid: string): Promise<SigningKey> {
  const { privateKey, publicKey } = await generateKeyPair('RS256');
  return { privateKey, publicJwk: { ...(await exportJWK(publicKey)), kid, alg: 'RS256', use: 'sig' } };
}

const sign = async (key: SigningKey): Promise<string> =>
  new SignJWT({ sub: 'someone' })
    .setProtectedHeader({ alg: 'RS256', kid: key.publicJwk.kid ?? '' })
    .setExpirationTime('5m')
    .sign(key.privateKey);

describe('JwksCache against an issuer over HTTP', () => {
  let issuer: Server;
  let jwksUri: string;
  /** What the issuer publishes; `undefined` answers 500. */
  let published: JWK[] | undefined;
  let fetches = 0;
  let first: SigningKey;
  let second: SigningKey;

  beforeAll(async () => {
    [first, second] = await Promise.all([signingKey('first'), signingKey('second')]);
    issuer = createServer((_req, res) => {
      fetches += 1;
      if (published === undefined) res.writeHead(500).end();
      else res.writeHead(200, { 'Content-Type': 'application/json' }).end(JSON.stringify({ keys: published }));
    });
    await new Promise<void>((resolve) => issuer.listen(0, '127.0.0.1', resolve));
    jwksUri = `http://127.0.0.1:${(issuer.address() as AddressInfo).port}/jwks`;
  });

  beforeEach(() => {
    fetches = 0;
  });

  afterAll(async () => {
    await new Promise((resolve) => issuer.close(resolve));
  });

  it('verifies a burst of tokens of a newly rotated key after one refetch, every one of them', async () => {
    published = [first.publicJwk];
    const cache = new JwksCache(async () => Promise.resolve(jwksUri), 600000, 50);
    await jwtVerify(await sign(first), cache.getKey);
    await sleep(60);
    published = [second.publicJwk, first.publicJwk];

    const token = await sign(second);
    const verified = await Promise.all(Array.from({ length: 5 }, async () => jwtVerify(token, cache.getKey)));

    expect(verified.map(({ payload }) => payload.sub)).toEqual(Array(5).fill('someone'));
    expect(fetches).toBe(2);
  });

  it('asks an issuer that failed the first fetch again only after minRefetchMs, whatever the requests', async () => {
    published = undefined;
    const cache = new JwksCache(async () => Promise.resolve(jwksUri), 600000, 300);
    const token = await sign(first);
    for (let request = 0; request < 5; request += 1) {
      await expect(jwtVerify(token, cache.getKey)).rejects.toMatchObject({ code: 'ERR_JWKS_NO_MATCHING_KEY' });
    }
    expect(fetches).toBe(1);

    published = [first.publicJwk];
    await sleep(350);
    await expect(jwtVerify(token, cache.getKey)).resolves.toMatchObject({ payload: { sub: 'someone' } });
    expect(fetches).toBe(2);
  });
});
