import { HttpStatus } from '@nestjs/common';

export type AppExceptionParams = Readonly<Record<string, string | number>>;

export interface AppExceptionOptions {
  /** Values interpolated into the localized message of the code. */
  params?: AppExceptionParams;
  /**
   * The catalogue key (under `errors.`) of a message more precise than the code's own, such as one
   * naming the missing resource; clients still get `code`. Takes the same params.
   */
  messageKey?: string;
  /** Seconds a client should wait before retrying; sent as `Retry-After`. */
  retryAfterSeconds?: number;
  /** Response headers the answer must carry (a `WWW-Authenticate` challenge). */
  headers?: Readonly<Record<string, string>>;
  cause?: unknown;
}

/**
 * Base of every error a lib lets escape. The code is both the machine-readable error code sent to
 * clients and the i18n key of its message; `message` is the operator-facing English text for logs
 * and never reaches a client. Subclasses narrow `code` to their lib's code enum.
 */
export abstract class AppException extends Error {
  readonly status: number;
  readonly params: AppExceptionParams;
  readonly messageKey: string;
  readonly retryAfterSeconds: number | undefined;
  readonly headers: Readonly<Record<string, string>>;

  protected constructor(
    readonly code: string,
    status: HttpStatus,
    message: string,
    options: AppExceptionOptions = {},
  ) {
    super(message, { cause: options.cause });
    this.name = new.target.name;
    this.status = status;
    this.params = options.params ?? {};
    this.messageKey = options.messageKey ?? code;
    this.retryAfterSeconds = options.retryAfterSeconds;
    this.headers = options.headers ?? {};
  }
}
