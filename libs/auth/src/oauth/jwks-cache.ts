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
    if (this.keys === undefined) {
      await this.refetch('first use');
    } else if (Date.now() - this.lastAttempt > this.refreshMs) {
      // Refreshed in the background: awaiting it here made every request wait out the fetch timeout while the issuer
      // hung. Counted from the last attempt, not the last success, so an issuer that is down is asked again only every
      // refreshMs, not on every request.
      void this.refresh('periodic refresh');
    }
    const keys = this.keys;
    if (keys === undefined) throw new errors.JWKSNoMatchingKey('the issuer’s JWKS could not be fetched');
    try {
      return await keys(header, token);
    } catch (error) {
      if (!(error instanceof errors.JWKSNoMatchingKey)) throw error;
      // Keys another request refetched meanwhile are tried before the issuer is asked again.
      if (this.keys === keys) await this.refetch('unknown kid');
      return (this.keys ?? keys)(header, token);
    }
  };

  /**
   * A fetch a request waits for (no keys yet, or an unknown `kid`): it joins the fetch in flight, else starts one unless
   * the last began under minRefetchMs ago, so neither forged kids nor an unreachable issuer turn requests into fetches.
   */
  private async refetch(reason: string): Promise<void> {
    if (this.inflight === undefined && Date.now() - this.lastAttempt < this.minRefetchMs) return;
    await this.refresh(reason);
  }

  private async refresh(reason: string): Promise<void> {
    this.inflight ??= this.fetchKeys(reason).finally(() => {
      this.inflight = undefined;
    });
    return this.inflight;
  }

  /** Never rejects (a background refresh has no one to reject to): a failure keeps the keys there are. */
  private async fetchKeys(reason: string): Promise<void> {
    this.lastAttempt = Date.now();
    let uri: string | undefined;
    try {
      uri = await this.jwksUri();
      if (uri === undefined) return;
      this.logger.debug(`Fetching JWKS ${uri} (${reason})`);
      const res = await fetch(uri, { signal: AbortSignal.timeout(FETCH_TIMEOUT_MS) });
      if (!res.ok) throw new Error(`HTTP ${res.status}`);
      const jwks = (await res.json()) as JSONWebKeySet;
      this.keys = createLocalJWKSet(jwks);
    } catch (error) {
      this.logger.warn(
        `JWKS ${uri ?? 'of the issuer'} unreachable (${error instanceof Error ? error.message : String(error)}); ${this.keys === undefined ? 'no keys yet' : 'keeping the last good keys'}`,
      );
    }
  }
}
