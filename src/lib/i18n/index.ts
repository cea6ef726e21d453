/**
 * The app's two languages: message catalogs, the language choice, numbers and durations as the
 * user writes them, and the one error policy (`CodedError`, `messageOf`).
 *
 * This file is the folder's face: what the other folders, the state and the views may import from
 * it (checked by src/lib/architecture.test.ts). They import each file directly, so a page bundles
 * only what it uses.
 */
export * from './coded-error';
export * from './excerpt';
export * from './i18n';
export * from './messages.en';
export * from './text-parts';
