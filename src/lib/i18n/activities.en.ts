/** English text of the activities in the user's language and model names; part of the `en` catalog. */
export const activitiesEn = {};
