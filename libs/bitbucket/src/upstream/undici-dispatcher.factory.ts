import { InvalidEnvironmentError } from '@app/config';
import { readFileSync } from 'node:fs';
import { createSecureContext, rootCertificates, type SecureContextOptions } from 'node:tls';
import { Agent, EnvHttpProxyAgent, Pool, type Dispatcher } from 'undici';
import type { BitbucketConfig } from '../bitbucket.config';

/** A wrong passphrase, or a key that is not the certificate's, fails at start rather than on every call. */
function checkClientCertificate(tls: SecureContextOptions): void {
  if (tls.cert === undefined) return;
  try {
    createSecureContext(tls);
  } catch (error) {
    throw new InvalidEnvironmentError([
      `BITBUCKET_CLIENT_KEY_FILE: unusable with BITBUCKET_CLIENT_CERT_FILE (a wrong BITBUCKET_CLIENT_KEY_PASSPHRASE, or not the certificate's key): ${(error as Error).message}`,
    ]);
  }
}

/**
 * The connection pool to Bitbucket: keep-alive, at most `maxConnections` sockets per origin (the
 * concurrency cap), the extra CA and the mTLS client certificate, through the proxy when one is set.
 */
export function createUndiciDispatcher(http: BitbucketConfig['http']): Dispatcher {
  const tls: SecureContextOptions = {
    ...(http.caFile === undefined ? {} : { ca: [...rootCertificates, readFileSync(http.caFile, 'utf8')] }),
    ...(http.clientCertFile === undefined ? {} : { cert: readFileSync(http.clientCertFile, 'utf8') }),
    ...(http.clientKeyFile === undefined ? {} : { key: readFileSync(http.clientKeyFile, 'utf8') }),
    ...(http.clientKeyPassphrase === undefined ? {} : { passphrase: http.clientKeyPassphrase }),
  };
  checkClientCertificate(tls);
  const pool = { connections: http.maxConnections, keepAliveTimeout: 30_000, keepAliveMaxTimeout: 600_000 };
  if (http.httpsProxy !== undefined || http.httpProxy !== undefined) {
    return new EnvHttpProxyAgent({
      ...pool,
      // For plain-HTTP origins undici pools the connections to the proxy with only `connect` (no cap): give it ours.
      factory: (origin, options: Pool.Options) => new Pool(origin, { ...options, ...pool }),
      // '' rather than undefined, which undici reads as "take http_proxy/https_proxy from the environment".
      httpProxy: http.httpProxy ?? '',
      httpsProxy: http.httpsProxy ?? '',
      noProxy: http.noProxy ?? '',
      connect: tls,
      requestTls: tls,
    });
  }
  return new Agent({ ...pool, connect: tls });
}
