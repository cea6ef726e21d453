import type { peopleEn } from './people.en';

/** Spanish text of recording on a phone, the people who record, and Live's warnings; part of the `es` catalog. */
export const peopleEs: Record<keyof typeof peopleEn, string> = {};
