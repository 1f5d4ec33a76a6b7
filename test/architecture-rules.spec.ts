import { spawnSync } from 'node:child_process';
import { join } from 'node:path';

const root = join(__dirname, '..');

/** Runs dependency-cruiser exactly as `npm run lint` does, on a small checked-in repository layout. */
function cruise(fixture: string): { status: number | null; violations: string[] } {
  const result = spawnSync(
    process.execPath,
    [
      join(root, 'node_modules/dependency-cruiser/bin/dependency-cruiser.mjs'),
      '--config',
      join(root, '.dependency-cruiser.cjs'),
      'apps',
      'libs',
    ],
    { cwd: join(root, 'test/fixtures/architecture', fixture), encoding: 'utf8' },
  );
  const violations = [...result.stdout.matchAll(/^\s*error (\S+): (\S+) → (\S+)$/gm)].map(
    ([, rule, from, to]) => `${rule ?? ''}: ${from ?? ''} -> ${to ?? ''}`,
  );
  return { status: result.status, violations };
}

describe('architecture rules enforced by npm run lint', () => {
  it('rejects a lib importing an app and imports past a lib index, by path or by alias', () => {
    const { status, violations } = cruise('violations');
    expect(status).not.toBe(0);
    expect(violations).toEqual(
      expect.arrayContaining([
        'lib-not-to-app: libs/beta/src/index.ts -> apps/demo/main.ts',
        'no-deep-lib-import: apps/demo/main.ts -> libs/alpha/src/internal.ts',
        'not-to-unresolvable: apps/demo/main.ts -> @app/alpha/src/internal',
      ]),
    );
  });

  it('accepts the same layout when every import goes through a lib index', () => {
    expect(cruise('clean')).toEqual({ status: 0, violations: [] });
  });
});
