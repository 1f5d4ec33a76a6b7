/** Git's own test for binary content: a NUL byte within the first 8000 bytes. */
export function looksBinary(content: Buffer): boolean {
  return content.subarray(0, 8000).includes(0);
}
