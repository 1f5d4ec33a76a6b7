import { withEnvironment } from '@app/testing';
import { bitbucketConfig, type BitbucketConfig } from '../src/bitbucket.config';

/** The gateway config for `env`, parsed by the real schema. */
export function configFor(env: Record<string, string>): BitbucketConfig {
  // registerAs factories are typed as possibly async; ours is synchronous.
  return withEnvironment(env, () => bitbucketConfig() as BitbucketConfig);
}
