import { secretRedactionFormat } from './secret-redaction.format';

const redact = (info: Record<string, unknown>): Record<string, unknown> =>
  secretRedactionFormat().transform({ level: 'info', message: '', ...info }) as Record<string, unknown>;

describe('secretRedactionFormat', () => {
  it('blanks values under secret-looking keys at any depth', () => {
    const line = redact({
      headers: { Authorization: 'Bearer abc.def', 'x-api-key': 'k-123', accept: 'json' },
      password: 'p',
    });
    expect(line).toMatchObject({
      headers: { Authorization: '[REDACTED]', 'x-api-key': '[REDACTED]', accept: 'json' },
      password: '[REDACTED]',
    });
  });

  it('removes credentials written inside free text', () => {
    const line = redact({
      message: 'calling with Basic dXNlcjpwYXNz and Bearer eyJhbGciOi.x.y at https://bob:s3cret@host/path',
    });
    expect(line.message).toBe(
      'calling with Basic [REDACTED] and Bearer [REDACTED] at https://bob:[REDACTED]@host/path',
    );
  });

  it('leaves ordinary data alone, including counts under secret-looking keys', () => {
    expect(redact({ message: 'listed 3 repositories', tokensUsed: 42 })).toMatchObject({
      message: 'listed 3 repositories',
      tokensUsed: 42,
    });
  });
});
