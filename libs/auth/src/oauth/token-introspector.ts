import { Logger } from '@nestjs/common';
import { createHash } from 'node:crypto';

const FETCH_TIMEOUT_MS = 5000;
const MAX_CACHED = 10000;

/** The RFC 7662 fields this server reads. */
export interface IntrospectedToken {
  readonly active: boolean;
  readonly scope?: string;
  readonly sub?: string;
  readonly client_id?: string;
  readonly exp?: number;
  readonly nbf?: number;
  readonly aud?: string | string[];
  readonly iss?: string;
  readonly locale?: string;
}

/**
 * Asks the authorization server about opaque tokens (RFC 7662), authenticating as this server's
 * client. Answers are cached by the token's digest for at most `cacheMs` and never past the token's
 * own expiry, so a revocation takes effect within `cacheMs`; concurrent requests with the same
 * token share one question.
 */
export class TokenIntrospector {
  private readonly logger = new Logger('Introspection');
  private readonly cache = new Map<string, { token: IntrospectedToken; until: number }>();
  private readonly asking = new Map<string, Promise<IntrospectedToken | undefined>>();
  /** `Authorization` of this server as the introspection client. */
  private readonly authorization: string | undefined;

  constructor(
    private readonly endpoint: () => Promise<string | undefined>,
    client: { id: string; secret: string } | undefined,
    private readonly cacheMs: number,
  ) {
    this.authorization =
      client === undefined
        ? undefined
        : `Basic ${Buffer.from(`${encodeURIComponent(client.id)}:${encodeURIComponent(client.secret)}`).toString('base64')}`;
  }

  get available(): boolean {
    return this.authorization !== undefined;
  }

  async introspect(token: string): Promise<IntrospectedToken | undefined> {
    const key = createHash('sha256').update(token).digest('base64url');
    const cached = this.cache.get(key);
    if (cached !== undefined && cached.until > Date.now()) return Promise.resolve(cached.token);
    this.cache.delete(key);
    let answer = this.asking.get(key);
    if (answer === undefined) {
      answer = this.ask(token)
        .then((asked) => {
          if (asked !== undefined && this.cacheMs > 0) this.remember(key, asked);
          return asked;
        })
        .finally(() => this.asking.delete(key));
      this.asking.set(key, answer);
    }
    return answer;
  }

  private async ask(token: string): Promise<IntrospectedToken | undefined> {
    const url = await this.endpoint();
    if (url === undefined || this.authorization === undefined) return undefined;
    try {
      const res = await fetch(url, {
        method: 'POST',
        headers: {
          Authorization: this.authorization,
          'Content-Type': 'application/x-www-form-urlencoded',
          Accept: 'application/json',
        },
        body: new URLSearchParams({ token, token_type_hint: 'access_token' }).toString(),
        signal: AbortSignal.timeout(FETCH_TIMEOUT_MS),
      });
      if (!res.ok) throw new Error(`HTTP ${res.status}`);
      return (await res.json()) as IntrospectedToken;
    } catch (error) {
      this.logger.warn(`Introspection at ${url} failed: ${error instanceof Error ? error.message : String(error)}`);
      return undefined;
    }
  }

  private remember(key: string, token: IntrospectedToken): void {
    const until = Math.min(Date.now() + this.cacheMs, token.exp === undefined ? Infinity : token.exp * 1000);
    if (this.cache.size >= MAX_CACHED) {
      const oldest = this.cache.keys().next().value;
      if (oldest !== undefined) this.cache.delete(oldest);
    }
    this.cache.set(key, { token, until });
  }
}
