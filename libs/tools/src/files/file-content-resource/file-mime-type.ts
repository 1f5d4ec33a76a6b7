/** What a resource reader needs to tell a file's format by its extension; the rest is plain text or bytes. */
const BY_EXTENSION: Readonly<Record<string, string>> = {
  md: 'text/markdown',
  txt: 'text/plain',
  ts: 'text/x-typescript',
  tsx: 'text/x-typescript',
  js: 'text/javascript',
  mjs: 'text/javascript',
  cjs: 'text/javascript',
  json: 'application/json',
  yml: 'application/yaml',
  yaml: 'application/yaml',
  xml: 'application/xml',
  html: 'text/html',
  css: 'text/css',
  csv: 'text/csv',
  py: 'text/x-python',
  java: 'text/x-java',
  sh: 'application/x-sh',
  svg: 'image/svg+xml',
  png: 'image/png',
  jpg: 'image/jpeg',
  jpeg: 'image/jpeg',
  gif: 'image/gif',
  webp: 'image/webp',
  ico: 'image/vnd.microsoft.icon',
  pdf: 'application/pdf',
  zip: 'application/zip',
  gz: 'application/gzip',
  jar: 'application/java-archive',
};

/** The MIME type of a repository file: by extension when known, else text/plain or application/octet-stream. */
export function fileMimeType(path: string, binary: boolean): string {
  const name = path.split('/').pop() ?? '';
  const extension = name.includes('.') ? (name.split('.').pop() ?? '').toLowerCase() : '';
  return BY_EXTENSION[extension] ?? (binary ? 'application/octet-stream' : 'text/plain');
}
