import type { AuditRecord } from '@app/audit';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/** The audit records a server wrote to its LOG_DIR (`audit-<date>.log`, oldest file first). */
export function readAuditRecords(logDir: string): AuditRecord[] {
  if (!existsSync(logDir)) return [];
  return readdirSync(logDir)
    .filter((name) => /^audit-.*\.log$/.test(name))
    .sort()
    .flatMap((name) => readFileSync(join(logDir, name), 'utf8').split('\n'))
    .filter((line) => line !== '')
    .map((line) => JSON.parse(line) as AuditRecord);
}
