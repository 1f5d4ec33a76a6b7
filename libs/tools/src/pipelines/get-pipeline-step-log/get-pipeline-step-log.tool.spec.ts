import { BitbucketErrorCode, type BbPipelineStep } from '@app/bitbucket';
import { bitbucketModelFixture as bb, toolContextFixture } from '@app/testing';
import { GetPipelineStepLogTool } from './get-pipeline-step-log.tool';

const STEPS: BbPipelineStep[] = [
  bb.step({ uuid: '{lint}', name: 'Lint' }),
  bb.step({ uuid: '{test}', name: 'Test', result: 'FAILED' }),
  bb.step({ uuid: '{build}', name: 'Build', result: 'NOT_RUN', startedOn: undefined }),
];

/** 300 numbered lines; line 150 and 290 say ERROR. */
const LOG = Array.from({ length: 300 }, (_, i) =>
  i + 1 === 150 || i + 1 === 290 ? `ERROR at ${i + 1}` : `line ${i + 1}`,
)
  .join('\n')
  .concat('\n');

function toolWith(logs: Record<string, string>): { tool: GetPipelineStepLogTool; read: string[] } {
  const read: string[] = [];
  const tool = new GetPipelineStepLogTool(
    bb.client({
      listPipelineSteps: async () => Promise.resolve(bb.page(STEPS)),
      getPipelineStepLog: async (_repo: unknown, input: { uuid: string; stepUuid: string }) => {
        read.push(`${input.uuid} ${input.stepUuid}`);
        return Promise.resolve(logs[input.stepUuid] ?? '');
      },
    }),
  );
  return { tool, read };
}

const args = { workspace: 'acme', repo: 'payments-api', pipeline: '{pipeline-5}' };

describe('GetPipelineStepLogTool', () => {
  it('reads the failed step by default and shows its last lines, saying where the earlier ones are', async () => {
    const { tool, read } = toolWith({ '{test}': LOG });
    const context = toolContextFixture();
    const log = await tool.run({ ...args, maxLines: 50 }, context);

    expect(read).toEqual(['{pipeline-5} {test}']);
    expect(log).toMatchObject({
      pipeline: '{pipeline-5}',
      step: { name: 'Test', result: 'FAILED' },
      fromLine: 251,
      toLine: 300,
      totalLines: 300,
    });
    expect(log.text.split('\n')[0]).toBe('line 251');
    expect(log.truncated).toBe('tools.PIPELINE_LOG_EARLIER {"before":250,"fromLine":201,"maxLines":50}');
    expect(tool.render(log, context).split('\n').slice(0, 3)).toEqual([
      'Test FAILED tools.DURATION_SECONDS {"seconds":35} {test}',
      'tools.PIPELINE_LOG_LINES {"fromLine":251,"toLine":300,"totalLines":300}',
      'line 251',
    ]);
  });

  it('keeps the end of the log when the budget is smaller than the lines asked for', async () => {
    const { tool } = toolWith({ '{test}': LOG });
    const log = await tool.run(args, toolContextFixture({ budgetChars: 1000 }));
    expect(log.toLine).toBe(300);
    expect(log.text.length).toBeLessThanOrEqual(1000);
    expect(log.fromLine).toBeGreaterThan(101);
    expect(log.truncated).toContain(`"before":${log.fromLine - 1}`);
  });

  it('reads forward from a line, by step name, and says where to continue', async () => {
    const { tool, read } = toolWith({ '{lint}': LOG });
    const log = await tool.run({ ...args, step: 'lint', fromLine: 10, maxLines: 5 }, toolContextFixture());
    expect(read).toEqual(['{pipeline-5} {lint}']);
    expect(log).toMatchObject({ fromLine: 10, toLine: 14, text: 'line 10\nline 11\nline 12\nline 13\nline 14' });
    expect(log.truncated).toBe('tools.PIPELINE_LOG_MORE {"fromLine":15,"toLine":14,"totalLines":300}');
  });

  it('greps plain text ignoring case, with numbered context lines and block separators', async () => {
    const { tool } = toolWith({ '{test}': LOG });
    const context = toolContextFixture();
    const log = await tool.run({ ...args, grep: 'error', contextLines: 1 }, context);
    expect(log.matches).toBe(2);
    expect(log.text).toBe(
      '149-line 149\n150:ERROR at 150\n151-line 151\n--\n289-line 289\n290:ERROR at 290\n291-line 291',
    );
    expect(log).toMatchObject({ fromLine: 149, toLine: 291 });
    expect(tool.render(log, context).split('\n')[1]).toBe(
      'tools.PIPELINE_LOG_MATCHES {"matches":2,"fromLine":149,"toLine":291,"totalLines":300}',
    );
  });

  it('greps with a case-sensitive regular expression from a line, and says where further matches are', async () => {
    const { tool } = toolWith({ '{test}': LOG });
    const exact = await tool.run(
      { ...args, grep: '^line 1\\d$', regex: true, ignoreCase: false, contextLines: 0 },
      toolContextFixture(),
    );
    expect(exact.text.split('\n')).toEqual(Array.from({ length: 10 }, (_, i) => `${i + 10}:line ${i + 10}`));

    const capped = await tool.run(
      { ...args, grep: 'line', fromLine: 100, maxLines: 3, contextLines: 0 },
      toolContextFixture(),
    );
    expect(capped.text).toBe('100:line 100\n101:line 101\n102:line 102');
    expect(capped.matches).toBe(199);
    expect(capped.truncated).toBe('tools.PIPELINE_LOG_MORE_MATCHES {"omitted":196,"fromLine":103}');

    const none = await tool.run({ ...args, grep: 'panic' }, toolContextFixture());
    expect(none).toMatchObject({ text: '', matches: 0, fromLine: 0 });
    expect(tool.render(none, toolContextFixture()).split('\n')).toEqual([
      'Test FAILED tools.DURATION_SECONDS {"seconds":35} {test}',
      'tools.PIPELINE_LOG_NO_MATCH',
    ]);
  });

  it('says when a window starts past the end of the log, or the log is empty', async () => {
    const { tool } = toolWith({ '{test}': LOG, '{lint}': '' });
    const context = toolContextFixture();
    const past = await tool.run({ ...args, fromLine: 400 }, context);
    expect(tool.render(past, context)).toContain('tools.PIPELINE_LOG_NO_LINES {"totalLines":300}');
    const empty = await tool.run({ ...args, step: '{LINT}' }, context);
    expect(tool.render(empty, context).split('\n')).toEqual([
      'Lint SUCCESSFUL tools.DURATION_SECONDS {"seconds":35} {lint}',
      'tools.PIPELINE_LOG_EMPTY',
    ]);
  });

  it('shows lines as a terminal would: no colour codes, carriage-return rewrites resolved, long lines cut', async () => {
    const raw = `\u001b[32mok\u001b[0m\r\nDownloading 10%\rDownloading 100%\n${'x'.repeat(1500)}\n`;
    const { tool } = toolWith({ '{test}': raw });
    const log = await tool.run(args, toolContextFixture());
    expect(log.text.split('\n')).toEqual(['ok', 'Downloading 100%', `${'x'.repeat(1000)}… (+500)`]);
  });

  it('names the steps there are when the step asked for is not one of them', async () => {
    const { tool } = toolWith({});
    await expect(tool.run({ ...args, step: 'Deploy' }, toolContextFixture())).rejects.toMatchObject({
      code: BitbucketErrorCode.NOT_FOUND,
      params: { detail: 'tools.PIPELINE_STEP_NOT_FOUND {"step":"Deploy","steps":"Lint, Test, Build"}' },
    });
  });

  it('refuses a grep that is not a valid regular expression', () => {
    const { tool } = toolWith({});
    const parsed = tool.definition.input.safeParse({ ...args, grep: '(unclosed', regex: true });
    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues[0]?.path).toEqual(['grep']);
    expect(tool.definition.input.safeParse({ ...args, grep: '(unclosed' }).success).toBe(true);
  });
});
