/** Thrown before the app starts when the environment does not satisfy the merged schemas. */
export class InvalidEnvironmentError extends Error {
  constructor(readonly problems: readonly string[]) {
    super(
      [
        `Invalid configuration: ${problems.length} problem${problems.length === 1 ? '' : 's'} in the environment.`,
        ...problems.map((problem) => `  - ${problem}`),
        'See docs/configuration.md for every variable, what it expects and its default.',
      ].join('\n'),
    );
    this.name = 'InvalidEnvironmentError';
  }
}
