import type { FakeRequestRecord } from '@app/testing';
import type { Flavor } from '../tool-suite/tool-case';
import type { NamedCall } from './named-call';

/** Any one segment. */
const ANY = Symbol('any segment');
type Segment = string | typeof ANY;

/** Upstream paths a call may reach: by decoded segments, optionally with everything below, and a query test. */
interface PathRule {
  readonly segments: readonly Segment[];
  readonly below: boolean;
  readonly query?: (query: URLSearchParams) => boolean;
}

const exact = (...segments: Segment[]): PathRule => ({ segments, below: false });
const under = (...segments: Segment[]): PathRule => ({ segments, below: true });

/**
 * What Cloud tools reach beyond the workspace and repository they name, read from the gateway: the caller's
 * own account (cloud-context.api.ts; cloud-pull-requests.api.ts for `mine`) and their workspaces.
 */
const CLOUD_BEYOND: Readonly<Record<string, readonly PathRule[]>> = {
  get_current_user: [exact('2.0', 'user')],
  list_workspaces: [exact('2.0', 'user', 'workspaces')],
  list_pull_requests: [exact('2.0', 'user')],
  // libs/tools/src/completions: a workspace is completed from the caller's workspaces.
  'completion workspace': [exact('2.0', 'user', 'workspaces')],
};

/**
 * What Data Center tools reach beyond the project and repository they name, read from the gateway. Data
 * Center has no "myself": any answer names the caller, whose user is then read (datacenter-context.api.ts),
 * for the tools that act as the caller (datacenter-pull-request-reviews.api.ts participants, merge and decline, `mine` in
 * datacenter-pull-requests.api.ts). Projects, users and code search are server-wide listings; build statuses
 * are stored by commit id outside any repository (datacenter-commits.api.ts).
 */
function datacenterBeyond(caller: string): Readonly<Record<string, readonly PathRule[]>> {
  const asCaller = [exact('rest', 'api', 'latest', 'projects'), exact('rest', 'api', 'latest', 'users', caller)];
  return {
    get_current_user: asCaller,
    approve_pull_request: asCaller,
    unapprove_pull_request: asCaller,
    request_changes: asCaller,
    // The merge and decline answers name who closed the pull request: the caller.
    merge_pull_request: asCaller,
    decline_pull_request: asCaller,
    list_pull_requests: asCaller,
    list_projects: [exact('rest', 'api', 'latest', 'projects')],
    // libs/tools/src/completions: a project key is completed from the projects the caller sees.
    'completion workspace': [exact('rest', 'api', 'latest', 'projects')],
    list_users: [exact('rest', 'api', 'latest', 'users')],
    search_code: [exact('rest', 'search', 'latest', 'search')],
    list_build_statuses: [exact('rest', 'build-status', 'latest', 'commits', ANY)],
  };
}

/**
 * A string argument as it can appear upstream: a lone surrogate becomes U+FFFD there (a URL holds UTF-8).
 * That a server mangles such a name is for the crash and internal-error checks; here only where it went counts.
 */
function stringArgument(args: unknown, name: string): string | undefined {
  if (typeof args !== 'object' || args === null || !Object.hasOwn(args, name)) return undefined;
  const value = (args as Record<string, unknown>)[name];
  return typeof value === 'string' ? value.toWellFormed() : undefined;
}

/** The repository, workspace or project a call names, and what lies inside it. */
function namedRules(flavor: Flavor, call: NamedCall): PathRule[] {
  const workspace = stringArgument(call.args, 'workspace');
  const repo = stringArgument(call.args, 'repo');
  if (flavor === 'cloud') {
    // cloud-user-references.ts: a reviewer, author or assignee is looked up among the workspace's members;
    // cloud-api.ts: a repository Cloud does not know is told apart from an unknown workspace by asking for it.
    if (workspace !== undefined && repo !== undefined) {
      return [
        under('2.0', 'repositories', workspace, repo),
        exact('2.0', 'workspaces', workspace, 'members'),
        exact('2.0', 'workspaces', workspace),
      ];
    }
    return workspace === undefined
      ? []
      : [under('2.0', 'workspaces', workspace), exact('2.0', 'repositories', workspace)];
  }
  // Every Data Center plugin (api, branch-utils, build-status…) addresses a repository the same way.
  if (workspace !== undefined && repo !== undefined) {
    return [under('rest', ANY, 'latest', 'projects', workspace, 'repos', repo)];
  }
  const projects = [workspace, stringArgument(call.args, 'key')].filter((key) => key !== undefined);
  return projects.flatMap((project) => [
    under('rest', 'api', 'latest', 'projects', project),
    // datacenter-repositories.api.ts: repositories filtered by name are searched server-wide, in one project.
    { ...exact('rest', 'api', 'latest', 'repos'), query: (query) => query.get('projectkey') === project },
  ]);
}

function decodedSegments(path: string): string[] {
  return path
    .split('/')
    .slice(1)
    .map((segment) => {
      try {
        return decodeURIComponent(segment);
      } catch {
        return segment;
      }
    });
}

function matches(rule: PathRule, segments: readonly string[], query: URLSearchParams): boolean {
  if (segments.length < rule.segments.length || (!rule.below && segments.length !== rule.segments.length)) {
    return false;
  }
  return (
    rule.segments.every((expected, index) => expected === ANY || expected === segments[index]) &&
    (rule.query?.(query) ?? true)
  );
}

/**
 * Why a path is malformed whatever the call: a dot segment, or an empty one (a value that collapsed to
 * nothing). The one empty segment a gateway writes on purpose is Cloud's trailing slash of a directory
 * listing (`…/src/{ref}/`, `…/src/{ref}/{dir}/`).
 */
function malformation(segments: readonly string[]): string | undefined {
  if (segments.some((segment) => segment === '.' || segment === '..')) return 'a dot segment';
  const empty = segments.indexOf('');
  const cloudDirectory = segments[0] === '2.0' && segments[1] === 'repositories' && segments[4] === 'src';
  if (empty !== -1 && !(empty === segments.length - 1 && empty >= 6 && cloudDirectory)) return 'an empty segment';
  return undefined;
}

/**
 * The upstream requests (from the fake's log) that leave what the calls named: each must stay inside the
 * repository (or else the workspace or project) a call names, or be one of the few other resources that
 * call's tool legitimately reads, and no path may hold a dot or empty segment. Segments are compared
 * decoded, so a value encoded into one segment (`feature%2Fcurrency`) is inside; one that changed the
 * path's shape is not. `caller` is the Data Center user the server's credential authenticates.
 */
export function strayUpstreamPaths(
  flavor: Flavor,
  calls: readonly NamedCall[],
  records: readonly FakeRequestRecord[],
  caller: string,
): string[] {
  const beyond = flavor === 'cloud' ? CLOUD_BEYOND : datacenterBeyond(caller);
  const rules = calls.flatMap((call) => [...namedRules(flavor, call), ...(beyond[call.tool] ?? [])]);
  return records.flatMap((record) => {
    const segments = decodedSegments(record.path);
    const shown = `${record.method} ${record.path}${record.query === '' ? '' : `?${record.query}`}`;
    const malformed = malformation(segments);
    if (malformed !== undefined) return [`${shown} (${malformed})`];
    const query = new URLSearchParams(record.query);
    return rules.some((rule) => matches(rule, segments, query)) ? [] : [`${shown} (outside what the call named)`];
  });
}
