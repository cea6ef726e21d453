/** The Edge Impulse data forwarder's speed, and the Motion Lab firmware's. */
export const DEFAULT_BAUD_RATE = 115200;
