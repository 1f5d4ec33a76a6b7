import { cloudPipelineMappers } from './cloud-pipeline-mappers';

describe('cloudPipelineMappers', () => {
  it('maps a recorded pipeline: typed state and result, target, trigger, creator', () => {
    expect(
      cloudPipelineMappers.pipeline({
        uuid: '{PipelineUuid}',
        build_number: 25,
        state: { name: 'COMPLETED', result: { name: 'STOPPED' } },
        creator: { uuid: '{owner}', nickname: 'owner', display_name: 'Owner' },
        created_on: '2020-11-03T22:14:50.671Z',
        completed_on: '2020-11-03T22:14:53.173Z',
        target: { ref_type: 'branch', ref_name: 'master', commit: { hash: '30c1b58a' } },
        trigger: { name: 'MANUAL', type: 'pipeline_trigger_manual' },
        build_seconds_used: 3,
      }),
    ).toEqual({
      uuid: '{PipelineUuid}',
      buildNumber: 25,
      status: 'COMPLETED',
      result: 'STOPPED',
      refType: 'branch',
      refName: 'master',
      commit: '30c1b58a',
      trigger: 'manual',
      creator: expect.objectContaining({ id: '{owner}' }) as unknown,
      createdOn: '2020-11-03T22:14:50.671Z',
      completedOn: '2020-11-03T22:14:53.173Z',
      durationSeconds: 3,
    });
  });

  it('reads paused and halted runs off the in-progress stage', () => {
    const statusOf = (name: string, stage?: string): string =>
      cloudPipelineMappers.pipeline({
        uuid: 'u',
        state: { name, ...(stage === undefined ? {} : { stage: { name: stage } }) },
      }).status;
    expect(statusOf('IN_PROGRESS', 'RUNNING')).toBe('IN_PROGRESS');
    expect(statusOf('IN_PROGRESS', 'PAUSED')).toBe('PAUSED');
    expect(statusOf('PENDING')).toBe('PENDING');
    expect(statusOf('HALTED')).toBe('HALTED');
  });

  it('maps steps with their state and result', () => {
    expect(
      cloudPipelineMappers.step({
        uuid: '{step}',
        name: 'Test',
        state: { name: 'COMPLETED', result: { name: 'NOT_RUN' } },
        started_on: null,
        duration_in_seconds: 0,
      }),
    ).toEqual({ uuid: '{step}', name: 'Test', status: 'COMPLETED', result: 'NOT_RUN', durationSeconds: 0 });
  });
});
