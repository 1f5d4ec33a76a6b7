import { createHash } from 'node:crypto';
import { OutboundCredentials } from './outbound-credentials';

/** A fixed Authorization header: Basic (API token, DC password, app password) or Bearer (access token). */
export class StaticCredentials extends OutboundCredentials {
  readonly id: string;
  readonly refreshable = false;

  constructor(
    readonly kind: string,
    private readonly header: string | undefined,
  ) {
    super();
    this.id = `${kind}:${createHash('sha256')
      .update(header ?? '')
      .digest('hex')
      .slice(0, 12)}`;
  }

  static basic(kind: string, user: string, secret: string): StaticCredentials {
    return new StaticCredentials(kind, `Basic ${Buffer.from(`${user}:${secret}`).toString('base64')}`);
  }

  static bearer(kind: string, token: string): StaticCredentials {
    return new StaticCredentials(kind, `Bearer ${token}`);
  }

  async authorization(): Promise<string | undefined> {
    return Promise.resolve(this.header);
  }

  invalidate(): void {
    // Nothing to refresh: a static credential is either right or wrong.
  }
}
