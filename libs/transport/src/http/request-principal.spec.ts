import { RequestContext } from '@app/common';
import { isLocalUser, requestPrincipalId } from './request-principal';

describe('requestPrincipalId', () => {
  it('is the principal the auth guard put in the request context', () => {
    expect(RequestContext.run({ correlationId: 'c-1', principalId: 'oauth2:alice' }, requestPrincipalId)).toBe(
      'oauth2:alice',
    );
  });

  it('refuses, rather than naming a default caller, without a request context or without a principal in it', () => {
    expect(requestPrincipalId).toThrow(/No request context for the calling principal: refused/);
    expect(() => RequestContext.run({ correlationId: 'c-2' }, requestPrincipalId)).toThrow(
      /No authenticated principal in the request context: refused/,
    );
  });
});

describe('isLocalUser', () => {
  it('is the local user of AUTH_METHODS=none only', () => {
    expect(isLocalUser('none:local')).toBe(true);
    expect(isLocalUser('anonymous')).toBe(false);
    expect(isLocalUser('apikey:none')).toBe(false);
  });
});
