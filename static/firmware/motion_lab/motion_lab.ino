/*
  Motion Lab firmware for the Arduino Nano 33 BLE Sense, Rev1 and Rev2.

  Streams the accelerometer and gyroscope two ways at once:
  - over Bluetooth, in Motion Lab's own format (../PROTOCOL.md): several samples per
    notification, with a sample counter so the app can tell what was lost and the board's clock
    so the app can time every sample;
  - over the USB cable, one Edge Impulse data-forwarder line per sample,
    "ax,ay,az,gx,gy,gz" in m/s² and deg/s, at 115200 baud.

  With a model exported from the app's Train page (motion_model.h and motion_model.c in this
  folder; the exported zip has them there), the board also classifies its own motion: every
  stride it resamples the latest window to the model's rate, runs the model, and notifies the
  label and probabilities on the classification characteristic, which the app's Live page shows
  as "on the device".

  Pick the board revision below (Rev2 has "Rev2" printed on the back, and a BMI270 chip), then
  see ../README.md for flashing.
*/

// 0: Nano 33 BLE Sense (Rev1, LSM9DS1 IMU, library Arduino_LSM9DS1).
// 1: Nano 33 BLE Sense Rev2 (BMI270 + BMM150 IMU, library Arduino_BMI270_BMM150).
#ifndef NANO33_REV2
#define NANO33_REV2 0
#endif

#if NANO33_REV2
#include <Arduino_BMI270_BMM150.h>
#else
#include <Arduino_LSM9DS1.h>
#endif
#include <ArduinoBLE.h>

#include "motion_lab_protocol.h"

// A model beside the sketch turns classification on; without one the sketch only streams.
#if __has_include("motion_model.h")
#include "motion_model.h"
#include "motion_lab_windows.h"
#define ML_CLASSIFY 1
static_assert(MOTION_MODEL_LABELS <= ML_MAX_LABELS, "the model has more labels than one notification carries");
#else
#define ML_CLASSIFY 0
#endif

// Both libraries configure their IMU at ±4 g and ±2000 deg/s (LSM9DS1 at 119 Hz, BMI270 at
// 100 Hz) and offer no way to change it, so these are the scales of every reading.
static const uint8_t ACC_FULL_SCALE_G = 4;
static const uint16_t GYRO_FULL_SCALE_DPS = 2000;

// A notification leaves at least every 50 ms, about 6 samples: the app's live plot and
// classifier stay responsive, and the radio sends ~20 notifications a second, not 119.
static const uint32_t MAX_LATENCY_US = 50000;

BLEService motionService(ML_SERVICE_UUID);
BLECharacteristic packetsCharacteristic(ML_PACKETS_UUID, BLENotify, ML_MAX_PAYLOAD);
BLECharacteristic formatCharacteristic(ML_FORMAT_UUID, BLERead, ML_FORMAT_BYTES, true);

ml_stream stream;
#if ML_CLASSIFY
BLECharacteristic classificationCharacteristic(ML_CLASSIFICATION_UUID, BLENotify, ML_CLASSIFICATION_HEADER_BYTES + 2 * MOTION_MODEL_LABELS);
BLECharacteristic labelsCharacteristic(ML_LABELS_UUID, BLERead, ML_LABELS_BYTES);
ml_windows windows;
float window[MOTION_MODEL_WINDOW_SAMPLES * 3];
float probabilities[MOTION_MODEL_LABELS];
uint16_t windowCounter = 0;
#endif
uint32_t periodUs = 0;
uint32_t lastReadUs = 0;
bool haveRead = false;

// Blinks the LED forever: the board cannot work without its IMU or radio.
static void fail(const char *message) {
  Serial.println(message);
  pinMode(LED_BUILTIN, OUTPUT);
  for (;;) {
    digitalWrite(LED_BUILTIN, HIGH);
    delay(100);
    digitalWrite(LED_BUILTIN, LOW);
    delay(100);
  }
}

static void onConnected(BLEDevice) {
  // A new central may have a different MTU: try full-size notifications again.
  ml_stream_link_up(&stream);
  digitalWrite(LED_BUILTIN, HIGH);
}

static void onDisconnected(BLEDevice) {
  digitalWrite(LED_BUILTIN, LOW);
}

static void onUnsubscribed(BLEDevice, BLECharacteristic) {
  // Nobody will take these; the counter keeps running for whoever subscribes next.
  ml_stream_clear(&stream);
}

// Sends queued samples; a notification cut short by a small MTU leaves samples for the next.
static void sendPackets() {
  do {
    uint16_t length = ml_stream_packet(&stream);
    if (length == 0) return;
    // ArduinoBLE returns how many bytes went out: fewer than asked when the MTU is smaller.
    int sent = packetsCharacteristic.writeValue(stream.packet, length);
    ml_stream_sent(&stream, (uint16_t)(sent > 0 ? sent : 0));
  } while (stream.count > 0 && stream.count >= ml_stream_capacity(&stream));
}

// Every call to sendPackets() sends at least one sample or drops the queue, so this ends.
static void sendAll() {
  while (stream.count > 0) sendPackets();
}

#if ML_CLASSIFY
// Classifies from the quantised sample, the very values the app receives, so that the board's
// answers and the browser's are computed from the same data.
static void classify(const ml_sample &sample, uint32_t nowUs) {
  const double ms2PerCount = ACC_FULL_SCALE_G * ML_STANDARD_GRAVITY / 32768.0;
  int due = ml_windows_add(&windows, nowUs, sample.acc[0] * ms2PerCount, sample.acc[1] * ms2PerCount, sample.acc[2] * ms2PerCount);
  if (due == 0) return;
  ml_windows_copy(&windows, window);
  uint8_t label = (uint8_t)motion_model_classify(window, probabilities);
#ifdef MOTION_MODEL_UNKNOWN_RUN
  // Scored every window, sent or not: the run rule counts windows in a row, as the app's Live page does.
  if (motion_model_unknown_run(motion_model_unknown_score())) label = ML_LABEL_UNKNOWN;
#endif
  windowCounter += (uint16_t)due;
  if (classificationCharacteristic.subscribed()) {
    uint8_t packet[ML_CLASSIFICATION_HEADER_BYTES + 2 * MOTION_MODEL_LABELS];
    uint16_t length = ml_write_classification(packet, windowCounter, nowUs, label, probabilities, MOTION_MODEL_LABELS);
    classificationCharacteristic.writeValue(packet, length);
  }
}
#endif

void setup() {
  // USB serial needs no waiting: writes are dropped until a program opens the port, so the board
  // also runs on a battery with no computer.
  Serial.begin(115200);
  pinMode(LED_BUILTIN, OUTPUT);

  if (!IMU.begin()) fail("Motion Lab: the IMU did not start. Check NANO33_REV2 matches the board.");
  periodUs = (uint32_t)(1000000.0f / IMU.accelerationSampleRate() + 0.5f);
  ml_stream_init(&stream, 1, MAX_LATENCY_US);

  if (!BLE.begin()) fail("Motion Lab: Bluetooth did not start.");
  // "Motion Lab 1A2B": the end of the address tells boards in one classroom apart.
  String address = BLE.address();
  address.toUpperCase();
  String name = "Motion Lab ";
  name += address.substring(address.length() - 5, address.length() - 3);
  name += address.substring(address.length() - 2);
  BLE.setLocalName(name.c_str());
  BLE.setDeviceName(name.c_str());
  BLE.setAdvertisedService(motionService);
  motionService.addCharacteristic(packetsCharacteristic);
  motionService.addCharacteristic(formatCharacteristic);
#if ML_CLASSIFY
  motionService.addCharacteristic(classificationCharacteristic);
  motionService.addCharacteristic(labelsCharacteristic);
  ml_windows_init(&windows);
#endif
  BLE.addService(motionService);

  uint8_t format[ML_FORMAT_BYTES];
  ml_write_format(format, 1, ACC_FULL_SCALE_G, GYRO_FULL_SCALE_DPS);
  formatCharacteristic.writeValue(format, sizeof(format));
#if ML_CLASSIFY
  uint8_t labels[ML_LABELS_BYTES];
  labelsCharacteristic.writeValue(labels, ml_write_labels(labels, sizeof(labels), motion_model_labels, MOTION_MODEL_LABELS));
#endif

  BLE.setEventHandler(BLEConnected, onConnected);
  BLE.setEventHandler(BLEDisconnected, onDisconnected);
  packetsCharacteristic.setEventHandler(BLEUnsubscribed, onUnsubscribed);
  BLE.advertise();
}

void loop() {
  BLE.poll();
  if (!IMU.accelerationAvailable()) return;

  uint32_t nowUs = micros();
  float ax, ay, az, gx, gy, gz;
  IMU.readAcceleration(ax, ay, az);
  IMU.readGyroscope(gx, gy, gz);
  ml_sample sample;
  sample.acc[0] = ml_quantize(ax, ACC_FULL_SCALE_G);
  sample.acc[1] = ml_quantize(ay, ACC_FULL_SCALE_G);
  sample.acc[2] = ml_quantize(az, ACC_FULL_SCALE_G);
  sample.gyro[0] = ml_quantize(gx, GYRO_FULL_SCALE_DPS);
  sample.gyro[1] = ml_quantize(gy, GYRO_FULL_SCALE_DPS);
  sample.gyro[2] = ml_quantize(gz, GYRO_FULL_SCALE_DPS);

  // The sensor keeps only its latest reading: if the loop was held up (a slow write) for more
  // than about one period, readings were overwritten unread. Count them, so the app reports
  // them lost; the threshold of 1.75 periods leaves room for ordinary polling jitter.
  uint32_t periods = haveRead ? (nowUs - lastReadUs + periodUs / 4) / periodUs : 1;
  haveRead = true;
  lastReadUs = nowUs;

  if (packetsCharacteristic.subscribed()) {
    if (periods > 1) {
      sendAll();
      ml_stream_skip(&stream, (uint16_t)(periods - 1));
    }
    if (ml_stream_add(&stream, &sample, nowUs)) sendPackets();
  }
#if ML_CLASSIFY
  classify(sample, nowUs);
#endif

  // Returns at once when no program has the USB port open.
  char line[ML_LINE_BYTES];
  size_t length = ml_format_line(line, &sample, 1, ACC_FULL_SCALE_G, GYRO_FULL_SCALE_DPS);
  Serial.write((const uint8_t *)line, length);
}
