/** English text of recording on a phone, the people who record, and Live's warnings; part of the `en` catalog. */
export const peopleEn = {};
