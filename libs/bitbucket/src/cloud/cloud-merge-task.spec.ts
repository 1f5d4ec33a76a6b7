import { BitbucketErrorCode } from '../bitbucket-error-code.enum';
import type { CloudApi } from './cloud-api';
import { awaitCloudMergeTask } from './cloud-merge-task';
import type { CloudMergeTaskJson } from './cloud-review-json';

const LOCATION = 'https://api.bitbucket.org/2.0/repositories/acme/x/pullrequests/2/merge/task-status/7';

function apiAnswering(...answers: CloudMergeTaskJson[]): { api: CloudApi; paths: string[] } {
  const paths: string[] = [];
  const api = {
    json: async (request: { path: string }): Promise<CloudMergeTaskJson> => {
      paths.push(request.path);
      return Promise.resolve(answers[Math.min(paths.length, answers.length) - 1] ?? {});
    },
  } as unknown as CloudApi;
  return { api, paths };
}

describe('awaitCloudMergeTask', () => {
  it('polls the task-status URL until SUCCESS and returns the merge result', async () => {
    const { api, paths } = apiAnswering(
      { task_status: 'PENDING' },
      { task_status: 'PENDING' },
      { task_status: 'SUCCESS', merge_result: { id: 2, state: 'MERGED' } },
    );
    await expect(awaitCloudMergeTask(api, LOCATION)).resolves.toEqual({ id: 2, state: 'MERGED' });
    expect(paths).toEqual([LOCATION, LOCATION, LOCATION]);
  });

  it('fails on a task that neither succeeds nor stays pending', async () => {
    const { api } = apiAnswering({ task_status: 'FAILED', error: { message: 'Merge conflict' } });
    await expect(awaitCloudMergeTask(api, LOCATION)).rejects.toMatchObject({
      code: BitbucketErrorCode.CONFLICT,
      messageKey: 'BITBUCKET_MERGE_FAILED',
      params: { upstreamText: 'Merge conflict' },
    });
  });

  it('stops waiting when the caller cancels', async () => {
    const { api } = apiAnswering({ task_status: 'PENDING' });
    const controller = new AbortController();
    const waiting = awaitCloudMergeTask(api, LOCATION, controller.signal);
    controller.abort();
    await expect(waiting).rejects.toMatchObject({ code: BitbucketErrorCode.CANCELLED });
  });
});
