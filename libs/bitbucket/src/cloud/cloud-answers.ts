import type { AnswerShape } from '../upstream/answer-shape';

const identified = (field: string): AnswerShape => ({ fields: [field] });

/**
 * What each Cloud answer must hold for its mapper (the non-optional fields of cloud-*-json.ts): the
 * identifiers a view is built around. Checked once per answer by the REST API (upstream/answer-shape.ts).
 */
const pullRequest = identified('id');

export const cloudAnswers = {
  project: identified('key'),
  ref: identified('name'),
  commit: identified('hash'),
  treeEntry: identified('path'),
  pullRequest,
  mergeTask: { nested: { merge_result: pullRequest } },
  comment: identified('id'),
  task: identified('id'),
  activity: { nested: { comment: identified('id') } },
  issue: identified('id'),
  issueComment: identified('id'),
  pipeline: identified('uuid'),
  pipelineStep: identified('uuid'),
} satisfies Readonly<Record<string, AnswerShape>>;
