import { BitbucketErrorCode } from '../bitbucket-error-code.enum';
import { BitbucketException } from '../bitbucket.exception';

/**
 * What a mapper cannot do without in a Bitbucket answer (docs/bitbucket-api.md#cloud-json): the fields that
 * must be present (neither absent nor null), and the same of the elements of arrays (`each`; an empty
 * shape asks only for an array) and of optional objects when they are there (`nested`). Everything else
 * the mappers read has a fallback.
 */
export interface AnswerShape {
  readonly fields?: readonly string[];
  readonly each?: Readonly<Record<string, AnswerShape>>;
  readonly nested?: Readonly<Record<string, AnswerShape>>;
}

const ANY_VALUES: AnswerShape = { fields: ['values'], each: { values: {} } };

/** A page (both flavors name its items `values`) whose every value has `value`'s shape, when given. */
export const pageOf = (value: AnswerShape | undefined): AnswerShape =>
  value === undefined ? ANY_VALUES : { fields: ['values'], each: { values: value } };

const isObject = (json: unknown): json is Readonly<Record<string, unknown>> =>
  typeof json === 'object' && json !== null && !Array.isArray(json);

const pathTo = (at: string, field: string): string => (at === '' ? field : `${at}.${field}`);

/** The first missing field's path (`values[3].id`), or undefined when `json` has the shape. */
function missingField(json: unknown, shape: AnswerShape, at: string): string | undefined {
  if (!isObject(json)) return at === '' ? '(body)' : at;
  for (const field of shape.fields ?? []) {
    if (json[field] === undefined || json[field] === null) return pathTo(at, field);
  }
  for (const [field, element] of Object.entries(shape.each ?? {})) {
    const items = json[field];
    if (items === undefined || items === null) continue;
    if (!Array.isArray(items)) return pathTo(at, field);
    if (element.fields === undefined && element.each === undefined && element.nested === undefined) continue;
    for (let index = 0; index < items.length; index += 1) {
      const missing = missingField(items[index], element, `${pathTo(at, field)}[${index}]`);
      if (missing !== undefined) return missing;
    }
  }
  for (const [field, inner] of Object.entries(shape.nested ?? {})) {
    if (json[field] === undefined || json[field] === null) continue;
    const missing = missingField(json[field], inner, pathTo(at, field));
    if (missing !== undefined) return missing;
  }
  return undefined;
}

/**
 * `json` as the mapper may read it; an answer lacking what the mapper needs is Bitbucket's fault, told
 * as such and naming the operation, rather than a TypeError (INTERNAL) or a view with holes.
 */
export function checkAnswer(json: unknown, shape: AnswerShape, route: string): void {
  const field = missingField(json, shape, '');
  if (field === undefined) return;
  throw new BitbucketException(BitbucketErrorCode.UPSTREAM_ERROR, `Bitbucket's answer to ${route} lacks ${field}`, {
    messageKey: 'BITBUCKET_UPSTREAM_ANSWER_INCOMPLETE',
    params: { operation: route, field },
  });
}
