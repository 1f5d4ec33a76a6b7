import { Inject, Injectable, Logger, type OnModuleInit } from '@nestjs/common';
import { BitbucketEvents } from './bitbucket-events';
import { bitbucketConfig, type BitbucketConfig } from './bitbucket.config';

const TOKEN_REFRESH_CAUSES = {
  expired: 'the token reached its refresh time',
  rejected: 'Bitbucket refused the token (401)',
} as const;

/**
 * One log line per breaker transition and per OAuth token refresh, with the flavor and the reason:
 * rare events an operator wants to read in order, whether or not metrics are collected (the stdio
 * server has none). Retries and calls are counted by metrics, not logged: there are too many.
 */
@Injectable()
export class BitbucketEventLogListener implements OnModuleInit {
  private readonly logger = new Logger('Bitbucket');

  constructor(
    private readonly events: BitbucketEvents,
    @Inject(bitbucketConfig.KEY) private readonly config: BitbucketConfig,
  ) {}

  onModuleInit(): void {
    const flavor = this.config.flavor;
    this.events.on('breaker', ({ state, upstream, reason }) => {
      const line = `Circuit breaker for Bitbucket ${flavor} (${upstream}) is ${state}: ${reason}`;
      if (state === 'open') this.logger.warn(line);
      else this.logger.log(line);
    });
    this.events.on('token-refresh', ({ reason }) => {
      this.logger.log(`Bitbucket ${flavor} OAuth token refreshed: ${TOKEN_REFRESH_CAUSES[reason]}`);
    });
  }
}
