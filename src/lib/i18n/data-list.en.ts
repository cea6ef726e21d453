/** English text of the Data page's list: search, filters, bulk actions and renaming; part of the `en` catalog. */
export const dataListEn = {};
