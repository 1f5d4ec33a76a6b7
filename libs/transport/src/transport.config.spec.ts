import { InvalidEnvironmentError, validateEnvironment } from '@app/config';
import { transportConfig } from './transport.config';

describe('transportConfig MCP_SESSION_ROUTE', () => {
  it('is unset by default (plain UUID session ids) and takes a short lower-case token', () => {
    expect(transportConfig.resolve({}).sessionRoute).toBeUndefined();
    expect(transportConfig.resolve({ MCP_SESSION_ROUTE: 'replica-2' }).sessionRoute).toBe('replica-2');
  });

  it.each(['Replica-2', 'replica.2', 'replica 2', 'r'.repeat(33)])(
    'refuses %j: a proxy reads the route after the last dot, with a pattern of lower-case letters, digits and hyphens',
    (route) => {
      const validate = (): void => {
        validateEnvironment([transportConfig], { MCP_SESSION_ROUTE: route });
      };
      expect(validate).toThrow(InvalidEnvironmentError);
      expect(validate).toThrow(/MCP_SESSION_ROUTE: expected a route: 1 to 32 lower-case letters, digits or hyphens/);
    },
  );
});
