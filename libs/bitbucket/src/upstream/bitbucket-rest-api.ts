import { BitbucketException } from '../bitbucket.exception';
import { checkAnswer } from './answer-shape';
import type { PageCursors } from '../pagination/page-cursors';
import type { BitbucketUpstream } from './bitbucket-upstream';
import type { UpstreamRequest } from './upstream-request';
import type { UpstreamResponse } from './upstream-response';

/**
 * What both flavors' REST APIs read off the shared upstream (an answer whole, or its JSON, text or bytes),
 * and the cursors their listings hand out.
 */
export abstract class BitbucketRestApi {
  constructor(
    readonly upstream: BitbucketUpstream,
    readonly cursors: PageCursors,
  ) {}

  /** The whole answer, for the few calls whose status or headers matter (a merge's 202 and Location). */
  async send(request: UpstreamRequest, signal?: AbortSignal): Promise<UpstreamResponse> {
    try {
      return await this.upstream.send(request, signal);
    } catch (error) {
      throw error instanceof BitbucketException ? await this.explained(error, signal) : error;
    }
  }

  /**
   * The JSON body; undefined when there is none (204, or an empty body). A body lacking what
   * `request.answer` says its mapper needs is refused here, where the operation is known.
   */
  async json<T>(request: UpstreamRequest, signal?: AbortSignal): Promise<T> {
    const response = await this.send(request, signal);
    if (response.status === 204 || response.body.length === 0) return undefined as T;
    const json = response.json<T>();
    if (request.answer !== undefined) checkAnswer(json, request.answer, request.route);
    return json;
  }

  async text(request: UpstreamRequest, signal?: AbortSignal): Promise<string> {
    return (await this.send({ ...request, accept: 'text' }, signal)).text();
  }

  /** Raw bytes (file contents), undecoded. */
  async bytes(request: UpstreamRequest, signal?: AbortSignal): Promise<Buffer> {
    return (await this.send({ ...request, accept: 'text' }, signal)).body;
  }

  /**
   * A refusal made more precise where the flavor's answer is ambiguous (Cloud says the same of a wrong
   * workspace and a wrong repository); as it came by default.
   */
  protected async explained(error: BitbucketException, _signal?: AbortSignal): Promise<BitbucketException> {
    return Promise.resolve(error);
  }
}
