import { readFileSync } from 'node:fs';
import { rootCertificates } from 'node:tls';
import { Agent, EnvHttpProxyAgent, type Dispatcher } from 'undici';
import type { BitbucketConfig } from '../bitbucket.config';

/**
 * The connection pool to Bitbucket: keep-alive, at most `maxConnections` sockets per origin (the
 * concurrency cap), the extra CA and the mTLS client certificate, through the proxy when one is set.
 */
export function createUndiciDispatcher(http: BitbucketConfig['http']): Dispatcher {
  const tls = {
    ...(http.caFile === undefined ? {} : { ca: [...rootCertificates, readFileSync(http.caFile, 'utf8')] }),
    ...(http.clientCertFile === undefined ? {} : { cert: readFileSync(http.clientCertFile, 'utf8') }),
    ...(http.clientKeyFile === undefined ? {} : { key: readFileSync(http.clientKeyFile, 'utf8') }),
    ...(http.clientKeyPassphrase === undefined ? {} : { passphrase: http.clientKeyPassphrase }),
  };
  const pool = { connections: http.maxConnections, keepAliveTimeout: 30_000, keepAliveMaxTimeout: 600_000 };
  if (http.httpsProxy !== undefined || http.httpProxy !== undefined) {
    return new EnvHttpProxyAgent({
      ...pool,
      ...(http.httpProxy === undefined ? {} : { httpProxy: http.httpProxy }),
      ...(http.httpsProxy === undefined ? {} : { httpsProxy: http.httpsProxy }),
      noProxy: http.noProxy ?? '',
      connect: tls,
      requestTls: tls,
    });
  }
  return new Agent({ ...pool, connect: tls });
}
