import type { CallOptions, PageOptions } from '../bitbucket-client.port';
import { BitbucketErrorCode } from '../bitbucket-error-code.enum';
import { BitbucketException } from '../bitbucket.exception';
import { looksBinary } from '../code/looks-binary';
import type { BbCodeSearchHit } from '../model/bb-code-search-hit';
import type { BbDirectoryEntry } from '../model/bb-directory-entry';
import type { BbFileContent } from '../model/bb-file-content';
import type { BbPage } from '../model/bb-page';
import type { BbRepositoryRef } from '../model/bb-repository-ref';
import type { CloudApi } from './cloud-api';
import type { CloudCodeSearchResultJson, CloudTreeEntryJson } from './cloud-code-json';
import { cloudCodeMappers } from './cloud-code-mappers';
import { cloudPath } from './cloud-path';
import { CloudRevisions } from './cloud-revisions';
import { requireCloudWorkspace } from './cloud-workspace';
import { upstreamPath } from '../upstream/upstream-path';
import { cloudAnswers } from './cloud-answers';

/** Cloud source (docs/bitbucket-api.md#cloud-source): `src/{ref}/{path}` raw, `?format=meta`, directory listings; code search (docs/bitbucket-api.md#cloud-code-search). */
export class CloudFilesApi {
  private readonly revisions: CloudRevisions;

  constructor(private readonly api: CloudApi) {
    this.revisions = new CloudRevisions(api);
  }

  /**
   * Two calls: `?format=meta` says whether the path is a file, its size and whether Cloud thinks it is
   * binary; then the raw bytes. A NUL byte also marks content as binary, whatever the attributes say.
   */
  async getFileContent(
    repo: BbRepositoryRef,
    input: { path: string; ref?: string },
    options?: CallOptions,
  ): Promise<BbFileContent> {
    const ref = await this.revisions.refOrMainBranch(repo, input.ref, options?.signal);
    const commit = await this.revisions.sourceSegment(repo, ref, options?.signal);
    const path = cloudPath.repository(repo, `/src/${commit}/${upstreamPath.file('path', input.path)}`);
    const route = 'GET /repositories/{workspace}/{repo}/src/{ref}/{path}';
    const meta = await this.api.json<CloudTreeEntryJson>(
      { method: 'GET', route, path, query: { format: 'meta' } },
      options?.signal,
    );
    if (meta.type !== 'commit_file') {
      throw new BitbucketException(BitbucketErrorCode.VALIDATION, `${input.path} is not a file at ${ref}`, {
        messageKey: 'BITBUCKET_PATH_IS_DIRECTORY',
        params: { path: input.path, ref },
      });
    }
    const content = await this.api.bytes({ method: 'GET', route, path }, options?.signal);
    return {
      path: meta.path,
      ref,
      content,
      binary: meta.attributes?.includes('binary') === true || looksBinary(content),
      size: meta.size ?? content.length,
    };
  }

  /** The directory's direct entries; the root needs its trailing slash (`src/{ref}/`). */
  async listDirectory(
    repo: BbRepositoryRef,
    input: { path?: string; ref?: string },
    options?: PageOptions,
  ): Promise<BbPage<BbDirectoryEntry>> {
    // A cursor already holds the listing's URL: only a first page needs to know what the ref names.
    const commit =
      options?.cursor === undefined || options.cursor === ''
        ? await this.revisions.sourceSegment(repo, input.ref, options?.signal)
        : '';
    const directory = upstreamPath.directory('path', input.path ?? '');
    return this.api.page(
      `directory ${repo.workspace}/${repo.repo} ${JSON.stringify([input.ref, input.path ?? ''])}`,
      {
        route: 'GET /repositories/{workspace}/{repo}/src/{ref}/{path}',
        values: cloudAnswers.treeEntry,
        path: cloudPath.repository(repo, `/src/${commit}/${directory === '' ? '' : `${directory}/`}`),
        cursorKeepsPath: true,
      },
      options,
      (json: CloudTreeEntryJson) => cloudCodeMappers.directoryEntry(json),
    );
  }

  /** Code search within a workspace, with each hit's repository asked for explicitly. */
  async searchCode(
    input: { workspace?: string; query: string },
    options?: PageOptions,
  ): Promise<BbPage<BbCodeSearchHit>> {
    const workspace = requireCloudWorkspace(input.workspace);
    return this.api.page(
      `code search ${workspace} ${input.query}`,
      {
        route: 'GET /workspaces/{workspace}/search/code',
        path: cloudPath.workspace(workspace, '/search/code'),
        query: { search_query: input.query, fields: '+values.file.commit.repository' },
      },
      options,
      (json: CloudCodeSearchResultJson) => cloudCodeMappers.searchHit(json),
    );
  }
}
