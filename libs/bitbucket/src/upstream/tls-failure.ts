import { UpstreamFailure } from './upstream-failure';

// Node's codes for a certificate it would not trust: OpenSSL's X509_V_ERR_* names, and a host-name mismatch.
const CERTIFICATE_REJECTED =
  /^(UNABLE_TO_|CERT_|DEPTH_ZERO_SELF_SIGNED_CERT$|SELF_SIGNED_CERT_IN_CHAIN$|INVALID_CA$|HOSTNAME_MISMATCH$|ERR_TLS_CERT_ALTNAME_INVALID$)/;
// OpenSSL's codes for a handshake that failed, such as an alert from a server that refused the client certificate.
const HANDSHAKE_FAILED = /^ERR_(SSL|TLS)_/;

/**
 * The failure to report when a connection failed in TLS, in words an operator can act on (a
 * certificate does not heal between retries: kind `tls`); undefined when it failed otherwise.
 */
export function tlsFailure(error: unknown, url: string): UpstreamFailure | undefined {
  const { code, socket } = error as { code?: unknown; socket?: { bytesRead?: unknown } };
  if (typeof code !== 'string') return undefined;
  if (CERTIFICATE_REJECTED.test(code)) {
    return new UpstreamFailure(
      'tls',
      `Bitbucket's TLS certificate is not trusted (${code}); a private CA goes in BITBUCKET_CA_FILE`,
    );
  }
  if (HANDSHAKE_FAILED.test(code)) {
    return new UpstreamFailure(
      'tls',
      `TLS handshake failed (${code}); if Bitbucket requires a client certificate, check BITBUCKET_CLIENT_CERT_FILE`,
    );
  }
  // Over TLS 1.3 the server checks the client certificate after the handshake and, refusing it, only closes.
  if (code === 'UND_ERR_SOCKET' && url.startsWith('https:') && socket?.bytesRead === 0) {
    return new UpstreamFailure(
      'network',
      `TLS connection closed before any answer (${code}); a server that requires a client certificate does this when it gets none or one it does not trust (BITBUCKET_CLIENT_CERT_FILE)`,
    );
  }
  return undefined;
}
