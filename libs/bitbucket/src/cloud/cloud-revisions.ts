import { BitbucketErrorCode } from '../bitbucket-error-code.enum';
import { BitbucketException } from '../bitbucket.exception';
import type { BbRepositoryRef } from '../model/bb-repository-ref';
import type { CloudApi } from './cloud-api';
import type { CloudCommitJson } from './cloud-code-json';
import type { CloudPageJson, CloudRepositoryJson } from './cloud-json';
import { cloudPath } from './cloud-path';
import { upstreamPath } from '../upstream/upstream-path';
import { pageOf } from '../upstream/answer-shape';
import { cloudAnswers } from './cloud-answers';

/** What a ref names: the repository's main branch, and the head commit of a branch, tag or hash. */
export class CloudRevisions {
  constructor(private readonly api: CloudApi) {}

  /** Undefined while the repository is empty. */
  async mainBranch(repo: BbRepositoryRef, signal?: AbortSignal): Promise<string | undefined> {
    const json = await this.api.json<CloudRepositoryJson>(
      {
        method: 'GET',
        route: 'GET /repositories/{workspace}/{repo}',
        path: cloudPath.repository(repo),
        query: { fields: 'mainbranch.name' },
      },
      signal,
    );
    return json.mainbranch?.name ?? undefined;
  }

  /** `ref`, or the main branch when none is given. */
  async refOrMainBranch(repo: BbRepositoryRef, ref: string | undefined, signal?: AbortSignal): Promise<string> {
    const name = ref ?? (await this.mainBranch(repo, signal));
    if (name === undefined) {
      throw new BitbucketException(BitbucketErrorCode.NOT_FOUND, `${repo.workspace}/${repo.repo} has no main branch`, {
        messageKey: 'BITBUCKET_REPOSITORY_EMPTY',
        params: { repository: `${repo.workspace}/${repo.repo}` },
      });
    }
    return name;
  }

  /** The newest commit of `commits?include=ref`: the ref's head (a query parameter, so any ref name fits). */
  async head(repo: BbRepositoryRef, ref: string, signal?: AbortSignal): Promise<string> {
    const page = await this.api.json<CloudPageJson<CloudCommitJson>>(
      {
        method: 'GET',
        route: 'GET /repositories/{workspace}/{repo}/commits',
        path: cloudPath.repository(repo, '/commits'),
        query: { include: ref, pagelen: 1 },
        answer: pageOf(cloudAnswers.commit),
      },
      signal,
    );
    const hash = page.values[0]?.hash;
    if (hash === undefined) {
      throw new BitbucketException(BitbucketErrorCode.NOT_FOUND, `No commit at ${ref}`, {
        messageKey: 'BITBUCKET_REF_NOT_FOUND',
        params: { ref, repository: `${repo.workspace}/${repo.repo}` },
      });
    }
    return hash;
  }

  /**
   * The `{commit}` segment of a `src/{commit}/…` path for `ref` (the main branch by default). A branch
   * name with a slash cannot be told from the file path after it, so such a ref travels as its head hash.
   */
  async sourceSegment(repo: BbRepositoryRef, ref: string | undefined, signal?: AbortSignal): Promise<string> {
    const name = await this.refOrMainBranch(repo, ref, signal);
    return upstreamPath.segment('ref', name.includes('/') ? await this.head(repo, name, signal) : name);
  }
}
