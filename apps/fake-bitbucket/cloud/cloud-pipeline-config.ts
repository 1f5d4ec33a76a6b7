import type { GitCommit } from '../git/git-commit';

const CONFIG_PATH = 'bitbucket-pipelines.yml';

/**
 * The names under `pipelines: custom:` of the bitbucket-pipelines.yml at a commit (the patterns a
 * custom selector may name); undefined when the commit has no such file, so Pipelines cannot run there.
 */
export function customPipelinesAt(commit: GitCommit): string[] | undefined {
  const yml = commit.tree.get(CONFIG_PATH)?.text;
  if (yml === undefined) return undefined;
  const names: string[] = [];
  let inCustom = false;
  for (const line of yml.split('\n')) {
    if (/^ {2}\S/.test(line)) inCustom = /^ {2}custom:\s*$/.test(line);
    else if (/^\S/.test(line)) inCustom = false;
    else if (inCustom) {
      const name = /^ {4}([^\s#][^:]*):\s*$/.exec(line)?.[1];
      if (name !== undefined) names.push(name.replace(/^["']|["']$/g, ''));
    }
  }
  return names;
}
