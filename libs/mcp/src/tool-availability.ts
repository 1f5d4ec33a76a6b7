/**
 * Whether the deployment can serve a capability a tool requires (e.g. `pipelines` only on Bitbucket
 * Cloud), and why not. The tools lib provides it; the core stays ignorant of Bitbucket.
 */
export abstract class ToolAvailability {
  abstract isAvailable(requirement: string): boolean;

  /** The catalogue key (under `errors.`, `{name}` being the tool) saying why `requirement` cannot be served. */
  abstract unavailableMessageKey(requirement: string): string;
}
