import type { CatalogueKey } from './catalogue-key';

declare const catalogueTextBrand: unique symbol;

/**
 * A text of the tool catalogue as the code carries it: its key, and the values of its placeholders
 * when it has some. The tool registry reads it in each language (`readCatalogueText`); the brand
 * keeps a plain string, i.e. English typed into the code, out of a title or description.
 */
export type CatalogueText = string & { readonly [catalogueTextBrand]: true };

/** Catalogue keys have no space: what follows the first one is the placeholders' values, as JSON. */
const SEPARATOR = ' ';

/**
 * The catalogue text `key` (with `params` for its placeholders), for a definition's title or
 * description and for zod's `.describe()`: JSON Schema keeps it as the property's description.
 */
export function catalogueText(key: CatalogueKey, params?: Readonly<Record<string, string | number>>): CatalogueText {
  return (params === undefined ? key : `${key}${SEPARATOR}${JSON.stringify(params)}`) as CatalogueText;
}

/** The key and placeholder values a `catalogueText()` carries; undefined for any other string. */
export function readCatalogueText(text: string): { key: string; params: Record<string, string | number> } | undefined {
  const at = text.indexOf(SEPARATOR);
  if (at === -1) return { key: text, params: {} };
  try {
    return { key: text.slice(0, at), params: JSON.parse(text.slice(at + 1)) as Record<string, string | number> };
  } catch {
    return undefined;
  }
}
