// Validates Kubernetes objects against the API schemas of the `kubernetes-models` packages (their
// built-in validate(), on the OpenAPI schemas of Kubernetes and of the Prometheus Operator's CRDs).
// Those packages are ES modules with only an `import` export, which Jest's CommonJS runtime cannot
// require, so test/deploy/kubernetes.e2e-spec.ts runs this in a process of its own:
//   stdin: a JSON array of objects; stdout: a JSON array of { object, problem } (empty: all valid).
import { text } from 'node:stream/consumers';

/** apiVersion → the module of its models, exporting one class per kind. */
const MODULES = {
  v1: 'kubernetes-models/v1',
  'apps/v1': 'kubernetes-models/apps/v1',
  'autoscaling/v2': 'kubernetes-models/autoscaling/v2',
  'policy/v1': 'kubernetes-models/policy/v1',
  'networking.k8s.io/v1': 'kubernetes-models/networking.k8s.io/v1',
  'monitoring.coreos.com/v1': '@kubernetes-models/prometheus-operator/monitoring.coreos.com/v1',
};

async function problemOf(object) {
  const module = MODULES[object.apiVersion];
  if (module === undefined) return `no schema for apiVersion ${object.apiVersion}`;
  const Model = (await import(module))[object.kind];
  if (Model === undefined) return `no schema for ${object.apiVersion} ${object.kind}`;
  try {
    new Model(object).validate();
    return undefined;
  } catch (error) {
    return error instanceof Error ? error.message : String(error);
  }
}

const objects = JSON.parse(await text(process.stdin));
const problems = [];
for (const object of objects) {
  const problem = await problemOf(object);
  if (problem !== undefined) problems.push({ object: `${object.kind}/${object.metadata?.name}`, problem });
}
process.stdout.write(JSON.stringify(problems));
