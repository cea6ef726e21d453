/** English text of recordings from other phone apps: phyphox, Sensor Logger, Physics Toolbox, WISDM; part of the `en` catalog. */
export const formatsEn = {};
