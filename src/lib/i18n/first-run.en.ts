/** English text of the guided first run and the accessibility of the shell and lessons; part of the `en` catalog. */
export const firstRunEn = {};
