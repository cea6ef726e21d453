/* The IMU API both Arduino_LSM9DS1 (LSM9DS1Class) and Arduino_BMI270_BMM150 (BoschSensorClass)
 * offer, for a syntax check of motion_lab.ino only. */
#pragma once
#include <Arduino.h>

class ImuClass {
 public:
  int begin();
  int readAcceleration(float &x, float &y, float &z); /* g */
  int accelerationAvailable();
  float accelerationSampleRate();
  int readGyroscope(float &x, float &y, float &z); /* deg/s */
  int gyroscopeAvailable();
  float gyroscopeSampleRate();
};

extern ImuClass IMU;
