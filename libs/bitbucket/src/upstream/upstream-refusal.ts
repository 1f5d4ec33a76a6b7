import type { AppExceptionParams } from '@app/common';
import { upstreamErrorDetail } from './upstream-error-detail';
import type { UpstreamRequest } from './upstream-request';
import type { UpstreamResponse } from './upstream-response';

/** How a 4xx reads to a user: the catalogue key (under `errors.`) and its params. */
export interface UpstreamRefusal {
  readonly messageKey: string;
  readonly params: AppExceptionParams;
}

/** What Bitbucket's error body says, in both flavors' shapes (docs/bitbucket-api.md#cloud-errors and docs/bitbucket-api.md#data-center-errors). */
interface RefusalBody {
  /** Cloud `error.message` + `error.detail`, or the first Data Center `errors[].message`. */
  readonly text: string;
  /** Data Center's exception class, without its package (`NoSuchPullRequestException`). */
  readonly exception: string | undefined;
  /** Data Center merge checks' summaries (a vetoed merge). */
  readonly vetoes: readonly string[];
  readonly conflicted: boolean;
  /** The revisions Cloud's "Commit not found" names (`error.data.shas`). */
  readonly shas: readonly string[];
}

interface DatacenterError {
  readonly message?: unknown;
  readonly exceptionName?: unknown;
  readonly conflicted?: unknown;
  readonly vetoes?: readonly { readonly summaryMessage?: unknown }[];
}

interface CloudError {
  readonly error?: { readonly data?: { readonly shas?: unknown } };
}

function bodyOf(response: UpstreamResponse): RefusalBody {
  const text = upstreamErrorDetail(response);
  let first: DatacenterError | undefined;
  let shas: unknown;
  try {
    const json = response.json<{ errors?: readonly DatacenterError[] } & CloudError>();
    first = (json.errors ?? [])[0];
    shas = json.error?.data?.shas;
  } catch {
    first = undefined;
  }
  const exception = typeof first?.exceptionName === 'string' ? first.exceptionName.split('.').pop() : undefined;
  const vetoes = (first?.vetoes ?? [])
    .map((veto) => veto.summaryMessage)
    .filter((summary): summary is string => typeof summary === 'string' && summary !== '');
  return {
    text,
    exception,
    vetoes,
    conflicted: first?.conflicted === true,
    shas: Array.isArray(shas) ? shas.filter((sha): sha is string => typeof sha === 'string') : [],
  };
}

/** The path parameters of a request, read by laying its route (`GET /repositories/{workspace}/…`) over its path. */
function pathParams(request: Pick<UpstreamRequest, 'route' | 'path'>): Readonly<Record<string, string>> {
  const template = (request.route.split(' ')[1] ?? '').split('/');
  let path: string[];
  try {
    path = new URL(request.path, 'http://upstream.invalid').pathname.split('/');
  } catch {
    return {};
  }
  // An absolute link (a next page) carries the API root's own path first: line the ends up.
  const offset = Math.max(0, path.findIndex((part, index) => part === template[1] && index > 0) - 1);
  const params: Record<string, string> = {};
  for (const [index, part] of template.entries()) {
    if (index === 0) continue;
    // A file's `{path}` ends the route and spans the segments left (`src/{ref}/{path}`).
    const value = part === '{path}' ? path.slice(index + offset).join('/') : path[index + offset];
    if (value === undefined) break;
    const name = /^\{(\w+)\}$/.exec(part)?.[1];
    if (name === undefined) {
      if (part !== value) break;
      continue;
    }
    try {
      params[name] = decodeURIComponent(value);
    } catch {
      params[name] = value;
    }
  }
  return params;
}

/** The things a refusal may name, read from the route (Cloud's `{workspace}/{repo}`, Data Center's `{key}/{slug}`). */
interface Subject {
  readonly workspace?: string;
  readonly project?: string;
  readonly repository?: string;
  readonly pullRequest?: string;
  readonly issue?: string;
  readonly pipeline?: string;
  readonly step?: string;
  readonly comment?: string;
  readonly task?: string;
  readonly branch?: string;
  readonly commit?: string;
  readonly file?: string;
  readonly user?: string;
  /** Never from the route: a branch, tag or commit given in a query, named only by Bitbucket's answer. */
  readonly ref?: string;
}

function subjectOf(request: Pick<UpstreamRequest, 'route' | 'path'>): Subject {
  const p = pathParams(request);
  const route = request.route;
  const owner = p.workspace ?? p.key;
  const slug = p.repo ?? p.slug;
  const entries: [keyof Subject, string | undefined][] = [
    ['workspace', p.workspace],
    ['project', p.key],
    ['repository', owner !== undefined && slug !== undefined ? `${owner}/${slug}` : undefined],
    ['pullRequest', /\/pull-?requests\/\{id\}/.test(route) ? p.id : undefined],
    ['issue', route.includes('/issues/{id}') ? p.id : undefined],
    ['pipeline', p.uuid],
    ['step', p.stepUuid],
    ['comment', /\/tasks\/|blocker-comments/.test(route) ? undefined : p.commentId],
    ['task', p.taskId ?? (route.includes('blocker-comments/{commentId}') ? p.commentId : undefined)],
    ['branch', route.includes('/branches/{name}') ? p.name : undefined],
    ['commit', p.commit ?? p.commitId],
    ['file', p.path === '' ? undefined : p.path],
    ['user', p.userSlug ?? (route.includes('/users/{slug}') ? p.slug : undefined)],
  ];
  return Object.fromEntries(entries.filter((entry) => entry[1] !== undefined));
}

/** What a 404 is about when the body says nothing more precise: the innermost thing the route names. */
const NOT_FOUND_BY_ROUTE: readonly (keyof Subject)[] = [
  'step',
  'pipeline',
  'comment',
  'task',
  'pullRequest',
  'issue',
  'file',
  'branch',
  'commit',
  'user',
  'repository',
  'project',
  'workspace',
];

const NOT_FOUND_KEYS: Readonly<Record<keyof Subject, string>> = {
  workspace: 'BITBUCKET_NOT_FOUND_WORKSPACE',
  project: 'BITBUCKET_NOT_FOUND_PROJECT',
  repository: 'BITBUCKET_NOT_FOUND_REPOSITORY',
  pullRequest: 'BITBUCKET_NOT_FOUND_PULL_REQUEST',
  issue: 'BITBUCKET_NOT_FOUND_ISSUE',
  pipeline: 'BITBUCKET_NOT_FOUND_PIPELINE',
  step: 'BITBUCKET_NOT_FOUND_PIPELINE_STEP',
  comment: 'BITBUCKET_NOT_FOUND_COMMENT',
  task: 'BITBUCKET_NOT_FOUND_TASK',
  branch: 'BITBUCKET_NOT_FOUND_BRANCH',
  commit: 'BITBUCKET_NOT_FOUND_COMMIT',
  file: 'BITBUCKET_NOT_FOUND_FILE',
  ref: 'BITBUCKET_REF_NOT_FOUND',
  user: 'BITBUCKET_NOT_FOUND_USER',
};

/**
 * Bitbucket's words that say no more than the localized message does: a generic refusal, or one that
 * names what the route already names. Anything else is kept, quoted, after the message.
 * Sources: Cloud bodies in docs/bitbucket-api.md#cloud-errors and the fake's (apps/fake-bitbucket/shared/cloud-errors.ts,
 * cloud/cloud-code-errors.ts); Data Center ones in cdancy/bitbucket-rest's recorded answers (docs/bitbucket-api.md#data-center-errors) (pull-request-not-exist,
 * repository-not-exist, project-not-exist, pull-request-delete-merged, pull-request-delete-invalid-version).
 */
const SAYS_NOTHING_MORE: readonly RegExp[] = [
  /^(Resource not found|Not found|Unauthorized|Forbidden)\.?$/i,
  /^You may not have access to this repository or it no longer exists in this workspace\b/,
  /^You are not permitted to access this resource\.?$/,
  /^(Repository|Project|User) \S+ does not exist\.?$/,
  /^Pull request \d+ does not exist in \S+\.?$/,
  /^No pull request exists with ID \d+ for this repository \S+$/,
  /^Issue \d+ not found\.?$/,
  /^Comment \d+ does not exist\.?$/,
  /^Not found (Pipeline|Step) \S+ does not exist\.?$/,
  /^No workspace with identifier '[^']*'\.?$/,
  /^No such file or directory: /,
  /^Commit not found$/,
  /^(Commit|Object) ['"][^'"]*['"] does not exist in repository '[^']*'\.?$/,
  /^(Branch|Tag) "[^"]*" (does not exist|already exists)\.?( \(name: .*\))?$/,
  /^You are attempting to modify a (pull request|comment) based on out-of-date information\.?$/,
  /^You cannot review your own pull request\.?$/,
  /^You can only review an open pull request\.?$/,
  /^The pull request is \w+, not open\.?$/,
  /^This pull request has already been merged and cannot be deleted\.?$/,
  /^Repository has no issue tracker\.?$/,
  /^There are no changes to be pulled\.?( \(source: .*\))?$/,
  /^The source and destination branches must differ\.?( \(source: .*\))?$/,
  /^The author cannot be a reviewer of their own pull request\.?( \(reviewers: .*\))?$/,
];

const kept = (text: string): AppExceptionParams =>
  text === '' || SAYS_NOTHING_MORE.some((pattern) => pattern.test(text)) ? {} : { upstreamText: text };

/**
 * The names a message may use: `{repository}`, `{id}`… (only the ones the route gave); `{owner}` is the
 * Cloud workspace or the Data Center project key, what the tools take as `workspace`.
 */
function names(subject: Subject): Record<string, string> {
  return Object.fromEntries(
    Object.entries({
      workspace: subject.workspace,
      project: subject.project,
      owner: subject.workspace ?? subject.project,
      repository: subject.repository,
      id: subject.pullRequest ?? subject.issue,
      pipeline: subject.pipeline,
      step: subject.step,
      comment: subject.comment,
      task: subject.task,
      branch: subject.branch,
      commit: subject.commit,
      path: subject.file,
      user: subject.user,
    }).filter((entry): entry is [string, string] => entry[1] !== undefined),
  );
}

/** What the body says is missing, when it says (Data Center's exception, Cloud's own sentences). */
function missing(body: RefusalBody, subject: Subject): { kind: keyof Subject; name?: string } | undefined {
  switch (body.exception) {
    case 'NoSuchRepositoryException':
      return { kind: 'repository' };
    case 'NoSuchProjectException':
      return { kind: 'project' };
    case 'NoSuchPullRequestException':
      return { kind: 'pullRequest' };
    case 'NoSuchCommentException':
      return { kind: subject.task === undefined ? 'comment' : 'task' };
    case 'NoSuchUserException':
      return { kind: 'user' };
    case 'NoSuchPathException':
      return subject.file === undefined ? undefined : { kind: 'file' };
    case 'NoSuchCommitException':
    case 'NoSuchChangesetException':
    case 'NoSuchObjectException': {
      // On a commit's own route it is that commit; elsewhere a revision given in the query, named in the text.
      const revision = DATACENTER_REVISION.exec(body.text)?.[1];
      return subject.commit !== undefined || revision === undefined ? undefined : { kind: 'ref', name: revision };
    }
  }
  const sha = body.shas[0];
  if (body.text === 'Commit not found' && subject.commit === undefined && sha !== undefined)
    return { kind: 'ref', name: sha };
  if (body.text.startsWith('No workspace with identifier ')) return { kind: 'workspace' };
  if (body.text.startsWith('No such file or directory: ') && subject.file !== undefined) return { kind: 'file' };
  const branch = /^Branch "([^"]*)" does not exist/.exec(body.text)?.[1];
  if (branch !== undefined) return { kind: 'branch', name: branch };
  if (/^You may not have access to this repository\b/.test(body.text)) return { kind: 'repository' };
  return undefined;
}

/** The message param naming a thing, where it differs from the thing's kind. */
const PARAM_OF: Partial<Record<keyof Subject, string>> = { pullRequest: 'id', issue: 'id', file: 'path' };

/** The revision Data Center's commit and object 404s name (datacenter-cdancy commit-error, the fake's code errors). */
const DATACENTER_REVISION = /^(?:Commit|Object|The changeset) ['"]([^'"]+)['"] does not exist/;

function notFound(body: RefusalBody, subject: Subject): UpstreamRefusal {
  const params = names(subject);
  if (body.text.startsWith('Repository has no issue tracker') && subject.repository !== undefined) {
    return { messageKey: 'BITBUCKET_NO_ISSUE_TRACKER', params };
  }
  const said = missing(body, subject);
  const kind = said?.kind ?? NOT_FOUND_BY_ROUTE.find((candidate) => subject[candidate] !== undefined);
  const named = said?.name === undefined ? params : { ...params, [PARAM_OF[said.kind] ?? said.kind]: said.name };
  if (kind === undefined || named[PARAM_OF[kind] ?? kind] === undefined) {
    return { messageKey: 'BITBUCKET_NOT_FOUND', params: kept(body.text) };
  }
  return { messageKey: NOT_FOUND_KEYS[kind], params: { ...named, ...kept(body.text) } };
}

/** The well-known refusals of a change (review, merge, decline, create), by what Bitbucket says of them. */
function refusedChange(
  request: Pick<UpstreamRequest, 'route'>,
  status: number,
  body: RefusalBody,
  subject: Subject,
): UpstreamRefusal | undefined {
  const params = names(subject);
  const onPullRequest = subject.pullRequest !== undefined && subject.repository !== undefined;
  const text = body.text;
  if (onPullRequest) {
    if (body.exception === 'InvalidPullRequestParticipantException' || text.startsWith('You cannot review your own'))
      return { messageKey: 'BITBUCKET_OWN_PULL_REQUEST', params };
    if (
      body.exception === 'PullRequestOutOfDateException' ||
      text.includes('modify a pull request based on out-of-date')
    )
      return { messageKey: 'BITBUCKET_PULL_REQUEST_OUT_OF_DATE', params };
    // Cloud refuses a draft's merge in its words, Data Center with a merge check's veto.
    if (request.route.endsWith('/merge') && /\bdraft\b/i.test([text, ...body.vetoes].join(' ')))
      return { messageKey: 'BITBUCKET_PULL_REQUEST_DRAFT', params };
    if (body.exception === 'PullRequestMergeVetoedException' || body.vetoes.length > 0) {
      const vetoes = body.vetoes.join(' / ');
      return { messageKey: 'BITBUCKET_MERGE_VETOED', params: { ...params, ...kept(vetoes === '' ? text : vetoes) } };
    }
    if (body.exception === 'MergeException' || body.conflicted) {
      return {
        messageKey: body.conflicted || /conflict/i.test(text) ? 'BITBUCKET_MERGE_CONFLICT' : 'BITBUCKET_MERGE_FAILED',
        params: { ...params, ...kept(text) },
      };
    }
    if (
      /\bmerged\b/i.test(text) &&
      (body.exception === 'IllegalPullRequestStateException' || text.includes('not open'))
    )
      return { messageKey: 'BITBUCKET_PULL_REQUEST_MERGED', params };
    if (
      /\bdeclined\b/i.test(text) &&
      (body.exception === 'IllegalPullRequestStateException' || text.includes('not open'))
    )
      return { messageKey: 'BITBUCKET_PULL_REQUEST_DECLINED', params };
    if (body.exception === 'IllegalPullRequestStateException' || /not open\b|only review an open/.test(text))
      return { messageKey: 'BITBUCKET_PULL_REQUEST_NOT_OPEN', params: { ...params, ...kept(text) } };
    if (text.includes('modify a comment based on out-of-date') || body.exception === 'CommentOutOfDateException')
      return { messageKey: 'BITBUCKET_COMMENT_OUT_OF_DATE', params };
    // A new comment's anchor (Cloud `inline`, Data Center `anchor`) on a line or file the diff does not show.
    if (/^POST .*\/comments$/.test(request.route) && status === 400 && /\b(anchor|inline|line|diff)\b/i.test(text))
      return { messageKey: 'BITBUCKET_COMMENT_ANCHOR_INVALID', params: { ...params, ...kept(text) } };
  }
  if (subject.repository === undefined) return undefined;
  if (body.exception === 'DuplicatePullRequestException' || text.startsWith('Only one pull request may be open'))
    return { messageKey: 'BITBUCKET_PULL_REQUEST_EXISTS', params: { ...params, ...kept(text) } };
  if (body.exception === 'EmptyPullRequestException' || text.startsWith('There are no changes to be pulled'))
    return { messageKey: 'BITBUCKET_NOTHING_TO_PULL', params: { ...params, ...kept(text) } };
  if (
    body.exception === 'InvalidPullRequestTargetException' ||
    text.startsWith('The source and destination branches must differ')
  )
    return { messageKey: 'BITBUCKET_SAME_BRANCHES', params };
  if (text.startsWith('The author cannot be a reviewer of their own pull request'))
    return { messageKey: 'BITBUCKET_AUTHOR_AS_REVIEWER', params };
  const exists = /^(Branch|Tag) "([^"]*)" already exists/.exec(text);
  if (exists !== null) {
    return {
      messageKey: exists[1] === 'Branch' ? 'BITBUCKET_BRANCH_EXISTS' : 'BITBUCKET_TAG_EXISTS',
      params: { ...params, name: exists[2] ?? '' },
    };
  }
  return undefined;
}

/** A 403 (or Data Center's 401 to a signed-in user) names the permission unit: the repository, project or workspace. */
function forbidden(body: RefusalBody, subject: Subject): UpstreamRefusal {
  const params = { ...names(subject), ...kept(body.text) };
  if (subject.repository !== undefined) return { messageKey: 'BITBUCKET_FORBIDDEN_REPOSITORY', params };
  if (subject.project !== undefined) return { messageKey: 'BITBUCKET_FORBIDDEN_PROJECT', params };
  if (subject.workspace !== undefined) return { messageKey: 'BITBUCKET_FORBIDDEN_WORKSPACE', params };
  return { messageKey: 'BITBUCKET_FORBIDDEN', params };
}

/**
 * How a refusal of Bitbucket (a 4xx other than 429) reads to a user: the well-known ones get a message
 * of their own naming the resource (repository, pull request #id, branch…) from the request's route,
 * and Bitbucket's English is kept (quoted by the translator) only when it says more than that message.
 * `messageKey` defaults to `fallbackKey` (the error code) when nothing more precise is known.
 */
export function upstreamRefusal(
  request: Pick<UpstreamRequest, 'route' | 'path'>,
  response: UpstreamResponse | undefined,
  fallbackKey: string,
): UpstreamRefusal {
  const body: RefusalBody =
    response === undefined
      ? { text: '', exception: undefined, vetoes: [], conflicted: false, shas: [] }
      : bodyOf(response);
  const subject = subjectOf(request);
  const status = response?.status ?? 0;
  const change = refusedChange(request, status, body, subject);
  if (change !== undefined) return change;
  if (status === 404 || status === 410) return notFound(body, subject);
  if (fallbackKey === 'BITBUCKET_FORBIDDEN') return forbidden(body, subject);
  return { messageKey: fallbackKey, params: kept(body.text) };
}
