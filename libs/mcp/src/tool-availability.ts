/**
 * Whether the deployment can serve a capability a tool requires (e.g. `pipelines` only on Bitbucket
 * Cloud). The tools lib provides it; the core stays ignorant of Bitbucket.
 */
export abstract class ToolAvailability {
  abstract isAvailable(requirement: string): boolean;
}
