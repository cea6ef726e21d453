/** English text of deploying a model to a microcontroller; part of the `en` catalog. */
export const deployEn = {} as const;
