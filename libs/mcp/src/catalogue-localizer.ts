import type { Translator } from '@app/common';
import { readCatalogueText } from './catalogue-text';

/**
 * Reads the texts of the catalogue (tool, prompt and resource template titles and descriptions, and
 * every description in their JSON Schemas) in one language, from i18n/<lang>/catalogue.json.
 */
export class CatalogueLocalizer {
  constructor(
    private readonly translator: Translator,
    readonly locale: string,
  ) {}

  /** The text a catalogueText() names. Any other string is English left in the code: refused at boot. */
  text(text: string, owner: string): string {
    const read = readCatalogueText(text);
    const found =
      read === undefined ? undefined : this.translator.find(`catalogue.${read.key}`, read.params, this.locale);
    if (found === undefined)
      throw new Error(`${owner}: "${text}" names no text of i18n/${this.locale}/catalogue.json (use catalogueText())`);
    return found;
  }

  /** `schema` (JSON Schema, as zod converts it) with each `description` read in this language. */
  schema<S>(schema: S, owner: string): S {
    return this.described(schema, owner) as S;
  }

  private described(node: unknown, owner: string): unknown {
    if (Array.isArray(node)) return node.map((item) => this.described(item, owner));
    if (typeof node !== 'object' || node === null) return node;
    return Object.fromEntries(
      Object.entries(node).map(([name, value]) => [
        name,
        name === 'description' && typeof value === 'string' ? this.text(value, owner) : this.described(value, owner),
      ]),
    );
  }
}
