import { Logger, type FactoryProvider } from '@nestjs/common';
import type { AuthMethod } from './auth-method';
import { authConfig, type AuthConfig } from './auth.config';
import { ACTIVE_AUTH_METHODS } from './auth.constants';
import { AUTH_METHOD_STRATEGIES } from './strategies/auth-method-strategies';
import type { AuthMethodStrategy } from './strategies/auth-method-strategy';

/** The configured methods in AUTH_METHODS order; methods without their settings are skipped, and said so. */
export const authPriorityProvider: FactoryProvider<readonly AuthMethod[]> = {
  provide: ACTIVE_AUTH_METHODS,
  inject: [authConfig.KEY, ...AUTH_METHOD_STRATEGIES],
  useFactory: (config: AuthConfig, ...strategies: AuthMethodStrategy[]) => {
    const logger = new Logger('Auth');
    const active: AuthMethod[] = [];
    const skipped: string[] = [];
    for (const method of config.methods) {
      const strategy = strategies.find((candidate) => candidate.method === method);
      const unconfigured = strategy === undefined ? 'no strategy provider' : strategy.unconfigured();
      if (unconfigured === undefined) active.push(method);
      else skipped.push(`${method}: ${unconfigured}`);
    }
    if (active.length === 0) {
      logger.warn(
        `No inbound authentication method is configured (${skipped.join('; ')}): every MCP request will be refused with 401.`,
      );
    } else {
      logger.log(
        `Inbound authentication, in order: ${active.join(', ')}${skipped.length === 0 ? '' : ` (skipped ${skipped.join('; ')})`}`,
      );
    }
    return active;
  },
};
