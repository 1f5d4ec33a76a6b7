/** Why a request was not authenticated or not authorized; each is also the i18n key of its message. */
export enum AuthErrorCode {
  /** No credential of any configured kind. */
  CREDENTIALS_REQUIRED = 'AUTH_CREDENTIALS_REQUIRED',
  /** A credential was presented and no configured method accepted it. */
  INVALID_CREDENTIALS = 'AUTH_INVALID_CREDENTIALS',
  TOKEN_EXPIRED = 'AUTH_TOKEN_EXPIRED',
  INSUFFICIENT_SCOPE = 'AUTH_INSUFFICIENT_SCOPE',
}
