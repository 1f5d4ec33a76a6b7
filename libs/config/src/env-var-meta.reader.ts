import type { z } from 'zod';
import type { EnvVarMeta } from './env-var-meta';

export function readEnvVarMeta(schema: z.ZodType): EnvVarMeta {
  const meta = schema.meta() as { env?: EnvVarMeta } | undefined;
  if (!meta?.env) throw new Error('Environment variables must be declared with the `env` builders');
  return meta.env;
}
