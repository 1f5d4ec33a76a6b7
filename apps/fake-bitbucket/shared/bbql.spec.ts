import { applyBbql } from './bbql';

const prs = [
  {
    id: 1,
    title: 'Add currency',
    state: 'MERGED',
    author: { nickname: 'bob' },
    reviewers: [{ nickname: 'alice' }],
    updated_on: '2026-03-04',
  },
  {
    id: 2,
    title: 'Float amounts',
    state: 'DECLINED',
    author: { nickname: 'dave' },
    reviewers: [],
    updated_on: '2026-03-05',
  },
  {
    id: 3,
    title: 'Add refunds',
    state: 'OPEN',
    author: { nickname: 'carol' },
    reviewers: [{ nickname: 'alice' }, { nickname: 'bob' }],
    updated_on: '2026-03-06',
  },
];

describe('applyBbql', () => {
  it('filters by equality, containment and array membership, combined with AND/OR and parentheses', () => {
    expect(applyBbql(prs, 'state = "OPEN"', undefined).map((p) => p.id)).toEqual([3]);
    expect(applyBbql(prs, 'title ~ "add" AND reviewers.nickname = "alice"', undefined).map((p) => p.id)).toEqual([
      1, 3,
    ]);
    expect(
      applyBbql(prs, '(author.nickname = "dave" OR id > 2) AND state != "MERGED"', undefined).map((p) => p.id),
    ).toEqual([2, 3]);
    expect(applyBbql(prs, 'title !~ "add"', undefined).map((p) => p.id)).toEqual([2]);
  });

  it('sorts ascending or descending by a field', () => {
    expect(applyBbql(prs, undefined, '-updated_on').map((p) => p.id)).toEqual([3, 2, 1]);
    expect(applyBbql(prs, undefined, 'title').map((p) => p.id)).toEqual([1, 3, 2]);
  });

  it('rejects malformed queries', () => {
    expect(() => applyBbql(prs, 'state = ', undefined)).toThrow(SyntaxError);
    expect(() => applyBbql(prs, 'state "OPEN"', undefined)).toThrow(SyntaxError);
    expect(() => applyBbql(prs, '(state = "OPEN"', undefined)).toThrow(SyntaxError);
  });
});
