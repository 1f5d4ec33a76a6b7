/** A listing tool's structured content. */
export interface ListingPage<T> {
  items: T[];
  cursor?: string;
  truncated?: string;
}
