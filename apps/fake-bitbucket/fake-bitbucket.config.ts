import { defineConfig, env } from '@app/config';

export const fakeBitbucketConfig = defineConfig({
  namespace: 'fakeBitbucket',
  title: 'Fake Bitbucket (tests and demo only)',
  variables: {
    FAKE_BITBUCKET_PORT: env.port({
      default: 7990,
      ephemeral: true,
      description: 'Port of the fake Bitbucket; 0 picks a free one, which the "Listening on" log line names.',
    }),
    FAKE_BITBUCKET_HOST: env.string({ default: '127.0.0.1', description: 'Address the fake Bitbucket binds.' }),
  },
  map: (v) => ({ port: v.FAKE_BITBUCKET_PORT, host: v.FAKE_BITBUCKET_HOST }),
});
