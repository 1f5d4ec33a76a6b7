import type { ConfigFactoryKeyHost } from '@nestjs/config';
import type { ConfigNamespace } from './config-namespace';
import type { RawEnvironment } from './validate-environment';

/** A lib's configuration namespace: a `registerAs` factory that also carries its environment schema. */
export type ConfigDefinition<T extends object> = ConfigNamespace<T> &
  ConfigFactoryKeyHost<T> & {
    /** The value for an explicit environment instead of the process's (the tool reference boots one per flavor). */
    readonly resolve: (source: RawEnvironment) => T;
  };
