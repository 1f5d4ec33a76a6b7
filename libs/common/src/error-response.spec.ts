import { toErrorResponse } from './error-response';

describe('toErrorResponse', () => {
  it('classifies a client error a foreign library signals with a numeric status', () => {
    expect(toErrorResponse(Object.assign(new Error('too big'), { status: 413 }))).toMatchObject({
      status: 413,
      code: 'PAYLOAD_TOO_LARGE',
      unexpected: false,
    });
  });

  it('answers an internal error for a value that throws when looked at, instead of throwing', () => {
    const hostile = Object.defineProperty({}, 'status', {
      enumerable: true,
      get: () => {
        throw new Error('no status');
      },
    });
    expect(toErrorResponse(hostile)).toMatchObject({ status: 500, code: 'INTERNAL', unexpected: true });
  });
});
