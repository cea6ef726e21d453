#pragma once
/* Arduino_LSM9DS1: the Nano 33 BLE Sense (Rev1) IMU. */
#include "imu-api.h"
