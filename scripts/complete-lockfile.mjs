// The registry these machines reach answers 404 for native bindings built for other platforms, so
// `npm install` writes a lockfile without their entries and `npm ci` then refuses it as out of sync.
// This restores each missing optional platform binding as an entry npm skips on a non-matching
// platform. Run after `npm install` changes the lockfile: `node scripts/complete-lockfile.mjs`.
import { readFileSync, writeFileSync } from 'node:fs';

const OS = ['android', 'darwin', 'freebsd', 'linux', 'openharmony', 'win32', 'wasm32'];
const CPU = {
  'arm-eabi': 'arm',
  arm: 'arm',
  arm64: 'arm64',
  x64: 'x64',
  ia32: 'ia32',
  loong64: 'loong64',
  ppc64: 'ppc64',
  riscv64: 'riscv64',
  s390x: 's390x',
};

function platformOf(name) {
  const parts = name.split('/').pop().split('-');
  const os = parts.find((part) => OS.includes(part));
  const cpuIndex = parts.findIndex(
    (part, i) => CPU[part] !== undefined || CPU[`${part}-${parts[i + 1]}`] !== undefined,
  );
  if (os === undefined || cpuIndex < 0) return undefined;
  const cpu = CPU[`${parts[cpuIndex]}-${parts[cpuIndex + 1]}`] ?? CPU[parts[cpuIndex]];
  const libc =
    parts.includes('musl') || parts.includes('musleabihf')
      ? ['musl']
      : parts.includes('gnu') || parts.includes('gnueabihf')
        ? ['glibc']
        : undefined;
  return { os: [os], cpu: [cpu], ...(libc ? { libc } : {}) };
}

const file = new URL('../package-lock.json', import.meta.url);
const lock = JSON.parse(readFileSync(file, 'utf8'));
let added = 0;
for (const [path, meta] of Object.entries(lock.packages)) {
  for (const [dep, version] of Object.entries(meta.optionalDependencies ?? {})) {
    const nested = `${path ? `${path}/` : ''}node_modules/${dep}`;
    if (lock.packages[nested] !== undefined || lock.packages[`node_modules/${dep}`] !== undefined) continue;
    const platform = platformOf(dep);
    if (platform === undefined) continue;
    lock.packages[`node_modules/${dep}`] = { version, dev: meta.dev, optional: true, ...platform };
    added += 1;
  }
}
writeFileSync(file, `${JSON.stringify(lock, null, 2)}\n`);
process.stdout.write(`complete-lockfile: restored ${added} platform binding entr${added === 1 ? 'y' : 'ies'}\n`);
