import { Controller, type ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { TransportException } from '../transport.exception';
import { OriginChecked } from './origin-checked.decorator';
import { OriginPolicy } from './origin-policy';
import { OriginGuard } from './origin.guard';

@Controller('mcp')
@OriginChecked()
class CheckedController {}

@Controller('health')
class UncheckedController {}

const FORBIDDEN = { host: 'evil.example', origin: 'https://evil.example' };

/** An HTTP request with `headers` reaching a route of `controller` (its handler carries no metadata of its own). */
function httpContext(controller: abstract new () => object, headers: Record<string, string>): ExecutionContext {
  return {
    getType: () => 'http',
    getClass: () => controller,
    getHandler: () => () => undefined,
    switchToHttp: () => ({ getRequest: () => ({ headers }) }),
  } as unknown as ExecutionContext;
}

describe('OriginGuard', () => {
  const guard = new OriginGuard(
    new OriginPolicy({ allowedOrigins: ['https://app.example.com'], allowedHosts: [], loopback: true }),
    new Reflector(),
  );

  it('refuses a forbidden Origin or Host on a route declared @OriginChecked()', () => {
    expect(() => guard.canActivate(httpContext(CheckedController, FORBIDDEN))).toThrow(TransportException);
    expect(() =>
      guard.canActivate(httpContext(CheckedController, { host: 'evil.example', origin: 'https://app.example.com' })),
    ).toThrow(TransportException);
    expect(guard.canActivate(httpContext(CheckedController, { host: '127.0.0.1:3000' }))).toBe(true);
  });

  it('leaves every other route, and non-HTTP contexts, alone', () => {
    expect(guard.canActivate(httpContext(UncheckedController, FORBIDDEN))).toBe(true);
    expect(guard.canActivate({ getType: () => 'rpc' } as unknown as ExecutionContext)).toBe(true);
  });
});
