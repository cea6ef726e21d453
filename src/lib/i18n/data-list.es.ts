import type { dataListEn } from './data-list.en';

/** Spanish text of the Data page's list: search, filters, bulk actions and renaming; part of the `es` catalog. */
export const dataListEs: Record<keyof typeof dataListEn, string> = {};
