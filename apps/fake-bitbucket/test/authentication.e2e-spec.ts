import { basicAuth, FakeBitbucketProcess } from '@app/testing';
import { setTimeout as sleep } from 'node:timers/promises';

const CLIENT = basicAuth('fake-oauth-client-id', 'fake-oauth-client-secret');

describe('fake Bitbucket authentication (over real sockets)', () => {
  let fake: FakeBitbucketProcess;

  beforeAll(async () => {
    fake = await FakeBitbucketProcess.start();
  });
  beforeEach(async () => {
    await fake.reset();
  });
  afterAll(async () => {
    await fake.stop();
  });

  const cloudUser = async (authorization?: string): Promise<Response> =>
    fetch(`${fake.url}/2.0/user`, authorization === undefined ? {} : { headers: { Authorization: authorization } });
  const token = async (body: Record<string, string>): Promise<Response> =>
    fetch(`${fake.url}/site/oauth2/access_token`, {
      method: 'POST',
      headers: { Authorization: CLIENT, 'Content-Type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams(body).toString(),
    });

  it('accepts a Cloud API token as Basic email:token and refuses it as Bearer with Cloud’s real message', async () => {
    const basic = await cloudUser(basicAuth('alice@acme.example', 'ATATT-fake-alice'));
    expect(basic.status).toBe(200);
    expect(await basic.json()).toMatchObject({ nickname: 'alice', display_name: 'Alice Martin' });

    const bearer = await cloudUser('Bearer ATATT-fake-alice');
    expect(bearer.status).toBe(401);
    expect(bearer.headers.get('www-authenticate')).toBe('Basic realm="Bitbucket.org HTTP"');
    expect(await bearer.json()).toEqual({
      type: 'error',
      error: { message: 'Token is invalid, expired, or not supported for this endpoint.' },
    });
  });

  it('accepts access tokens as Bearer, app passwords as a deprecated Basic, and refuses anonymous calls', async () => {
    expect(await (await cloudUser('Bearer fake-cloud-access-token-acme')).json()).toMatchObject({ nickname: 'ci-bot' });
    expect((await cloudUser(basicAuth('alice', 'fake-app-password-alice'))).status).toBe(200);
    expect((await cloudUser()).status).toBe(401);
    expect((await cloudUser(basicAuth('alice@acme.example', 'wrong'))).status).toBe(401);
  });

  it('accepts Data Center Basic and HTTP access tokens, and names the user in X-AUSERNAME', async () => {
    const basic = await fetch(`${fake.url}/rest/api/1.0/projects`, {
      headers: { Authorization: basicAuth('bob', 'bob-password') },
    });
    expect(basic.status).toBe(200);
    expect(basic.headers.get('x-ausername')).toBe('bob');
    const bearer = await fetch(`${fake.url}/rest/api/latest/projects`, {
      headers: { Authorization: 'Bearer fake-dc-token-alice' },
    });
    expect(bearer.headers.get('x-ausername')).toBe('alice');
    const wrong = await fetch(`${fake.url}/rest/api/latest/projects`, {
      headers: { Authorization: basicAuth('bob', 'nope') },
    });
    expect(wrong.status).toBe(401);
    expect(await wrong.json()).toEqual({
      errors: [
        {
          context: null,
          message: 'Authentication failed. Please check your credentials and try again.',
          exceptionName: 'com.atlassian.bitbucket.auth.IncorrectPasswordAuthenticationException',
        },
      ],
    });
  });

  it('issues OAuth tokens by client credentials that expire with the real 401, and refreshes them', async () => {
    await fake.settings({ oauthTokenTtlSeconds: 2 });
    const issued = await token({ grant_type: 'client_credentials' });
    expect(issued.status).toBe(200);
    const first = (await issued.json()) as {
      access_token: string;
      refresh_token: string;
      expires_in: number;
      token_type: string;
      state: string;
    };
    expect(first).toMatchObject({ token_type: 'bearer', expires_in: 2, state: 'client_credentials' });
    expect((await cloudUser(`Bearer ${first.access_token}`)).status).toBe(200);

    await sleep(2100);
    const expired = await cloudUser(`Bearer ${first.access_token}`);
    expect(expired.status).toBe(401);
    expect(await expired.json()).toEqual({
      type: 'error',
      error: { message: 'Access token expired. Use your refresh token to obtain a new access token.' },
    });

    const refreshed = await token({ grant_type: 'refresh_token', refresh_token: first.refresh_token });
    expect(refreshed.status).toBe(200);
    const second = (await refreshed.json()) as { access_token: string; refresh_token: string; state: string };
    expect(second.state).toBe('refresh_token');
    expect(second.refresh_token).toBe(first.refresh_token);
    expect(second.access_token).not.toBe(first.access_token);
    expect(await (await cloudUser(`Bearer ${second.access_token}`)).json()).toMatchObject({ nickname: 'alice' });
  });

  it('refuses bad clients, unknown refresh tokens and unsupported grants as OAuth errors', async () => {
    const badClient = await fetch(`${fake.url}/site/oauth2/access_token`, {
      method: 'POST',
      headers: {
        Authorization: basicAuth('fake-oauth-client-id', 'nope'),
        'Content-Type': 'application/x-www-form-urlencoded',
      },
      body: 'grant_type=client_credentials',
    });
    expect(badClient.status).toBe(401);
    expect(await badClient.json()).toMatchObject({ error: 'invalid_client' });
    expect(await (await token({ grant_type: 'refresh_token', refresh_token: 'nope' })).json()).toMatchObject({
      error: 'invalid_grant',
    });
    expect(await (await token({ grant_type: 'password' })).json()).toMatchObject({ error: 'unsupported_grant_type' });
  });
});
