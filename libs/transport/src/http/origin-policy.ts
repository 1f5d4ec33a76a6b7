import type { IncomingHttpHeaders } from 'node:http';
import { TransportErrorCode } from '../transport-error-code.enum';
import { TransportException } from '../transport.exception';

const LOOPBACK_HOSTS = ['localhost', '127.0.0.1', '[::1]'];

/** A page served by this machine (any port, http or https): what a local MCP client's web UI runs on. */
const LOOPBACK_ORIGIN = /^https?:\/\/(localhost|127\.0\.0\.1|\[::1\])(:\d{1,5})?$/i;

/** `host` or `host:port` → `host` (IPv6 in brackets kept). */
const hostName = (value: string): string => value.replace(/:\d+$/, '').toLowerCase();

/**
 * Which browser pages may call us, and under which Host names: the one decision behind the CORS
 * answers and the DNS-rebinding protection of the MCP endpoints. A page may call only from an
 * allowed Origin (CORS_ORIGINS; on a server bound to loopback, pages of this machine too, as the MCP
 * security guidance expects), and a server bound to loopback answers only Host names that mean
 * loopback (plus any named in MCP_ALLOWED_HOSTS), so a hostile domain resolving to 127.0.0.1 gets nowhere.
 */
export class OriginPolicy {
  private readonly origins: readonly (string | RegExp)[];
  private readonly loopback: boolean;
  private readonly hosts: ReadonlySet<string> | undefined;

  constructor(options: { allowedOrigins: readonly string[]; allowedHosts: readonly string[]; loopback: boolean }) {
    this.origins = options.allowedOrigins.map((entry) =>
      entry.startsWith('/') && entry.endsWith('/') ? new RegExp(entry.slice(1, -1)) : entry.toLowerCase(),
    );
    this.loopback = options.loopback;
    this.hosts = options.loopback ? new Set([...LOOPBACK_HOSTS, ...options.allowedHosts.map(hostName)]) : undefined;
  }

  originAllowed(origin: string): boolean {
    if (this.loopback && LOOPBACK_ORIGIN.test(origin)) return true;
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
