import { BitbucketClient } from '@app/bitbucket';
import { COMPLETION_LIMIT, type ArgumentCompleter } from '@app/mcp';
import { Injectable } from '@nestjs/common';
import { toolArguments } from '../shared/tool-arguments';

/** Enough to fill an answer and tell whether there is more, from one upstream page. */
const FETCHED = COMPLETION_LIMIT + 1;
/** Workspaces and projects are few and have no name filter: one larger page, filtered here. */
const FETCHED_OWNERS = 100;

/**
 * The workspace and repository already chosen, when both are names the tools would accept: a client's
 * context is not validated by the SDK, and must not steer an upstream path.
 */
function chosen(context: Readonly<Record<string, string>>): { workspace?: string; repo?: string } {
  const workspace = toolArguments.workspace.safeParse(context.workspace);
  const repo = toolArguments.repo.safeParse(context.repo);
  return {
    ...(workspace.success ? { workspace: workspace.data } : {}),
    ...(repo.success ? { repo: repo.data } : {}),
  };
}

/** The names containing `typed` (case-insensitively), those starting with it first. */
function matching(names: readonly string[], typed: string): string[] {
  const wanted = typed.toLowerCase();
  const starting = names.filter((name) => name.toLowerCase().startsWith(wanted));
  const containing = names.filter(
    (name) => !name.toLowerCase().startsWith(wanted) && name.toLowerCase().includes(wanted),
  );
  return [...new Set([...starting, ...containing])];
}

/**
 * The completers of the prompt's and the resource template's arguments, backed by the gateway's
 * listings with the server's (or the principal's) credential: a client can offer the user the names
 * Bitbucket knows. A repository, pull request or branch needs the workspace (and repository) chosen
 * first; without them there is nothing to suggest.
 */
@Injectable()
export class BitbucketCompleters {
  constructor(private readonly bitbucket: BitbucketClient) {}

  /** Cloud workspace slugs, or Data Center project keys (which the `workspace` argument names). */
  readonly workspace: ArgumentCompleter = async (value, _context, signal) => {
    const names =
      this.bitbucket.flavor === 'cloud'
        ? (await this.bitbucket.listWorkspaces({ limit: FETCHED_OWNERS, signal })).items.map((w) => w.slug)
        : (await this.bitbucket.listProjects({}, { limit: FETCHED_OWNERS, signal })).items.map((p) => p.key);
    return matching(names, value);
  };

  /** Repository slugs of the chosen workspace whose name matches (Bitbucket filters by name). */
  readonly repository: ArgumentCompleter = async (value, context, signal) => {
    const { workspace } = chosen(context);
    if (workspace === undefined) return [];
    const page = await this.bitbucket.listRepositories(
      { workspace, ...(value === '' ? {} : { query: value }) },
      { limit: FETCHED, signal },
    );
    return page.items.map((repository) => repository.slug);
  };

  /** Numbers of the repository's open pull requests, newest first, starting with what was typed. */
  readonly pullRequest: ArgumentCompleter = async (value, context, signal) => {
    const { workspace, repo } = chosen(context);
    if (workspace === undefined || repo === undefined) return [];
    const page = await this.bitbucket.listPullRequests(
      { workspace, repo },
      { states: ['OPEN'] },
      { limit: 50, signal },
    );
    return page.items.map((pr) => String(pr.id)).filter((id) => id.startsWith(value));
  };

  /** Branch names of the repository matching what was typed (a ref may also be a tag or a hash, typed whole). */
  readonly branch: ArgumentCompleter = async (value, context, signal) => {
    const { workspace, repo } = chosen(context);
    if (workspace === undefined || repo === undefined) return [];
    const page = await this.bitbucket.listBranches({ workspace, repo }, value === '' ? {} : { filter: value }, {
      limit: FETCHED,
      signal,
    });
    return matching(
      page.items.map((ref) => ref.name),
      value,
    );
  };
}
