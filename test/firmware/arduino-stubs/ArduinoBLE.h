/* Declarations from ArduinoBLE (BLELocalDevice.h, BLEDevice.h, BLEService.h, BLECharacteristic.h,
 * BLEProperty.h), for a syntax check of motion_lab.ino only. */
#pragma once
#include <Arduino.h>

enum BLEProperty {
  BLEBroadcast = 0x01,
  BLERead = 0x02,
  BLEWriteWithoutResponse = 0x04,
  BLEWrite = 0x08,
  BLENotify = 0x10,
  BLEIndicate = 0x20,
};

enum BLEDeviceEvent { BLEConnected = 0, BLEDisconnected = 1, BLEDiscovered = 2 };
enum BLECharacteristicEvent { BLESubscribed = 0, BLEUnsubscribed = 1, BLEWritten = 3 };

class BLEDevice {
 public:
  BLEDevice();
  String address() const;
};

class BLECharacteristic;
typedef void (*BLEDeviceEventHandler)(BLEDevice device);
typedef void (*BLECharacteristicEventHandler)(BLEDevice device, BLECharacteristic characteristic);

class BLECharacteristic {
 public:
  BLECharacteristic(const char *uuid, uint8_t properties, int valueSize, bool fixedLength = false);
  int writeValue(const uint8_t value[], int length);
  bool subscribed();
  void setEventHandler(int event, BLECharacteristicEventHandler eventHandler);
};

class BLEService {
 public:
  BLEService(const char *uuid);
  void addCharacteristic(BLECharacteristic &characteristic);
};

class BLELocalDevice {
 public:
  int begin();
  void poll();
  String address() const;
  void setAdvertisedService(const BLEService &service);
  void setLocalName(const char *localName);
  void setDeviceName(const char *deviceName);
  void addService(BLEService &service);
  int advertise();
  void setEventHandler(BLEDeviceEvent event, BLEDeviceEventHandler eventHandler);
};

extern BLELocalDevice &BLE;
