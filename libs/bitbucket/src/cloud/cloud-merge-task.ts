import { setTimeout as sleep } from 'node:timers/promises';
import { BitbucketErrorCode } from '../bitbucket-error-code.enum';
import { BitbucketException } from '../bitbucket.exception';
import type { CloudApi } from './cloud-api';
import type { CloudMergeTaskJson, CloudPullRequestJson } from './cloud-review-json';
import { cloudAnswers } from './cloud-answers';

const FIRST_DELAY_MS = 250;
const MAX_DELAY_MS = 4_000;
/** A merge Cloud still reports PENDING after this long is left to run; the caller is told to look later. */
const CEILING_MS = 120_000;

/**
 * Polls a merge's task-status URL (the Location of Cloud's 202) with exponential backoff until SUCCESS,
 * a failure, the caller's cancellation, or CEILING_MS. Undefined when SUCCESS carries no merge result.
 */
export async function awaitCloudMergeTask(
  api: CloudApi,
  location: string,
  signal?: AbortSignal,
): Promise<CloudPullRequestJson | undefined> {
  const deadline = Date.now() + CEILING_MS;
  for (let delay = FIRST_DELAY_MS; ; delay = Math.min(delay * 2, MAX_DELAY_MS)) {
    const task = await api.json<CloudMergeTaskJson>(
      {
        method: 'GET',
        route: 'GET /repositories/{workspace}/{repo}/pullrequests/{id}/merge/task-status/{task}',
        path: location,
        answer: cloudAnswers.mergeTask,
      },
      signal,
    );
    if (task.task_status === 'SUCCESS') return task.merge_result;
    if (task.task_status !== 'PENDING') {
      const reason = task.error?.message ?? `task status ${task.task_status ?? 'missing'}`;
      throw new BitbucketException(BitbucketErrorCode.CONFLICT, `The merge failed: ${reason}`, {
        messageKey: 'BITBUCKET_MERGE_FAILED',
        params: { upstreamText: reason },
      });
    }
    if (Date.now() + delay > deadline) {
      throw new BitbucketException(BitbucketErrorCode.UPSTREAM_TIMEOUT, 'The merge is still running on Bitbucket', {
        params: { timeoutMs: CEILING_MS },
      });
    }
    try {
      await sleep(delay, undefined, { signal });
    } catch {
      throw new BitbucketException(BitbucketErrorCode.CANCELLED, 'Waiting for the merge was cancelled by the caller');
    }
  }
}
