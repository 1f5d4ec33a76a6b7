const BY_EXTENSION: Readonly<Record<string, string>> = {
  css: 'text/css',
  csv: 'text/csv',
  gif: 'image/gif',
  gitignore: 'text/plain',
  hcl: 'text/plain',
  html: 'text/html',
  java: 'text/x-java',
  jpeg: 'image/jpeg',
  jpg: 'image/jpeg',
  js: 'application/javascript',
  json: 'application/json',
  md: 'text/markdown',
  png: 'image/png',
  py: 'text/x-python',
  sh: 'application/x-sh',
  svg: 'image/svg+xml',
  tf: 'text/plain',
  ts: 'text/x-typescript',
  tsx: 'text/x-typescript',
  txt: 'text/plain',
  xml: 'application/xml',
  yaml: 'application/x-yaml',
  yml: 'application/x-yaml',
};

/** The media type Cloud derives from a file name's extension (never from the content), without a charset. */
export function fileMimeType(path: string, binary: boolean): string {
  const name = path.slice(path.lastIndexOf('/') + 1);
  const extension = name.includes('.') ? name.slice(name.lastIndexOf('.') + 1).toLowerCase() : '';
  return BY_EXTENSION[extension] ?? (binary ? 'application/octet-stream' : 'text/plain');
}
