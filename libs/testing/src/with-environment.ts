/** Runs `fn` with `env` added to process.env, then puts the environment back as it was. */
export function withEnvironment<T>(env: Record<string, string>, fn: () => T): T {
  const saved = { ...process.env };
  Object.assign(process.env, env);
  try {
    return fn();
  } finally {
    process.env = saved;
  }
}
