import { httpServerConfig } from './http-server.config';
import { InvalidEnvironmentError } from './invalid-environment.error';
import { validateEnvironment } from './validate-environment';

describe('httpServerConfig client limits', () => {
  it('cuts slow clients well under 30 s by default, and outlasts a load balancer’s idle timeout', () => {
    const { limits } = httpServerConfig.resolve({});
    expect(limits).toEqual({
      headersTimeoutMs: 10000,
      requestTimeoutMs: 30000,
      keepAliveTimeoutMs: 65000,
      maxConnections: 20000,
    });
    // Longer than the 60 s idle timeout of common load balancers (AWS ALB, nginx keepalive_timeout).
    expect(limits.keepAliveTimeoutMs).toBeGreaterThan(60000);
  });

  it('refuses a headers timeout longer than the request timeout (headers are part of the request)', () => {
    const validate = (): void => {
      validateEnvironment([httpServerConfig], { HTTP_HEADERS_TIMEOUT_MS: '20000', HTTP_REQUEST_TIMEOUT_MS: '10000' });
    };
    expect(validate).toThrow(InvalidEnvironmentError);
    expect(validate).toThrow(/HTTP_REQUEST_TIMEOUT_MS: must be at least HTTP_HEADERS_TIMEOUT_MS \(20000\)/);
  });
});
