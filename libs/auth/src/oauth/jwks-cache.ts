import { Logger } from '@nestjs/common';
import {
  createLocalJWKSet,
  errors,
  type FlattenedJWSInput,
  type JSONWebKeySet,
  type CompactJWSHeaderParameters,
  type JWTVerifyGetKey,
} from 'jose';

const FETCH_TIMEOUT_MS = 5000;

/**
 * The issuer's signing keys: refreshed every `refreshMs`, refetched at once for an unknown `kid`
 * (key rotation), and the last good set kept while the issuer cannot be reached, so an outage of the
 * authorization server does not lock out holders of valid tokens.
 */
export class JwksCache {
  private readonly logger = new Logger('Jwks');
  private keys: JWTVerifyGetKey | undefined;
  private fetchedAt = 0;
  private lastAttempt = 0;
  private inflight: Promise<void> | undefined;

  constructor(
    private readonly jwksUri: () => Promise<string | undefined>,
    private readonly refreshMs: number,
    /** An unknown `kid` refetches, but no sooner than this after the last fetch: forged kids must not hammer the issuer. */
    private readonly minRefetchMs: number,
  ) {}

  /** jose's key resolver: the cached set, refreshed when stale or missing the token's key. */
  readonly getKey: JWTVerifyGetKey = async (header: CompactJWSHeaderParameters, token: FlattenedJWSInput) => {
    if (this.keys === undefined || Date.now() - this.fetchedAt > this.refreshMs) await this.refresh();
    const keys = this.keys;
    if (keys === undefined) throw new errors.JWKSNoMatchingKey('the issuer’s JWKS could not be fetched');
    try {
      return await keys(header, token);
    } catch (error) {
      if (!(error instanceof errors.JWKSNoMatchingKey) || Date.now() - this.lastAttempt < this.minRefetchMs) {
        throw error;
      }
      await this.refresh();
      return (this.keys ?? keys)(header, token);
    }
  };

  private refresh(): Promise<void> {
    this.inflight ??= this.fetchKeys().finally(() => {
      this.inflight = undefined;
    });
    return this.inflight;
  }

  private async fetchKeys(): Promise<void> {
    this.lastAttempt = Date.now();
    const uri = await this.jwksUri();
    if (uri === undefined) return;
    try {
      const res = await fetch(uri, { signal: AbortSignal.timeout(FETCH_TIMEOUT_MS) });
      if (!res.ok) throw new Error(`HTTP ${res.status}`);
      const jwks = (await res.json()) as JSONWebKeySet;
      this.keys = createLocalJWKSet(jwks);
      this.fetchedAt = Date.now();
    } catch (error) {
      this.logger.warn(
        `JWKS ${uri} unreachable (${error instanceof Error ? error.message : String(error)}); ${this.keys === undefined ? 'no keys yet' : 'keeping the last good keys'}`,
      );
    }
  }
}
