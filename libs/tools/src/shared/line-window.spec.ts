import { toolContextFixture } from '@app/testing';
import { toLineWindow } from './line-window';

const context = (budgetChars: number) =>
  toolContextFixture({ budgetChars, t: (key, params) => `${key} ${JSON.stringify(params ?? {})}` });

const text = Array.from({ length: 100 }, (_, i) => `line ${i + 1}`).join('\n') + '\n';

describe('toLineWindow', () => {
  it('returns the whole text when it fits', () => {
    const view = toLineWindow(text, {}, context(10000), 'k');
    expect(view).toMatchObject({ fromLine: 1, toLine: 100, totalLines: 100 });
    expect(view.truncated).toBeUndefined();
  });

  it('returns a line window and says where the rest starts', () => {
    const view = toLineWindow(text, { fromLine: 10, maxLines: 5 }, context(10000), 'k');
    expect(view.text).toBe('line 10\nline 11\nline 12\nline 13\nline 14');
    expect(view).toMatchObject({ fromLine: 10, toLine: 14 });
    expect(view.truncated).toBe('k {"fromLine":15,"toLine":14,"totalLines":100}');
  });

  it('cuts to the budget on a line boundary', () => {
    const view = toLineWindow(text, {}, context(30), 'k');
    expect(view.text).toBe('line 1\nline 2\nline 3\nline 4');
    expect(view.toLine).toBe(4);
  });

  it('shows nothing past the end, and an empty text has no lines', () => {
    expect(toLineWindow(text, { fromLine: 500 }, context(100), 'k')).toMatchObject({ text: '', fromLine: 0 });
    expect(toLineWindow('', {}, context(100), 'k')).toMatchObject({ totalLines: 0, fromLine: 0, toLine: 0 });
  });
});
