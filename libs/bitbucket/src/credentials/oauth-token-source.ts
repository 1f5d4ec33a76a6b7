/** Fetches an OAuth access token; `form` is the grant's body for the token endpoint. */
export type OAuthTokenSource = (
  form: Readonly<Record<string, string>>,
) => Promise<{ accessToken: string; expiresInSeconds: number; refreshToken?: string }>;
