import type { FakeIdentity } from './fake-identity';

/** Who calls a route and its path parameters: what a pipe needs to find the resource the URL names. */
export interface RouteTarget<Params = Readonly<Record<string, unknown>>> {
  readonly caller: FakeIdentity;
  readonly params: Params;
}
