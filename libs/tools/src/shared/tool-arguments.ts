import { z } from 'zod';
import { catalogueText } from '@app/mcp';

const UUID = '\\{[0-9A-Fa-f-]{36}\\}';
/** Data Center personal projects are `~` and the owner's user slug. */
const PERSONAL_PROJECT = '~[A-Za-z0-9._@+-]{1,100}';

/*
 * What each flavor documents as a valid name, so what can never be valid is refused at the edge with a
 * precise message. The patterns are published in the tool schemas: they keep to the JSON Schema subset
 * every client's regex engine has (no lookaround); rules beyond it are refinements.
 */

/** Cloud workspace IDs (lowercase letters, digits, - and _) and Data Center project keys (a letter, then letters, digits and _) together, personal projects, or a {uuid}. */
const WORKSPACE = new RegExp(`^(?:[A-Za-z0-9_-]{1,100}|${PERSONAL_PROJECT}|${UUID})$`);
/** Repository slugs: letters, digits, ., - and _ on both flavors, at least one not a dot (never . or ..), or a {uuid}. */
const REPOSITORY_SLUG = new RegExp(`^(?:[A-Za-z0-9._-]*[A-Za-z0-9_-][A-Za-z0-9._-]*|${UUID})$`);
/** Project keys: a letter, then letters, digits and _ (both flavors), or a Data Center personal project. */
const PROJECT_KEY = new RegExp(`^(?:[A-Za-z][A-Za-z0-9_]{0,127}|${PERSONAL_PROJECT})$`);
/** The characters of a git ref name: no control characters, space or ~^:?*[\ (git check-ref-format). */
// eslint-disable-next-line no-control-regex -- refusing control characters is the point.
const REF_CHARACTERS = /^[^\u0000-\u0020\u007f~^:?*[\\]+$/;
/** The rest of git check-ref-format: no `..`, `//` or `@{`, no part starting with `.` or ending in `.lock`, not starting with `/` nor ending with `/` or `.`, and not `@` alone. */
const REF_STRUCTURE = /^[./]|^@$|\.\.|\/\/|@\{|\/\.|\.lock(?:\/|$)|[/.]$/;

/** Branch names, tag names and commit hashes are all git ref names. */
const refName = z
  .string()
  .max(250)
  .regex(REF_CHARACTERS, { error: 'ref' })
  .refine((name) => !REF_STRUCTURE.test(name), { error: 'ref' });

/**
 * Arguments shared by many tools, described once so every tool reads the same to the model.
 * `workspace` is the Cloud workspace slug or the Data Center project key. The message of a pattern or
 * refinement is a key under `validation.format.` in the catalogues.
 */
export const toolArguments = {
  workspace: z.string().max(200).regex(WORKSPACE, { error: 'workspace' }).describe(catalogueText('params.workspace')),
  // `repo`, `pullRequestId`, `cursor` and `limit` say what they are by name and type: described in
  // every tool that takes them, they would cost tools/list about 4 KB (apps/mcp-http/test/tool-catalogue-budget.e2e-spec.ts).
  repo: z.string().max(200).regex(REPOSITORY_SLUG, { error: 'repository' }),
  projectKey: z
    .string()
    .max(200)
    .regex(PROJECT_KEY, { error: 'project_key' })
    .describe(catalogueText('params.projectKey')),
  pullRequestId: z.number().int().positive(),
  /** A branch or tag name, described by each tool. */
  refName,
  ref: refName.describe(catalogueText('params.ref')),
  cursor: z.string().max(4000).optional(),
  limit: z.number().int().min(1).max(100).optional(),
};
