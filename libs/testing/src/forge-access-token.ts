import { createPublicKey, randomUUID } from 'node:crypto';
import { TestRun } from './test-run';
import { base64url, generateKeyPair, importJWK, SignJWT, UnsecuredJWT, type CryptoKey, type JWK } from 'jose';

/**
 * What is wrong with a forged access token. `valid` is the control: nothing is, so a resource server that rejects
 * one of the others rejects it for its defect.
 */
export type ForgedTokenKind =
  | 'valid'
  | 'alg-none'
  | 'hs256-with-public-key'
  | 'tampered-signature'
  | 'unknown-key'
  | 'wrong-issuer'
  | 'wrong-audience'
  | 'expired'
  | 'not-yet-valid';

export interface ForgedTokenClaims {
  /** The `aud` of a valid token: the resource server under test. */
  readonly audience: string;
  readonly scope: string;
  readonly subject?: string;
  readonly extraClaims?: Record<string, unknown>;
}

export interface ForgeAccessTokenInput {
  readonly issuer: string;
  /** The authorization server's private signing JWK, with its `kid`. */
  readonly signingKey: JWK;
  readonly claims: ForgedTokenClaims;
}

const MINUTE = 60;
const ALG = 'RS256';

function validity(kind: ForgedTokenKind, now: number): { iat: number; nbf?: number; exp: number } {
  switch (kind) {
    case 'expired':
      return { iat: now - 20 * MINUTE, exp: now - 10 * MINUTE };
    case 'not-yet-valid':
      return { iat: now, nbf: now + 10 * MINUTE, exp: now + 20 * MINUTE };
    default:
      return { iat: now, exp: now + 5 * MINUTE };
  }
}

async function forgedToken(
  kind: ForgedTokenKind,
  { issuer, signingKey, claims }: ForgeAccessTokenInput,
): Promise<string> {
  const payload = {
    ...claims.extraClaims,
    jti: randomUUID(),
    sub: claims.subject ?? 'forged-user',
    ...validity(kind, Math.floor(Date.now() / 1000)),
    scope: claims.scope,
    client_id: 'forged-client',
    iss: kind === 'wrong-issuer' ? 'https://attacker.example' : issuer,
    aud: kind === 'wrong-audience' ? 'https://another-resource.example/mcp' : claims.audience,
  };
  const sign = async (key: CryptoKey | Uint8Array, alg: string, kid: string | undefined): Promise<string> =>
    new SignJWT(payload).setProtectedHeader({ alg, typ: 'at+jwt', kid }).sign(key);
  const signedByServer = async (): Promise<string> => sign(await importJWK(signingKey, ALG), ALG, signingKey.kid);

  switch (kind) {
    case 'alg-none':
      return new UnsecuredJWT(payload).encode();
    case 'hs256-with-public-key': {
      // The algorithm-confusion attack: a verifier that takes `alg` from the token HMACs with the PEM it holds.
      const pem = createPublicKey({ key: signingKey, format: 'jwk' }).export({
        type: 'spki',
        format: 'pem',
      });
      return sign(new TextEncoder().encode(pem.toString()), 'HS256', signingKey.kid);
    }
    case 'tampered-signature': {
      const [header, body, signature = ''] = (await signedByServer()).split('.');
      const bytes = base64url.decode(signature);
      bytes[0] = (bytes[0] ?? 0) ^ 1;
      return `${header ?? ''}.${body ?? ''}.${base64url.encode(bytes)}`;
    }
    case 'unknown-key': {
      const { privateKey } = await generateKeyPair(ALG);
      return sign(privateKey, ALG, `unknown-${randomUUID()}`);
    }
    default:
      return signedByServer();
  }
}

/**
 * An RFC 9068 JWT access token shaped like the authorization server's own (same claims, `typ: at+jwt`, signed by its
 * key where the defect allows) with exactly one defect: `kind`.
 */
export async function forgeAccessToken(kind: ForgedTokenKind, input: ForgeAccessTokenInput): Promise<string> {
  const token = await forgedToken(kind, input);
  TestRun.registerSecrets(token);
  return token;
}
