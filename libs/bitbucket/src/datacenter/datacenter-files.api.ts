import type { CallOptions, PageOptions } from '../bitbucket-client.port';
import { BitbucketErrorCode } from '../bitbucket-error-code.enum';
import { BitbucketException } from '../bitbucket.exception';
import { looksBinary } from '../code/looks-binary';
import type { BbCodeSearchHit } from '../model/bb-code-search-hit';
import type { BbDirectoryEntry } from '../model/bb-directory-entry';
import type { BbFileContent } from '../model/bb-file-content';
import type { BbPage } from '../model/bb-page';
import type { BbRepositoryRef } from '../model/bb-repository-ref';
import type { DatacenterApi } from './datacenter-api';
import type {
  DatacenterBrowseJson,
  DatacenterCodeSearchHitJson,
  DatacenterCodeSearchJson,
  DatacenterDirectoryChildJson,
  DatacenterNodeTypeJson,
} from './datacenter-code-json';
import { datacenterCodeMappers } from './datacenter-code-mappers';
import { datacenterPath } from './datacenter-path';
import { DatacenterRevisions } from './datacenter-revisions';
import { upstreamPath } from '../upstream/upstream-path';

const REPOSITORY = '/rest/api/latest/projects/{key}/repos/{slug}';

/** `?at=` when a ref is given; Data Center reads the default branch without it. */
const at = (ref: string | undefined): { at?: string } => (ref === undefined || ref === '' ? {} : { at: ref });

/**
 * Data Center source (docs/bitbucket-api.md#data-center-source): `raw/{path}` bytes, `browse/{path}` types and directory listings;
 * code search through the search plugin (`POST /rest/search/latest/search`).
 */
export class DatacenterFilesApi {
  private readonly revisions: DatacenterRevisions;

  constructor(private readonly api: DatacenterApi) {
    this.revisions = new DatacenterRevisions(api);
  }

  /**
   * Two calls: `browse?type=true` says whether the path is a file (while the default branch's name is
   * read when no ref is given), then the raw bytes. A NUL byte marks the content as binary.
   */
  async getFileContent(
    repo: BbRepositoryRef,
    input: { path: string; ref?: string },
    options?: CallOptions,
  ): Promise<BbFileContent> {
    const signal = options?.signal;
    const path = upstreamPath.normalized('path', input.path);
    const file = upstreamPath.file('path', path);
    const [node, ref] = await Promise.all([
      this.api.json<DatacenterNodeTypeJson>(
        {
          method: 'GET',
          route: `GET ${REPOSITORY}/browse/{path}`,
          path: datacenterPath.repository(repo, `/browse/${file}`),
          query: { ...at(input.ref), type: true },
        },
        signal,
      ),
      input.ref === undefined || input.ref === '' ? this.revisions.defaultBranch(repo, signal) : input.ref,
    ]);
    if (node.type !== 'FILE') {
      throw new BitbucketException(BitbucketErrorCode.VALIDATION, `${path} is not a file at ${ref}`, {
        messageKey: 'BITBUCKET_PATH_NOT_A_FILE',
        params: { path, ref },
      });
    }
    const content = await this.api.bytes(
      {
        method: 'GET',
        route: `GET ${REPOSITORY}/raw/{path}`,
        path: datacenterPath.repository(repo, `/raw/${file}`),
        query: at(input.ref),
      },
      signal,
    );
    return { path, ref, content, binary: looksBinary(content), size: content.length };
  }

  /** The directory's direct entries (directories first), from the `children` page of `browse/{path}`. */
  async listDirectory(
    repo: BbRepositoryRef,
    input: { path?: string; ref?: string },
    options?: PageOptions,
  ): Promise<BbPage<BbDirectoryEntry>> {
    const directory = upstreamPath.normalized('path', input.path ?? '');
    const request = {
      method: 'GET',
      route: directory === '' ? `GET ${REPOSITORY}/browse` : `GET ${REPOSITORY}/browse/{path}`,
      path: datacenterPath.repository(
        repo,
        directory === '' ? '/browse' : `/browse/${upstreamPath.directory('path', directory)}`,
      ),
    } as const;
    return this.api.pageOf(
      `directory ${repo.workspace}/${repo.repo} ${JSON.stringify([input.ref, directory])}`,
      options,
      async (start, limit) => {
        const json = await this.api.json<DatacenterBrowseJson>(
          { ...request, query: { ...at(input.ref), start, limit } },
          options?.signal,
        );
        if (json.children === undefined) {
          throw new BitbucketException(BitbucketErrorCode.VALIDATION, `${directory} is not a directory`, {
            messageKey: 'BITBUCKET_PATH_IS_FILE',
            params: { path: directory },
          });
        }
        return json.children;
      },
      (json: DatacenterDirectoryChildJson) => datacenterCodeMappers.directoryEntry(json, directory),
    );
  }

  /**
   * Across every project the credential sees, or the `workspace` project (`project:KEY` in the query).
   * Data Center searches default branches only, and needs its search server (docs/bitbucket-api.md#data-center-code-search).
   */
  async searchCode(
    input: { workspace?: string; query: string },
    options?: PageOptions,
  ): Promise<BbPage<BbCodeSearchHit>> {
    const query =
      input.workspace === undefined || input.workspace === ''
        ? input.query
        : `project:${input.workspace} ${input.query}`;
    return this.api.pageOf(
      `code search ${query}`,
      options,
      async (start, limit) => {
        const json = await this.api.json<DatacenterCodeSearchJson>(
          {
            method: 'POST',
            route: 'POST /rest/search/latest/search',
            path: datacenterPath.plugin('search', '/search'),
            json: { query, entities: { code: { start, limit } }, limits: { primary: limit } },
          },
          options?.signal,
        );
        const code = json.code;
        return {
          values: code?.values ?? [],
          isLastPage: code?.isLastPage ?? true,
          ...(code?.nextStart === undefined ? {} : { nextPageStart: code.nextStart }),
        };
      },
      (json: DatacenterCodeSearchHitJson) => datacenterCodeMappers.searchHit(json),
    );
  }
}
