import type { ConfigNamespace } from './config-namespace';
import { readEnvVarMeta } from './env-var-meta.reader';
import { InvalidEnvironmentError } from './invalid-environment.error';

export type RawEnvironment = Readonly<Record<string, string | undefined>>;

/** Checks every namespace against one environment and reports every bad variable in one error. */
export function validateEnvironment(definitions: readonly ConfigNamespace[], source: RawEnvironment): void {
  const problems: string[] = [];
  const owners = new Map<string, string>();
  for (const definition of definitions) {
    for (const name of Object.keys(definition.variables)) {
      const owner = owners.get(name);
      if (owner !== undefined && owner !== definition.namespace) {
        throw new Error(`${name} is declared by both the ${owner} and ${definition.namespace} config namespaces`);
      }
      owners.set(name, definition.namespace);
    }
    const result = definition.schema.safeParse(source);
    if (result.success) continue;
    for (const issue of result.error.issues) {
      const name = String(issue.path[0] ?? '');
      const variable = definition.variables[name];
      if (issue.code === 'custom' || variable === undefined) {
        problems.push(name ? `${name}: ${issue.message}` : issue.message);
        continue;
      }
      const meta = readEnvVarMeta(variable);
      const got = meta.secret === true ? '' : `, got ${JSON.stringify(source[name])}`;
      problems.push(`${name}: expected ${meta.expects}${got}`);
    }
  }
  const unique = [...new Set(problems)];
  if (unique.length > 0) throw new InvalidEnvironmentError(unique);
}
