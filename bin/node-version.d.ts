/** The line refusing Node `version` (`24.1.0`), or undefined when it is at least `required` (from package.json engines). */
export function nodeVersionProblem(version: string, required?: number): string | undefined;
/** The oldest Node major `engines` (package.json's `engines.node` by default) accepts. */
export function requiredNodeMajor(engines?: string): number;
