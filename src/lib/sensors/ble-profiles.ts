import { bleSenseProfile } from './ble-blesense-profile';
import { motionLabProfile } from './ble-own-profile';
import type { BleProfile } from './ble-profile';
import { tinyMotionTrainerProfile } from './ble-tmt-profile';

/** Every board firmware the app reads, the best first (a board offering two is read by the first). */
export const BLE_PROFILES: readonly BleProfile[] = [motionLabProfile, tinyMotionTrainerProfile, bleSenseProfile];

/**
 * What to ask the Bluetooth chooser for: boards advertising one of the services, or named as
 * those sketches name themselves (an advert has room for only so much), with every service
 * allowed once connected.
 *
 * @example
 * const device = await navigator.bluetooth.requestDevice(bluetoothRequestOptions());
 */
export function bluetoothRequestOptions(profiles: readonly BleProfile[] = BLE_PROFILES): RequestDeviceOptions {
  return {
    filters: [
      ...profiles.map((profile) => ({ services: [profile.serviceUuid] })),
      ...profiles.map((profile) => ({ namePrefix: profile.namePrefix })),
    ],
    optionalServices: profiles.map((profile) => profile.serviceUuid),
  };
}

/**
 * The profile for a connected board, from the services it offers; null when it offers none.
 *
 * @example
 * const services = await server.getPrimaryServices();
 * const profile = profileForServices(services.map((service) => service.uuid));
 */
export function profileForServices(serviceUuids: readonly string[], profiles: readonly BleProfile[] = BLE_PROFILES): BleProfile | null {
  const offered = new Set(serviceUuids.map((uuid) => uuid.toLowerCase()));
  return profiles.find((profile) => offered.has(profile.serviceUuid)) ?? null;
}
