import type { Translator } from '@app/common';
import type { z } from 'zod';

/** One readable line per invalid argument, naming it, in the session's language. */
export function describeValidationIssues(
  issues: readonly z.core.$ZodIssue[],
  translator: Translator,
  locale: string,
): string {
  return issues
    .map((issue) => {
      const field = issue.path.length === 0 ? translator.t('validation.arguments', {}, locale) : issue.path.join('.');
      const params: Record<string, string | number> = { field };
      // zod calls a JSON object with any keys a record; people and models call it an object.
      if (issue.code === 'invalid_type') params.expected = issue.expected === 'record' ? 'object' : issue.expected;
      if (issue.code === 'too_small' || issue.code === 'too_big')
        params.limit = Number(issue.code === 'too_small' ? issue.minimum : issue.maximum);
      if (issue.code === 'invalid_value') params.options = issue.values.map(String).join(', ');
      if (issue.code === 'unrecognized_keys') params.keys = issue.keys.join(', ');
      const missing = issue.code === 'invalid_type' && issue.input === undefined;
      // A pattern or refinement whose message names a `validation.format.` key says what the value must be.
      const format =
        issue.code === 'invalid_format' || issue.code === 'custom'
          ? translator.find(`validation.format.${issue.message}`, params, locale)
          : undefined;
      return (
        format ??
        translator.find(`validation.${missing ? 'required' : issue.code}`, params, locale) ??
        `${field}: ${issue.message}`
      );
    })
    .join('; ');
}
