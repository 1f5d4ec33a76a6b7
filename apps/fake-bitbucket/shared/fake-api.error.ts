/** An HTTP answer in one flavor's exact error shape, thrown by controllers and rendered by the filter. */
export class FakeApiError extends Error {
  constructor(
    readonly status: number,
    readonly body: unknown,
    readonly headers: Readonly<Record<string, string>> = {},
    /** `text/plain` bodies (Cloud's 429) are sent as-is. */
    readonly contentType: 'json' | 'text' = 'json',
  ) {
    super(`fake API error ${status}`);
  }
}
