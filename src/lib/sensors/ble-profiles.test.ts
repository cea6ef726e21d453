import { describe, expect, test } from 'vitest';
import { BLESENSE_SERVICE_UUID } from './ble-blesense-profile';
import { MOTION_LAB_SERVICE_UUID } from './ble-own-protocol';
import { bluetoothRequestOptions, profileForServices } from './ble-profiles';
import { TMT_SERVICE_UUID } from './ble-tmt-profile';

describe('bluetoothRequestOptions', () => {
  test('asks for each service or sketch name, and allows every service', () => {
    const options = bluetoothRequestOptions();
    expect(options.filters).toEqual([
      { services: [MOTION_LAB_SERVICE_UUID] },
      { services: [TMT_SERVICE_UUID] },
      { services: [BLESENSE_SERVICE_UUID] },
      { namePrefix: 'Motion Lab' },
      { namePrefix: 'TF4Micro' },
      { namePrefix: 'BLESense' },
    ]);
    expect(options.optionalServices).toEqual([MOTION_LAB_SERVICE_UUID, TMT_SERVICE_UUID, BLESENSE_SERVICE_UUID]);
  });
});

describe('profileForServices', () => {
  test('picks by the services offered, the app’s own firmware first', () => {
    expect(profileForServices([BLESENSE_SERVICE_UUID])?.name).toBe('Arduino BLESense');
    expect(profileForServices([TMT_SERVICE_UUID.toUpperCase()])?.name).toBe('Tiny Motion Trainer');
    expect(profileForServices([BLESENSE_SERVICE_UUID, MOTION_LAB_SERVICE_UUID])?.name).toBe('Motion Lab firmware');
    expect(profileForServices(['0000180f-0000-1000-8000-00805f9b34fb'])).toBeNull();
  });
});
