import type { BitbucketEvents } from './bitbucket-events';
import type { BitbucketConfig } from './bitbucket.config';
import { createOutboundCredentials } from './credentials/create-outbound-credentials';
import { BitbucketUpstream } from './upstream/bitbucket-upstream';
import { createUndiciDispatcher } from './upstream/undici-dispatcher.factory';

/** The upstream as configured: connection pool, outbound credentials, breaker, retries. */
export function createBitbucketUpstream(config: BitbucketConfig, events: BitbucketEvents): BitbucketUpstream {
  const dispatcher = createUndiciDispatcher(config.http);
  return new BitbucketUpstream(config, createOutboundCredentials(config, dispatcher, events), dispatcher, events);
}
