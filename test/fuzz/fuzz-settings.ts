/** The default seed: CI fuzzes the same inputs on every run, so a failure there replays anywhere. */
const DEFAULT_SEED = 424242;
/** Fuzzing time in all (start-up, catalogue reads and shrinking come on top): the suite stays near a minute. */
const DEFAULT_SECONDS = 48;

function fromEnvironment(name: string, fallback: number, valid: (value: number) => boolean): number {
  const raw = process.env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!valid(value)) throw new Error(`${name}=${raw} is not valid`);
  return value;
}

/** FUZZ_SEED (an integer) and FUZZ_SECONDS (a positive number) override the defaults, e.g. to replay or to fuzz longer. */
export const fuzzSettings = {
  seed: fromEnvironment('FUZZ_SEED', DEFAULT_SEED, Number.isSafeInteger),
  seconds: fromEnvironment('FUZZ_SECONDS', DEFAULT_SECONDS, (value) => Number.isFinite(value) && value > 0),
};
