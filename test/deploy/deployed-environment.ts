import { InvalidEnvironmentError, validateEnvironment, type ConfigNamespace, type RawEnvironment } from '@app/config';
import type { z } from 'zod';

/** Whether a config namespace marks the variable secret (never echoed, blank in .env.example). */
export const isSecretVariable = (schema: z.ZodType): boolean =>
  (schema.meta() as { env?: { secret?: boolean } } | undefined)?.env?.secret === true;

/** The variables of an app's config namespaces, by name. */
export function configVariables(namespaces: readonly ConfigNamespace[]): ReadonlyMap<string, z.ZodType> {
  return new Map(namespaces.flatMap((namespace) => Object.entries(namespace.variables)));
}

/**
 * What is wrong with an environment a deployment file (compose, a Kubernetes ConfigMap) gives an app:
 * names none of the app's config namespaces declares (a typo the app would silently ignore), and every
 * problem the app itself would refuse to start with. Empty when the app takes it as it is.
 */
export function deployedEnvironmentProblems(
  namespaces: readonly ConfigNamespace[],
  environment: RawEnvironment,
): string[] {
  const variables = configVariables(namespaces);
  const unknown = Object.keys(environment)
    .filter((name) => !variables.has(name))
    .map((name) => `${name}: not a configuration variable (docs/configuration.md)`);
  try {
    validateEnvironment(namespaces, environment);
    return unknown;
  } catch (error) {
    if (!(error instanceof InvalidEnvironmentError)) throw error;
    return [...unknown, ...error.problems];
  }
}
