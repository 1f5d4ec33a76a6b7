import { toolContextFixture } from '@app/testing';
import { statusWord } from './status-word';

const FRENCH: Readonly<Record<string, string>> = {
  'tools.STATUS_PIPELINE_SUCCESSFUL': 'réussi',
  'tools.STATUS_ISSUE_STATE_ON_HOLD': 'en suspens',
};
const french = toolContextFixture({ t: (key) => FRENCH[key] ?? key });

describe('statusWord', () => {
  it("translates Bitbucket's status words through the tools catalogue", () => {
    expect(statusWord('PIPELINE', 'SUCCESSFUL', french)).toBe('réussi');
    expect(statusWord('ISSUE_STATE', 'on hold', french)).toBe('en suspens');
  });

  it('shows a word the catalogue does not know as Bitbucket sent it', () => {
    expect(statusWord('PIPELINE', 'QUEUED', french)).toBe('QUEUED');
  });
});
