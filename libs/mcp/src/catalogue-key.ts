/**
 * A key of the tool catalogue: the titles and descriptions of the tools, prompts and resource
 * templates and of their arguments and outputs. English (i18n/en/catalogue.json) is the source of
 * truth, so a key it lacks, or a typo, fails the type-check; the other languages have the same keys
 * (libs/i18n/src/catalogues.spec.ts).
 */
export type CatalogueKey = keyof typeof import('../../../i18n/en/catalogue.json');
