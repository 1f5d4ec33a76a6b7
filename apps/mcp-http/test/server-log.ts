import type { McpHttpProcess } from '@app/testing';

/** The messages of the server's JSON log lines from `context` at `level`. */
export function logLines(server: McpHttpProcess, context: string, level: string): string[] {
  return server.output
    .split('\n')
    .filter((line) => line.startsWith('{'))
    .map((line) => JSON.parse(line) as { context?: string; level?: string; message: string })
    .filter((line) => line.context === context && line.level === level)
    .map((line) => line.message);
}
