import type { activitiesEn } from './activities.en';

/** Spanish text of the activities in the user's language and model names; part of the `es` catalog. */
export const activitiesEs: Record<keyof typeof activitiesEn, string> = {};
