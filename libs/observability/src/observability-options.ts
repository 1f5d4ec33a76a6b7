export interface ObservabilityOptions {
  /** Name stamped on every line and used for log file names. */
  readonly appName: string;
  /** Where console lines go; `stderr` keeps stdout free for a protocol. */
  readonly console: 'stdout' | 'stderr';
}
