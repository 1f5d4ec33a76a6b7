import { join } from 'node:path';

/** `i18n/<lang>/*.json` at the repository root, or its copy beside the compiled code in dist/. */
export const CATALOGUE_PATH = join(__dirname, '..', '..', '..', 'i18n');
