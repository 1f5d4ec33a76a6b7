import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { environmentSecrets } from './environment-secrets';

describe('environmentSecrets', () => {
  it('takes secret values, each static credential, URL passwords and entries of credential files', () => {
    const directory = mkdtempSync(join(tmpdir(), 'env-secrets-'));
    try {
      const file = join(directory, 'keys');
      writeFileSync(file, '# comment\nfile-user:file-secret-0123456789\n');
      expect(
        environmentSecrets({
          BITBUCKET_API_TOKEN: 'ATATT-fake-alice',
          AUTH_BEARER_TOKENS: 'ci:s3cret-value-1234[bitbucket:read], ops:another-secret-5678',
          AUTH_API_KEYS_FILE: file,
          REDIS_URL: 'redis://:outage%2Fs3cret@127.0.0.1:6390',
          BITBUCKET_URL: 'http://127.0.0.1:7990/2.0',
          LOG_LEVEL: 'warn',
          BITBUCKET_PASSWORD: '',
        }),
      ).toEqual([
        'ATATT-fake-alice',
        's3cret-value-1234',
        'another-secret-5678',
        'file-secret-0123456789',
        'outage/s3cret',
      ]);
    } finally {
      rmSync(directory, { recursive: true, force: true });
    }
  });
});
