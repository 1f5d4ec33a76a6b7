import { Module, type OnApplicationShutdown } from '@nestjs/common';
import { bitbucketConfig, type BitbucketConfig } from './bitbucket.config';
import { createBitbucketClient } from './bitbucket-client.factory';
import { BitbucketClient } from './bitbucket-client.port';
import { BitbucketEventLogListener } from './bitbucket-event-log.listener';
import { BitbucketEvents } from './bitbucket-events';
import { createBitbucketUpstream } from './bitbucket-upstream.factory';
import { createPageCursors } from './pagination/page-cursors.factory';
import { BitbucketUpstream } from './upstream/bitbucket-upstream';

const BITBUCKET_PROVIDERS = [
  BitbucketEvents,
  BitbucketEventLogListener,
  {
    provide: BitbucketUpstream,
    inject: [bitbucketConfig.KEY, BitbucketEvents],
    useFactory: (config: BitbucketConfig, events: BitbucketEvents) => createBitbucketUpstream(config, events),
  },
  {
    provide: BitbucketClient,
    inject: [bitbucketConfig.KEY, BitbucketUpstream],
    useFactory: (config: BitbucketConfig, upstream: BitbucketUpstream) =>
      createBitbucketClient(config.flavor, upstream, createPageCursors(config)),
  },
];

/** The gateway: the configured flavor's BitbucketClient, the events it emits, and the log lines of the rare ones. */
@Module({
  providers: BITBUCKET_PROVIDERS,
  exports: [BitbucketClient, BitbucketEvents],
})
export class BitbucketModule implements OnApplicationShutdown {
  constructor(private readonly upstream: BitbucketUpstream) {}

  /** Closes the keep-alive pool so the process can exit. */
  async onApplicationShutdown(): Promise<void> {
    await this.upstream.close();
  }
}
