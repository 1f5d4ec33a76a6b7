import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { REPO_ROOT } from '@app/testing';
import { nodeVersionProblem, requiredNodeMajor } from '../bin/node-version';

describe('bin/node-version.js (the first thing every entry point loads)', () => {
  it('requires the major of package.json engines, the one .nvmrc names', () => {
    const engines = (JSON.parse(readFileSync(join(REPO_ROOT, 'package.json'), 'utf8')) as { engines: { node: string } })
      .engines.node;
    expect(requiredNodeMajor()).toBe(Number(/\d+/.exec(engines)?.[0]));
    expect(readFileSync(join(REPO_ROOT, '.nvmrc'), 'utf8').trim()).toBe(String(requiredNodeMajor()));
    expect(requiredNodeMajor('>=22.12.0')).toBe(22);
  });

  it('refuses an older major in one line naming both versions, and lets the required one and newer pass', () => {
    const problem = nodeVersionProblem('20.19.0', 24);
    expect(problem).toMatch(/^bitbucket-mcp-server needs Node\.js 24 or newer, and this is Node\.js 20\.19\.0: /);
    expect(problem).not.toContain('\n');
    expect(nodeVersionProblem('v23.11.1', 24)).toContain('Node.js 24');
    expect(nodeVersionProblem('24.0.0', 24)).toBeUndefined();
    expect(nodeVersionProblem('25.2.1', 24)).toBeUndefined();
  });
});
