/** What the configuration reference and error messages say about one environment variable. */
export interface EnvVarMeta {
  readonly description: string;
  /** Human wording of an acceptable value, used in docs and in "expected …" errors. */
  readonly expects: string;
  /** Default as written in the environment, when the variable may be left unset. */
  readonly defaultValue?: string;
  readonly example?: string;
  /** A secret is never echoed back in errors and is left blank in `.env.example`. */
  readonly secret?: boolean;
}
