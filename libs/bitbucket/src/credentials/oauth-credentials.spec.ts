import { OAuthCredentials } from './oauth-credentials';

describe('OAuthCredentials', () => {
  it('obtains one token for concurrent callers, reuses it, and refreshes shortly before expiry, telling so', async () => {
    let now = 0;
    let expired = 0;
    const grants: string[] = [];
    const credentials = new OAuthCredentials(
      'client',
      async (form) => {
        grants.push(form.grant_type ?? '');
        return Promise.resolve({ accessToken: `t${grants.length}`, expiresInSeconds: 3600, refreshToken: 'r1' });
      },
      undefined,
      () => now,
      () => (expired += 1),
    );
    expect(await Promise.all([credentials.authorization(), credentials.authorization()])).toEqual([
      'Bearer t1',
      'Bearer t1',
    ]);
    now = 3_000_000;
    expect(await credentials.authorization()).toBe('Bearer t1');
    now = 3_550_000;
    expect(await credentials.authorization()).toBe('Bearer t2');
    expect(grants).toEqual(['client_credentials', 'refresh_token']);
    // The first token is no refresh; the one fetched at its refresh time is.
    expect(expired).toBe(1);
  });

  it('starts from a configured refresh token and fetches anew after invalidate()', async () => {
    const forms: Record<string, string>[] = [];
    const credentials = new OAuthCredentials(
      'client',
      async (form) => {
        forms.push({ ...form });
        return Promise.resolve({ accessToken: `t${forms.length}`, expiresInSeconds: 7200 });
      },
      'configured-refresh',
    );
    await credentials.authorization();
    credentials.invalidate();
    expect(await credentials.authorization()).toBe('Bearer t2');
    expect(forms).toEqual([
      { grant_type: 'refresh_token', refresh_token: 'configured-refresh' },
      { grant_type: 'refresh_token', refresh_token: 'configured-refresh' },
    ]);
    expect(credentials.id).not.toContain('client');
  });
});
