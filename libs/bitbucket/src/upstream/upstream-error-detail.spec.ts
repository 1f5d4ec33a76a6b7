import { UpstreamResponse } from './upstream-response';
import { upstreamErrorDetail } from './upstream-error-detail';

const json = (body: unknown): UpstreamResponse =>
  new UpstreamResponse(400, { 'content-type': 'application/json' }, Buffer.from(JSON.stringify(body)));

describe('upstreamErrorDetail', () => {
  it('takes the one-line reason of either flavor, with Cloud field errors', () => {
    expect(
      upstreamErrorDetail(
        json({ type: 'error', error: { message: 'Bad request', fields: { src: ['This field is required.'] } } }),
      ),
    ).toBe('Bad request (src: This field is required.)');
    expect(
      upstreamErrorDetail(json({ errors: [{ context: 'name', message: 'Branch exists', exceptionName: 'x' }] })),
    ).toBe('name: Branch exists');
  });

  it('strips control characters, caps the length, and ignores non-JSON bodies', () => {
    expect(upstreamErrorDetail(json({ errors: [{ message: `a\r\nb${'x'.repeat(400)}` }] }))).toMatch(/^a bx+$/);
    expect(upstreamErrorDetail(json({ errors: [{ message: 'x'.repeat(400) }] }))).toHaveLength(300);
    expect(
      upstreamErrorDetail(
        new UpstreamResponse(500, { 'content-type': 'text/html' }, Buffer.from('<html>stack</html>')),
      ),
    ).toBe('');
  });
});
