import { InvalidEnvironmentError, validateEnvironment } from '@app/config';
import { bitbucketConfig } from './bitbucket.config';

function problems(env: Record<string, string>): readonly string[] {
  try {
    validateEnvironment([bitbucketConfig], env);
    return [];
  } catch (error) {
    if (error instanceof InvalidEnvironmentError) return error.problems;
    throw error;
  }
}

describe('bitbucket config', () => {
  it('accepts each single kind of credential', () => {
    expect(problems({ BITBUCKET_EMAIL: 'a@b.c', BITBUCKET_API_TOKEN: 't' })).toEqual([]);
    expect(problems({ BITBUCKET_ACCESS_TOKEN: 't' })).toEqual([]);
    expect(
      problems({ BITBUCKET_URL: 'https://bitbucket.example.com', BITBUCKET_USERNAME: 'u', BITBUCKET_PASSWORD: 'p' }),
    ).toEqual([]);
  });

  it('refuses half pairs, two kinds at once, and Cloud-only credentials on Data Center', () => {
    expect(problems({ BITBUCKET_EMAIL: 'a@b.c' })).toEqual([
      'BITBUCKET_API_TOKEN: set BITBUCKET_EMAIL and BITBUCKET_API_TOKEN together',
    ]);
    expect(problems({ BITBUCKET_ACCESS_TOKEN: 't', BITBUCKET_USERNAME: 'u', BITBUCKET_PASSWORD: 'p' })[0]).toContain(
      'choose one kind of Bitbucket credential',
    );
    expect(
      problems({
        BITBUCKET_URL: 'https://bitbucket.example.com',
        BITBUCKET_EMAIL: 'a@b.c',
        BITBUCKET_API_TOKEN: 't',
      })[0],
    ).toContain('Atlassian API tokens work only with Bitbucket Cloud');
  });

  it('detects the flavor and the OAuth token endpoint from the URL', () => {
    const saved = { ...process.env };
    Object.assign(process.env, { BITBUCKET_URL: 'http://127.0.0.1:7990/2.0' });
    try {
      const config = bitbucketConfig() as ReturnType<typeof bitbucketConfig> & {
        flavor: string;
        credentials: { oauthTokenUrl: string };
      };
      expect(config.flavor).toBe('cloud');
      expect(config.credentials.oauthTokenUrl).toBe('http://127.0.0.1:7990/site/oauth2/access_token');
    } finally {
      process.env = saved;
    }
  });
});
