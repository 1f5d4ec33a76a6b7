/**
 * Text for a log line about anything thrown: an Error's message (or its stack), anything else as a
 * string. Never throws itself: a value whose message, stack or toString throws reads as its type.
 */
export function describeThrown(thrown: unknown, detail: 'message' | 'stack' = 'message'): string {
  try {
    if (!(thrown instanceof Error)) return String(thrown);
    return detail === 'stack' ? (thrown.stack ?? thrown.message) : thrown.message;
  } catch {
    return `(a thrown ${typeof thrown} that cannot be described)`;
  }
}
