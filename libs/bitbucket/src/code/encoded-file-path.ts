/** A file path for a URL: each segment encoded, the slashes between them kept, empty segments dropped. */
export function encodedFilePath(path: string): string {
  return path
    .split('/')
    .filter((part) => part !== '')
    .map((part) => encodeURIComponent(part))
    .join('/');
}
