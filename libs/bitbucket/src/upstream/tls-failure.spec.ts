import { tlsFailure } from './tls-failure';

const coded = (code: string, socket?: { bytesRead: number }): Error => Object.assign(new Error(code), { code, socket });

describe('tlsFailure', () => {
  it('names an untrusted certificate, pointing at BITBUCKET_CA_FILE, and does not retry it', () => {
    for (const code of ['SELF_SIGNED_CERT_IN_CHAIN', 'UNABLE_TO_VERIFY_LEAF_SIGNATURE', 'CERT_HAS_EXPIRED']) {
      const failure = tlsFailure(coded(code), 'https://bitbucket.example.com/rest');
      expect(failure).toMatchObject({ kind: 'tls', retryable: false });
      expect(failure?.message).toContain(code);
      expect(failure?.message).toContain('BITBUCKET_CA_FILE');
    }
  });

  it('names a failed handshake, pointing at the client certificate', () => {
    const failure = tlsFailure(coded('ERR_SSL_SSL/TLS_ALERT_HANDSHAKE_FAILURE'), 'https://bitbucket.example.com');
    expect(failure).toMatchObject({ kind: 'tls', retryable: false });
    expect(failure?.message).toContain('BITBUCKET_CLIENT_CERT_FILE');
  });

  it('explains a fresh TLS connection closed unanswered, still retryable; not a plain-HTTP or a used one', () => {
    const closed = tlsFailure(coded('UND_ERR_SOCKET', { bytesRead: 0 }), 'https://bitbucket.example.com');
    expect(closed).toMatchObject({ kind: 'network', retryable: true });
    expect(closed?.message).toContain('client certificate');
    expect(tlsFailure(coded('UND_ERR_SOCKET', { bytesRead: 0 }), 'http://bitbucket.example.com')).toBeUndefined();
    expect(tlsFailure(coded('UND_ERR_SOCKET', { bytesRead: 812 }), 'https://bitbucket.example.com')).toBeUndefined();
  });

  it('leaves other failures alone', () => {
    expect(tlsFailure(coded('ECONNREFUSED'), 'https://bitbucket.example.com')).toBeUndefined();
    expect(tlsFailure(new Error('no code'), 'https://bitbucket.example.com')).toBeUndefined();
  });
});
