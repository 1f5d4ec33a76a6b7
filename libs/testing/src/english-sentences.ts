import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { REPO_ROOT } from './repo-root';

/**
 * Bitbucket's own English, as the fake answers it (apps/fake-bitbucket/shared/cloud-errors.ts,
 * datacenter-errors.ts, cloud/cloud-code-errors.ts, faults/fault-rule.ts) after Bitbucket's real bodies
 * (docs/bitbucket-api.md#cloud-rate-limits and docs/bitbucket-api.md#cloud-errors).
 */
const BITBUCKET_ENGLISH = [
  'You may not have access to this repository',
  'it no longer exists in this workspace',
  'Rate limit for this resource has been exceeded',
  'Too many requests. Please try again later',
  'You are not permitted to access this resource',
  'Token is invalid, expired, or not supported',
  'Resource not found',
  'does not exist',
  'Injected fault',
  'Service Unavailable',
  'Internal Server Error',
];

/** Words that, three in one sentence, make it English whatever else it holds. */
const ENGLISH_FUNCTION_WORDS = new Set([
  'the',
  'is',
  'are',
  'was',
  'were',
  'not',
  'you',
  'your',
  'this',
  'that',
  'with',
  'and',
  'of',
  'to',
  'been',
  'has',
  'have',
  'from',
  'cannot',
  'could',
  'should',
  'which',
  'there',
  'these',
  'does',
  'again',
  'before',
  'when',
]);

function messagesOf(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  if (typeof value === 'object' && value !== null) return Object.values(value).flatMap(messagesOf);
  return [];
}

/** The phrases of the English catalogues: each message's text between placeholders, when it has three words or more. */
function catalogueFragments(): string[] {
  const folder = join(REPO_ROOT, 'i18n', 'en');
  return readdirSync(folder)
    .flatMap((file) => messagesOf(JSON.parse(readFileSync(join(folder, file), 'utf8'))))
    .flatMap((message) => message.split(/\{[^}]*\}/))
    .map((fragment) => fragment.trim().replace(/^[^A-Za-z]+|[^A-Za-z]+$/g, ''))
    .filter((fragment) => fragment.split(/\s+/).filter((word) => /[A-Za-z]{2}/.test(word)).length >= 3);
}

let fragments: readonly string[] | undefined;

/**
 * The English in a text meant to be in another language: phrases of the English catalogues, Bitbucket's
 * own English sentences, and any sentence with three English function words or more. Empty when none.
 */
export function englishSentencesIn(text: string): string[] {
  fragments ??= [...new Set([...catalogueFragments(), ...BITBUCKET_ENGLISH])];
  const lower = text.toLowerCase();
  const phrases = fragments.filter((fragment) => lower.includes(fragment.toLowerCase()));
  const sentences = text
    .split(/[.!?:;\n]+/)
    .filter(
      (sentence) =>
        sentence
          .toLowerCase()
          .split(/[^a-z']+/)
          .filter((word) => ENGLISH_FUNCTION_WORDS.has(word)).length >= 3,
    )
    .map((sentence) => sentence.trim());
  return [...new Set([...phrases, ...sentences])];
}
