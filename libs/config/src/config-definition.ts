import type { ConfigFactoryKeyHost } from '@nestjs/config';
import type { ConfigNamespace } from './config-namespace';

/** A lib's configuration namespace: a `registerAs` factory that also carries its environment schema. */
export type ConfigDefinition<T extends object> = ConfigNamespace<T> & ConfigFactoryKeyHost<T>;
