import { registerAs } from '@nestjs/config';
import { z } from 'zod';
import type { ConfigDefinition } from './config-definition';
import type { RawEnvironment } from './validate-environment';

interface DefineConfigOptions<S extends Record<string, z.ZodType>, T> {
  namespace: string;
  /** Section title in the configuration reference. */
  title: string;
  variables: S;
  /** Cross-variable rules; report each problem on the variable the operator must change. */
  refine?: (values: z.output<z.ZodObject<S>>, ctx: z.RefinementCtx) => void;
  map: (values: z.output<z.ZodObject<S>>) => T;
}

/** Declares a lib's config namespace; the root validates all namespaces at once before anything reads them. */
export function defineConfig<S extends Record<string, z.ZodType>, T extends object>(
  options: DefineConfigOptions<S, T>,
): ConfigDefinition<T> {
  const object = z.object(options.variables);
  const schema = options.refine ? object.superRefine(options.refine) : object;
  const resolve = (source: RawEnvironment): T => options.map(schema.parse(source));
  const factory = registerAs(options.namespace, () => resolve(process.env));
  return Object.assign(factory, {
    namespace: options.namespace,
    title: options.title,
    schema,
    variables: options.variables,
    resolve,
  });
}
