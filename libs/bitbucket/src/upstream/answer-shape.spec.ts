import { BitbucketErrorCode } from '../bitbucket-error-code.enum';
import { BitbucketException } from '../bitbucket.exception';
import { checkAnswer, pageOf, type AnswerShape } from './answer-shape';

const ROUTE = 'GET /repositories/{workspace}/{repo}/pullrequests/{id}';

function refusal(json: unknown, shape: AnswerShape): unknown {
  try {
    checkAnswer(json, shape, ROUTE);
    return undefined;
  } catch (error) {
    return error;
  }
}

describe('checkAnswer', () => {
  it('passes an answer holding the fields, whatever else it lacks', () => {
    expect(refusal({ id: 1 }, { fields: ['id'] })).toBeUndefined();
    expect(refusal({ id: 0, title: null }, { fields: ['id'] })).toBeUndefined();
  });

  it('refuses a missing or null field as an upstream error naming the operation and the field', () => {
    for (const json of [{ title: 'x' }, { id: null }]) {
      const error = refusal(json, { fields: ['id'] });
      expect(error).toBeInstanceOf(BitbucketException);
      expect(error).toMatchObject({
        code: BitbucketErrorCode.UPSTREAM_ERROR,
        messageKey: 'BITBUCKET_UPSTREAM_ANSWER_INCOMPLETE',
        params: { operation: ROUTE, field: 'id' },
      });
    }
  });

  it('refuses a body that is not an object', () => {
    for (const json of [null, 'text', [], 3]) {
      expect(refusal(json, {})).toMatchObject({ params: { field: '(body)' } });
    }
  });

  it('checks every value of a page, naming the first one that lacks a field', () => {
    const page = { values: [{ id: 1 }, { id: 2 }, { title: 'no id' }] };
    expect(refusal(page, pageOf({ fields: ['id'] }))).toMatchObject({ params: { field: 'values[2].id' } });
    expect(refusal({ size: 0 }, pageOf(undefined))).toMatchObject({ params: { field: 'values' } });
    expect(refusal({ values: {} }, pageOf(undefined))).toMatchObject({ params: { field: 'values' } });
    expect(refusal({ values: [] }, pageOf({ fields: ['id'] }))).toBeUndefined();
  });

  it('checks optional objects only when they are there, and arrays at any depth', () => {
    const comment: { fields: string[]; each: Record<string, AnswerShape> } = { fields: ['id'], each: {} };
    comment.each.comments = comment;
    const activity: AnswerShape = { nested: { comment } };
    expect(refusal({ action: 'APPROVED' }, activity)).toBeUndefined();
    expect(refusal({ comment: { id: 1, comments: [{ id: 2, comments: [{ text: 'x' }] }] } }, activity)).toMatchObject({
      params: { field: 'comment.comments[0].comments[0].id' },
    });
  });
});
