import { newSessionId } from './new-session-id';

describe('newSessionId', () => {
  it('is a UUID without a route', () => {
    expect(newSessionId(undefined)).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
  });

  it('ends with .<route> with one, the UUID before it (no other dot: the proxy reads the last one)', () => {
    const id = newSessionId('replica-2');
    expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\.replica-2$/);
  });

  it('is new each time', () => {
    expect(newSessionId('a')).not.toBe(newSessionId('a'));
  });
});
