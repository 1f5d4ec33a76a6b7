/** The inbound authentication methods, as AUTH_METHODS names them. */
export const AUTH_METHODS = ['oauth2', 'bearer', 'apikey', 'none'] as const;

export type AuthMethod = (typeof AUTH_METHODS)[number];
