import type { FakeUser } from '../dataset/fake-user';

export type FakeCredentialKind = 'api-token' | 'app-password' | 'access-token' | 'oauth' | 'basic' | 'http-token';

/** Who is calling and how they proved it; attached to the response locals by the auth middleware. */
export interface FakeIdentity {
  readonly user: FakeUser;
  readonly credential: FakeCredentialKind;
}
