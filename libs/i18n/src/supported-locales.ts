/** Languages with a full catalogue under i18n/<lang>/; a test keeps this list and the folders in step. */
export const SUPPORTED_LOCALES = ['en', 'fr', 'de', 'es', 'ja'] as const;

export type SupportedLocale = (typeof SUPPORTED_LOCALES)[number];
