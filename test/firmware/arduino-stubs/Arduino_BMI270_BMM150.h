#pragma once
/* Arduino_BMI270_BMM150: the Nano 33 BLE Sense Rev2 IMU. */
#include "imu-api.h"
