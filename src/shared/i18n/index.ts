/**
 * Keyflare's languages: catalogues (catalogues/en/*.json, catalogues/zh-CN/*.json), the translator, messages as data,
 * locale resolution and Intl formatting. docs/i18n.md is the guide.
 */
export * from './locales';
// Types only: the schemas' module loads zod, which no start of the command line should (schemas.ts).
export type { LanguageChoice } from './schemas';
export * from './message';
export * from './translator';
export * from './format';
export { DYNAMIC_KEYS } from './dynamic-keys';
export * from './format-message';
