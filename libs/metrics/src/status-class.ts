/** `2xx`, `4xx`…: a bounded label for an HTTP status. */
export function statusClass(status: number): string {
  return `${Math.floor(status / 100)}xx`;
}
