import type { LoggingLevel } from '@modelcontextprotocol/sdk/types.js';

const ORDER: readonly LoggingLevel[] = [
  'debug',
  'info',
  'notice',
  'warning',
  'error',
  'critical',
  'alert',
  'emergency',
];

/** Whether a message at `level` passes the client's `threshold` (RFC 5424 severities, as MCP uses). */
export function passesLogLevel(level: LoggingLevel, threshold: LoggingLevel): boolean {
  return ORDER.indexOf(level) >= ORDER.indexOf(threshold);
}
