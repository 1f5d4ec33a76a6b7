/**
 * RestPath: a repository path split the way Data Center reports it. `extension` is absent when the
 * name has none (a leading dot, as in `.gitignore`, does not start one); the root is the empty path.
 */
export function datacenterPath(path: string): Record<string, unknown> {
  const components = path === '' ? [] : path.split('/');
  const name = components.at(-1) ?? '';
  const dot = name.lastIndexOf('.');
  return {
    components,
    parent: components.slice(0, -1).join('/'),
    name,
    ...(dot > 0 && dot < name.length - 1 ? { extension: name.slice(dot + 1) } : {}),
    toString: path,
  };
}
