import type { AnswerShape } from '../upstream/answer-shape';

const identified = (field: string): AnswerShape => ({ fields: [field] });

/** A comment and, at any depth, its replies. */
const comment: { readonly fields: readonly string[]; readonly each: Record<string, AnswerShape> } = {
  fields: ['id'],
  each: {},
};
comment.each.comments = comment;

/**
 * What each Data Center answer must hold for its mapper (the non-optional fields of datacenter-*-json.ts):
 * the identifiers a view is built around. Checked once per answer by the REST API (upstream/answer-shape.ts).
 */
export const datacenterAnswers = {
  project: identified('key'),
  repository: identified('slug'),
  ref: identified('displayId'),
  commit: { fields: ['id'], each: { parents: identified('id') } },
  pullRequest: identified('id'),
  comment,
  activity: { nested: { comment } },
} satisfies Readonly<Record<string, AnswerShape>>;
