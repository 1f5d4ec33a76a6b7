import { describeThrown } from './describe-thrown';

describe('describeThrown', () => {
  it('reads an Error by its message or its stack, anything else as a string', () => {
    const error = new Error('boom');
    expect(describeThrown(error)).toBe('boom');
    expect(describeThrown(error, 'stack')).toBe(error.stack);
    expect(describeThrown('text')).toBe('text');
    expect(describeThrown(undefined)).toBe('undefined');
    expect(describeThrown(null)).toBe('null');
  });

  it('never throws, whatever the value does when read', () => {
    const hostileObject = {
      toString: () => {
        throw new Error('no toString');
      },
    };
    const hostileError = new Error('hidden');
    Object.defineProperty(hostileError, 'message', {
      get: () => {
        throw new Error('no message');
      },
    });
    expect(describeThrown(hostileObject)).toBe('(a thrown object that cannot be described)');
    expect(describeThrown(hostileError)).toBe('(a thrown object that cannot be described)');
    expect(describeThrown(Object.create(null))).toBe('(a thrown object that cannot be described)');
  });
});
