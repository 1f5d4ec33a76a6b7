/** Seeded credentials a contract case authenticates with (apps/fake-bitbucket/auth/seed-credentials.ts). */
export type ContractCaller =
  | 'cloud-alice'
  | 'cloud-bob'
  | 'cloud-carol'
  | 'cloud-erin'
  | 'cloud-access-token'
  | 'dc-alice'
  | 'dc-bob'
  | 'dc-carol'
  | 'dc-erin'
  | 'none';

/**
 * One request the contract suite sends to a freshly reset fake, in list order, and checks against
 * the vendored OpenAPI subset. Cases of one list run in order on one dataset, so a write may prepare
 * the next read; ids are deterministic after a reset.
 */
export interface ContractCase {
  readonly name: string;
  readonly method: 'GET' | 'POST' | 'PUT' | 'DELETE';
  /** Path and query as sent, e.g. `/2.0/repositories/acme/payments-api/pullrequests/3?fields=-links`. */
  readonly path: string;
  readonly caller: ContractCaller;
  readonly body?: unknown;
  /** `form` sends application/x-www-form-urlencoded (OAuth); default JSON. */
  readonly bodyType?: 'json' | 'form';
  readonly headers?: Readonly<Record<string, string>>;
  readonly expectStatus: number;
}
