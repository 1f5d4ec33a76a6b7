import type { IncomingHttpHeaders } from 'node:http';
import { TransportErrorCode } from '../transport-error-code.enum';
import { TransportException } from '../transport.exception';

const LOOPBACK_HOSTS = ['localhost', '127.0.0.1', '[::1]'];

/** `host` or `host:port` → `host` (IPv6 in brackets kept). */
const hostName = (value: string): string => value.replace(/:\d+$/, '').toLowerCase();

/**
 * DNS-rebinding protection for the MCP endpoints: a browser page may call us only from an allowed
 * Origin, and a server bound to loopback answers only Host names that mean loopback (plus any named
 * in MCP_ALLOWED_HOSTS), so a hostile domain resolving to 127.0.0.1 gets nowhere.
 */
export class OriginPolicy {
  private readonly origins: readonly (string | RegExp)[];
  private readonly hosts: ReadonlySet<string> | undefined;

  constructor(options: { allowedOrigins: readonly string[]; allowedHosts: readonly string[]; loopback: boolean }) {
    this.origins = options.allowedOrigins.map((entry) =>
      entry.startsWith('/') && entry.endsWith('/') ? new RegExp(entry.slice(1, -1)) : entry.toLowerCase(),
    );
    this.hosts = options.loopback ? new Set([...LOOPBACK_HOSTS, ...options.allowedHosts.map(hostName)]) : undefined;
  }

  originAllowed(origin: string): boolean {
    const normalized = origin.toLowerCase();
    return this.origins.some((allowed) =>
      typeof allowed === 'string' ? allowed === normalized : allowed.test(origin),
    );
  }

  check(headers: IncomingHttpHeaders): void {
    const origin = headers.origin;
    if (origin !== undefined && !this.originAllowed(origin)) {
      throw new TransportException(TransportErrorCode.ORIGIN_FORBIDDEN, `Origin ${origin} is not allowed`);
    }
    const host = headers.host;
    if (this.hosts !== undefined && (host === undefined || !this.hosts.has(hostName(host)))) {
      throw new TransportException(TransportErrorCode.HOST_FORBIDDEN, `Host ${host ?? '(none)'} refused on loopback`);
    }
  }
}
