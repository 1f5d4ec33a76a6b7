import { spawnSync } from 'node:child_process';
import { join } from 'node:path';

const root = join(__dirname, '..');

/**
 * The messages ESLint reports on `code` with the USER_FACING_LITERALS rule of eslint.config.mjs
 * (run in a child process: the config is an ES module and ESLint's API is asynchronous).
 */
function reported(code: string): string[] {
  const script = `
    import { ESLint } from 'eslint';
    import tseslint from 'typescript-eslint';
    import { USER_FACING_LITERALS } from './eslint.config.mjs';
    const eslint = new ESLint({
      cwd: process.cwd(),
      overrideConfigFile: true,
      overrideConfig: [{
        files: ['**/*.ts'],
        languageOptions: { parser: tseslint.parser },
        rules: { 'no-restricted-syntax': ['error', ...USER_FACING_LITERALS] },
      }],
    });
    const [result] = await eslint.lintText(process.argv[1], { filePath: 'libs/tools/src/example.tool.ts' });
    process.stdout.write(JSON.stringify(result.messages.map((m) => m.message)));
  `;
  const run = spawnSync(process.execPath, ['--input-type=module', '-e', script, code], { cwd: root, encoding: 'utf8' });
  if (run.status !== 0) throw new Error(run.stderr);
  return JSON.parse(run.stdout) as string[];
}

describe('no user-facing literal outside the catalogues (ESLint, libs/tools and libs/mcp)', () => {
  it('rejects a literal or template schema description', () => {
    const messages = reported(
      "const a = z.string().describe('Repository slug.');\nconst b = z.number().describe(`Most lines (default ${n}).`);",
    );
    expect(messages).toHaveLength(2);
    expect(messages[0]).toContain('catalogueText');
  });

  it('rejects a literal title or description in a definition, whether declared or built by define()', () => {
    const messages = reported(
      [
        'class A { readonly definition = { name: "a", title: "Get a", description: `Returns ${x}` }; }',
        "const b = Base.define('tags', { name: 'b', title: 'List b', description: catalogueText('b.description') });",
      ].join('\n'),
    );
    expect(messages).toHaveLength(3);
  });

  it('accepts catalogue texts, and titles or descriptions that are data', () => {
    expect(
      reported(
        [
          "const a = z.string().describe(catalogueText('params.repo'));",
          "class A { readonly definition = { title: catalogueText('a.title'), description: catalogueText('a.description') }; }",
          "const view = { title: pr.title, description: '' };",
        ].join('\n'),
      ),
    ).toEqual([]);
  });

  it('rejects words in render code, and accepts catalogue keys, status words and compared values there', () => {
    const messages = reported(
      [
        'class A { render(view: V): string { return `Pipeline #${view.id} is ${view.state}`; } }',
        "function pipelineLine(p: P): string { return p.name + ' (manual)'; }",
      ].join('\n'),
    );
    expect(messages).toHaveLength(2);
    expect(messages[0]).toContain('context.t');
    expect(
      reported(
        [
          "class A { render(view: V, context: C): string { return context.t('tools.PIPELINE_LINE', { id: view.id }); } }",
          "const stateText = (p: P, context: C): string => (p.state === 'COMPLETED' ? statusWord(context, 'PIPELINE', p.result) : '');",
        ].join('\n'),
      ),
    ).toEqual([]);
  });
});
