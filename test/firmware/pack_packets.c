/*
 * Packs known samples with the firmware's own motion_lab_protocol.h, as the sketch would, and
 * prints what a central would receive, for src/lib/sensors/ble-own-protocol.test.ts to decode:
 *
 *   scenario <name>          a new stream
 *   format <hex>             the format characteristic's value
 *   sample <seq> <t_us> ax ay az [gx gy gz]   one input reading, in g and deg/s (%.9g)
 *   line <text>              the same reading as a data-forwarder line
 *   skip <n>                 readings the sketch missed: the counter jumps by n
 *   link <bytes>             a new connection that carries notifications of at most <bytes>
 *   packet <hex>             one notification as the radio sent it
 *
 * The gyroscope scenario starts its counter 6 short of 65536 and its clock 20 ms short of 2^32,
 * so both wrap; it skips 3 readings, then reconnects over a link with the default 23-byte MTU.
 */
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "../../static/firmware/motion_lab/motion_lab_protocol.h"

#define ACC_FULL_SCALE_G 4
#define GYRO_FULL_SCALE_DPS 2000
#define MAX_LATENCY_US 50000u

static ml_stream stream;
static uint16_t radio_limit;

static void print_hex(const char *tag, const uint8_t *bytes, size_t length) {
  size_t i;
  printf("%s ", tag);
  for (i = 0; i < length; i++) printf("%02x", bytes[i]);
  printf("\n");
}

/* Readings as the Arduino libraries hand them over: floats in g and deg/s. A few are chosen to
 * sit on the edges: full scale, beyond it, half an LSB, NaN from a failed read. */
static void reading(int i, float acc[3], float gyro[3]) {
  acc[0] = (float)(0.3 * sin(i * 0.7));
  acc[1] = (float)(0.2 * cos(i * 0.5));
  acc[2] = (float)(1.0 + 0.05 * sin(i));
  gyro[0] = (float)(150.0 * sin(i * 0.3));
  gyro[1] = (float)(-80.0 * cos(i * 0.2));
  gyro[2] = (float)(10.0 * i - 200.0);
  if (i == 3) {
    acc[0] = 4.0f;
    acc[1] = -4.0f;
    acc[2] = 32767.0f / 8192.0f;
    gyro[0] = 2000.0f;
    gyro[1] = -2000.0f;
    gyro[2] = -2000.5f;
  } else if (i == 4) {
    acc[0] = 0.5f / 8192.0f;
    acc[1] = -0.5f / 8192.0f;
    acc[2] = 0.1f;
    gyro[0] = 2000.0f / 65536.0f;
    gyro[1] = -5000.0f;
    gyro[2] = 123.456f;
  } else if (i == 5) {
    acc[0] = -5.0f;
    acc[1] = (float)NAN;
    acc[2] = 1e-9f;
  }
}

static void send_one(void) {
  uint16_t length = ml_stream_packet(&stream);
  uint16_t sent = length < radio_limit ? length : radio_limit;
  print_hex("packet", stream.packet, sent);
  ml_stream_sent(&stream, sent);
}

static void send_all(void) {
  while (stream.count > 0) send_one();
}

static void feed(int i, uint32_t t_us) {
  float acc[3];
  float gyro[3];
  ml_sample sample;
  char line[ML_LINE_BYTES];
  size_t length;
  int axis;
  reading(i, acc, gyro);
  for (axis = 0; axis < 3; axis++) {
    sample.acc[axis] = ml_quantize(acc[axis], ACC_FULL_SCALE_G);
    sample.gyro[axis] = ml_quantize(gyro[axis], GYRO_FULL_SCALE_DPS);
  }
  printf("sample %u %lu %.9g %.9g %.9g", (unsigned)stream.next_seq, (unsigned long)t_us, acc[0], acc[1], acc[2]);
  if (stream.with_gyro) printf(" %.9g %.9g %.9g", gyro[0], gyro[1], gyro[2]);
  printf("\n");
  length = ml_format_line(line, &sample, stream.with_gyro, ACC_FULL_SCALE_G, GYRO_FULL_SCALE_DPS);
  /* The line ends in \r\n; print it without, so the test reads one line per record. */
  printf("line %.*s\n", (int)(length - 2), line);
  if (ml_stream_add(&stream, &sample, t_us)) {
    do send_one();
    while (stream.count >= ml_stream_capacity(&stream));
  }
}

static void start(const char *name, int with_gyro) {
  uint8_t format[ML_FORMAT_BYTES];
  printf("scenario %s\n", name);
  ml_stream_init(&stream, with_gyro, MAX_LATENCY_US);
  ml_write_format(format, with_gyro, ACC_FULL_SCALE_G, GYRO_FULL_SCALE_DPS);
  print_hex("format", format, sizeof(format));
  radio_limit = ML_MAX_PAYLOAD;
}

int main(void) {
  const uint32_t rev1_period_us = 8403; /* LSM9DS1 at 119 Hz */
  const uint32_t rev2_period_us = 10000; /* BMI270 at 100 Hz */
  uint32_t t_us;
  int i;

  start("gyro", 1);
  stream.next_seq = 65530;
  t_us = 0xffffffffu - 20000u;
  for (i = 0; i < 25; i++, t_us += rev1_period_us) feed(i, t_us);
  send_all();
  printf("skip 3\n");
  if (!ml_stream_skip(&stream, 3)) return 1;
  t_us += 3 * rev1_period_us;
  for (; i < 35; i++, t_us += rev1_period_us) feed(i, t_us);
  send_all();
  radio_limit = ML_MIN_PAYLOAD;
  printf("link %u\n", (unsigned)radio_limit);
  ml_stream_link_up(&stream);
  for (; i < 45; i++, t_us += rev1_period_us) feed(i, t_us);
  send_all();

  start("acc", 0);
  t_us = 1000;
  for (i = 0; i < 12; i++, t_us += rev2_period_us) feed(i, t_us);
  send_all();
  return 0;
}
