import type { CallOptions, PageOptions } from '../bitbucket-client.port';
import type { BbIssue } from '../model/bb-issue';
import type { BbIssueComment } from '../model/bb-issue-comment';
import type { BbPage } from '../model/bb-page';
import type { BbRepositoryRef } from '../model/bb-repository-ref';
import type { CloudApi } from './cloud-api';
import { cloudBbql } from './cloud-bbql';
import type { CloudIssueCommentJson, CloudIssueJson } from './cloud-issue-json';
import { cloudIssueMappers } from './cloud-issue-mappers';
import { cloudPath } from './cloud-path';
import { CloudUserReferences } from './cloud-user-references';
import { cloudAnswers } from './cloud-answers';

const ISSUES = '/repositories/{workspace}/{repo}/issues';

/** The Cloud issue tracker (docs/bitbucket-api.md#cloud-issues); repositories without one answer 404. */
export class CloudIssuesApi {
  private readonly users: CloudUserReferences;

  constructor(private readonly api: CloudApi) {
    this.users = new CloudUserReferences(api);
  }

  /** `state` and a free-text `query` (title or content) as BBQL. */
  async listIssues(
    repo: BbRepositoryRef,
    input: { state?: string; query?: string },
    options?: PageOptions,
  ): Promise<BbPage<BbIssue>> {
    const state =
      input.state === undefined || input.state === '' ? undefined : `state = ${cloudBbql.string(input.state)}`;
    const text =
      input.query === undefined || input.query === ''
        ? undefined
        : `title ~ ${cloudBbql.string(input.query)} OR content.raw ~ ${cloudBbql.string(input.query)}`;
    const q = cloudBbql.and([state, text]);
    return this.api.page(
      `issues ${repo.workspace}/${repo.repo} ${JSON.stringify([input.state, input.query])}`,
      {
        route: `GET ${ISSUES}`,
        values: cloudAnswers.issue,
        path: cloudPath.repository(repo, '/issues'),
        ...(q === undefined ? {} : { query: { q } }),
      },
      options,
      (json: CloudIssueJson) => cloudIssueMappers.issue(json),
    );
  }

  async getIssue(repo: BbRepositoryRef, input: { id: number }, options?: CallOptions): Promise<BbIssue> {
    const json = await this.api.json<CloudIssueJson>(
      {
        method: 'GET',
        route: `GET ${ISSUES}/{id}`,
        answer: cloudAnswers.issue,
        path: cloudPath.repository(repo, `/issues/${input.id}`),
      },
      options?.signal,
    );
    return cloudIssueMappers.issue(json);
  }

  /** The assignee may be a uuid, an account id or a nickname (looked up among the workspace members). */
  async createIssue(
    repo: BbRepositoryRef,
    input: { title: string; content?: string; kind?: string; priority?: string; assignee?: string },
    options?: CallOptions,
  ): Promise<BbIssue> {
    const assignee =
      input.assignee === undefined || input.assignee === ''
        ? undefined
        : await this.users.resolve(repo.workspace, input.assignee, options);
    const json = await this.api.json<CloudIssueJson>(
      {
        method: 'POST',
        route: `POST ${ISSUES}`,
        answer: cloudAnswers.issue,
        path: cloudPath.repository(repo, '/issues'),
        json: {
          title: input.title,
          ...(input.content === undefined ? {} : { content: { raw: input.content } }),
          ...(input.kind === undefined ? {} : { kind: input.kind }),
          ...(input.priority === undefined ? {} : { priority: input.priority }),
          ...(assignee === undefined ? {} : { assignee }),
        },
      },
      options?.signal,
    );
    return cloudIssueMappers.issue(json);
  }

  async addIssueComment(
    repo: BbRepositoryRef,
    input: { id: number; text: string },
    options?: CallOptions,
  ): Promise<BbIssueComment> {
    const json = await this.api.json<CloudIssueCommentJson>(
      {
        method: 'POST',
        route: `POST ${ISSUES}/{id}/comments`,
        answer: cloudAnswers.issueComment,
        path: cloudPath.repository(repo, `/issues/${input.id}/comments`),
        json: { content: { raw: input.text } },
      },
      options?.signal,
    );
    return cloudIssueMappers.comment(json);
  }
}
