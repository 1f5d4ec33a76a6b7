import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { findLeakedSecrets } from './leaked-secret.scanner';

const API_KEY = 'mcp-api-key-0123456789abcdef';
const QUOTED = 'pa"ss\\word-with-escapes';

describe('findLeakedSecrets', () => {
  let directory: string;

  beforeEach(() => {
    directory = mkdtempSync(join(tmpdir(), 'leak-scan-'));
    mkdirSync(join(directory, 'mcp-http-abc'));
    writeFileSync(
      join(directory, 'mcp-http-abc', 'mcp-http-2026-12-07-20.log'),
      `${JSON.stringify({ level: 'info', message: 'clean line', authorization: '[REDACTED]' })}\n`,
    );
  });

  afterEach(() => {
    rmSync(directory, { recursive: true, force: true });
  });

  it('finds nothing in clean logs', () => {
    expect(findLeakedSecrets(directory, [API_KEY, QUOTED])).toEqual([]);
  });

  it('finds a secret in a log, an audit file and a rotated archive, masked, in nested directories', () => {
    writeFileSync(join(directory, 'mcp-http-abc', 'audit-2026-12-07-20.log'), `{"target":{"repo":"${API_KEY}"}}\n`);
    mkdirSync(join(directory, 'mcp-stdio-def'));
    writeFileSync(
      join(directory, 'mcp-stdio-def', 'mcp-stdio-2026-12-07-19.log.gz'),
      gzipSync(`{"message":"X-API-Key was ${API_KEY}"}\n`),
    );
    expect(findLeakedSecrets(directory, [API_KEY]).sort((a, b) => a.file.localeCompare(b.file))).toEqual([
      { file: join('mcp-http-abc', 'audit-2026-12-07-20.log'), secret: 'mcp-… (28 characters)' },
      { file: join('mcp-stdio-def', 'mcp-stdio-2026-12-07-19.log.gz'), secret: 'mcp-… (28 characters)' },
    ]);
  });

  it('finds a secret as JSON escaped it in a log line', () => {
    writeFileSync(
      join(directory, 'mcp-http-abc', 'mcp-http-2026-12-07-21.log'),
      `${JSON.stringify({ message: QUOTED })}\n`,
    );
    expect(findLeakedSecrets(directory, [QUOTED])).toHaveLength(1);
  });
});
