import type { ConfigFactory } from '@nestjs/config';
import type { z } from 'zod';

/** What the root needs of any namespace, whatever its value type: its factory, schema and documentation. */
export type ConfigNamespace<T extends object = object> = ConfigFactory<T> & {
  readonly namespace: string;
  readonly title: string;
  /** The namespace's variables with their cross-field rules, parsing a raw environment. */
  readonly schema: z.ZodType;
  readonly variables: Readonly<Record<string, z.ZodType>>;
};
