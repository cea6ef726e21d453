/*
 * Motion Lab BLE protocol, version 1: the bytes a board sends and the app reads.
 * static/firmware/PROTOCOL.md describes the layout; this header is the one implementation on the
 * board side. Plain C99 with no Arduino dependency, so the same file builds in the sketch (as
 * C++) and in test/firmware/pack_packets.c, whose output the app's decoder must read back exactly.
 *
 * The sketch owns the sensor and the radio; this file owns the bytes:
 *   ml_quantize()       float reading -> int16 at the sensor's own resolution
 *   ml_stream_add()     queue a sample; says when a notification is due
 *   ml_stream_packet()  build the notification from the queued samples
 *   ml_stream_sent()    what the radio took; the rest stays queued
 *   ml_format_line()    the same sample as an Edge Impulse data-forwarder line
 */
#ifndef MOTION_LAB_PROTOCOL_H
#define MOTION_LAB_PROTOCOL_H

#include <stddef.h>
#include <stdint.h>
#include <string.h>

#define ML_PROTOCOL_VERSION 1

/* Service and characteristic UUIDs (lowercase, as Web Bluetooth wants them). */
#define ML_SERVICE_UUID "00d7a497-0000-4580-8d0a-e6ec3b5ccdd1"
#define ML_PACKETS_UUID "00d7a497-0001-4580-8d0a-e6ec3b5ccdd1"
#define ML_FORMAT_UUID "00d7a497-0002-4580-8d0a-e6ec3b5ccdd1"

/* uint16 first sample counter, uint32 first sample time (us), uint16 sample interval (us). */
#define ML_HEADER_BYTES 8
/* uint8 version, uint8 flags, uint8 accelerometer full scale (g), uint16 gyroscope full scale (dps). */
#define ML_FORMAT_BYTES 5
#define ML_FLAG_GYRO 0x01

/* A notification carries at most ATT_MTU - 3 bytes: 244 with the 247-byte MTU of BLE 4.2+ data
 * length extension, 20 with the default MTU of 23 that some centrals never raise. */
#define ML_MAX_PAYLOAD 244
#define ML_MIN_PAYLOAD 20

#define ML_ACC_AXES_BYTES 6
#define ML_MAX_SAMPLES ((ML_MAX_PAYLOAD - ML_HEADER_BYTES) / ML_ACC_AXES_BYTES)

#define ML_STANDARD_GRAVITY 9.80665

/** One reading as it travels: counts of 1/32768 of the full scale, the sensor's own LSB. */
typedef struct {
  int16_t acc[3];
  int16_t gyro[3];
} ml_sample;

/** Samples waiting to be sent, and what is known about the link. */
typedef struct {
  uint8_t with_gyro;
  /* Largest notification the link has carried; shrinks when the radio truncates one. */
  uint16_t payload_limit;
  /* A notification goes out once its oldest sample is this old, even if not full. */
  uint32_t max_latency_us;
  /* Counter of the next sample to be added (mod 65536). */
  uint16_t next_seq;
  /* Counter of samples[0]. */
  uint16_t first_seq;
  uint8_t count;
  ml_sample samples[ML_MAX_SAMPLES];
  uint32_t times_us[ML_MAX_SAMPLES];
  uint16_t packet_length;
  uint8_t packet[ML_MAX_PAYLOAD];
} ml_stream;

/**
 * Rounds value / full_scale * 32768 half away from zero into an int16, saturating at the ends.
 * In double so that the app can reproduce the rounding exactly; with the Arduino libraries'
 * floats (raw / 8192 g, raw * 2000 / 32768 dps) it gives back the sensor's raw count.
 * Example: ml_quantize(1.0, 4.0) == 8192; ml_quantize(4.0, 4.0) == 32767.
 */
static inline int16_t ml_quantize(double value, double full_scale) {
  double counts = value * 32768.0 / full_scale;
  if (!(counts == counts)) return 0; /* NaN: the library's read failed */
  if (counts >= 32767.0) return 32767;
  if (counts <= -32768.0) return -32768;
  return (int16_t)(counts >= 0 ? (int32_t)(counts + 0.5) : -(int32_t)(-counts + 0.5));
}

static inline void ml_put_u16(uint8_t *out, uint16_t value) {
  out[0] = (uint8_t)(value & 0xff);
  out[1] = (uint8_t)(value >> 8);
}

static inline void ml_put_u32(uint8_t *out, uint32_t value) {
  out[0] = (uint8_t)(value & 0xff);
  out[1] = (uint8_t)((value >> 8) & 0xff);
  out[2] = (uint8_t)((value >> 16) & 0xff);
  out[3] = (uint8_t)(value >> 24);
}

/** The value of the format characteristic, read once by the app after connecting. */
static inline void ml_write_format(uint8_t out[ML_FORMAT_BYTES], int with_gyro, uint8_t acc_full_scale_g,
                                   uint16_t gyro_full_scale_dps) {
  out[0] = ML_PROTOCOL_VERSION;
  out[1] = with_gyro ? ML_FLAG_GYRO : 0;
  out[2] = acc_full_scale_g;
  ml_put_u16(out + 3, gyro_full_scale_dps);
}

static inline uint16_t ml_sample_bytes(const ml_stream *stream) {
  return (uint16_t)(stream->with_gyro ? 2 * ML_ACC_AXES_BYTES : ML_ACC_AXES_BYTES);
}

/** Samples that fit one notification on this link. */
static inline uint8_t ml_stream_capacity(const ml_stream *stream) {
  return (uint8_t)((stream->payload_limit - ML_HEADER_BYTES) / ml_sample_bytes(stream));
}

/** A new connection: the link may carry full-size notifications again. Counters keep running. */
static inline void ml_stream_link_up(ml_stream *stream) {
  stream->payload_limit = ML_MAX_PAYLOAD;
}

static inline void ml_stream_init(ml_stream *stream, int with_gyro, uint32_t max_latency_us) {
  memset(stream, 0, sizeof(*stream));
  stream->with_gyro = (uint8_t)(with_gyro ? 1 : 0);
  stream->max_latency_us = max_latency_us;
  ml_stream_link_up(stream);
}

/** Drops what is queued (nobody is listening). The counter keeps running. */
static inline void ml_stream_clear(ml_stream *stream) {
  stream->count = 0;
}

/**
 * Queues one sample read at t_us (the board's micros()). Returns 1 when a notification is due:
 * the queue fills one, or its oldest sample has waited max_latency_us. If the queue is full
 * (notifications are not getting through) it is dropped to make room; the counter has already
 * numbered those samples, so the app reports them lost rather than silently missing.
 */
static inline int ml_stream_add(ml_stream *stream, const ml_sample *sample, uint32_t t_us) {
  if (stream->count == ML_MAX_SAMPLES) ml_stream_clear(stream);
  if (stream->count == 0) stream->first_seq = stream->next_seq;
  stream->samples[stream->count] = *sample;
  stream->times_us[stream->count] = t_us;
  stream->count++;
  stream->next_seq++;
  return stream->count >= ml_stream_capacity(stream) ||
         (uint32_t)(t_us - stream->times_us[0]) >= stream->max_latency_us;
}

/**
 * Readings the sensor produced but the sketch never read (it was busy elsewhere): the counter
 * jumps so the app reports them lost. Send every queued sample first: a notification holds only
 * evenly spaced, consecutive samples. Returns 0, changing nothing, while samples are queued.
 */
static inline int ml_stream_skip(ml_stream *stream, uint16_t missed) {
  if (stream->count > 0) return 0;
  stream->next_seq = (uint16_t)(stream->next_seq + missed);
  return 1;
}

/**
 * Builds the next notification from the queued samples, as many as the link carries, into
 * stream->packet. Returns its length in bytes, 0 when nothing is queued.
 */
static inline uint16_t ml_stream_packet(ml_stream *stream) {
  uint8_t n = stream->count < ml_stream_capacity(stream) ? stream->count : ml_stream_capacity(stream);
  uint32_t interval_us = 0;
  uint8_t *at = stream->packet + ML_HEADER_BYTES;
  uint8_t i;
  int axis;
  if (n == 0) return 0;
  if (n > 1) {
    /* The mean interval: reading jitter averages out, and unsigned maths crosses the wrap. */
    uint32_t span = stream->times_us[n - 1] - stream->times_us[0];
    interval_us = (span + (uint32_t)(n - 1) / 2) / (uint32_t)(n - 1);
    if (interval_us > 0xffff) interval_us = 0xffff;
  }
  ml_put_u16(stream->packet, stream->first_seq);
  ml_put_u32(stream->packet + 2, stream->times_us[0]);
  ml_put_u16(stream->packet + 6, (uint16_t)interval_us);
  for (i = 0; i < n; i++) {
    for (axis = 0; axis < 3; axis++, at += 2) ml_put_u16(at, (uint16_t)stream->samples[i].acc[axis]);
    if (stream->with_gyro) {
      for (axis = 0; axis < 3; axis++, at += 2) ml_put_u16(at, (uint16_t)stream->samples[i].gyro[axis]);
    }
  }
  stream->packet_length = (uint16_t)(at - stream->packet);
  return stream->packet_length;
}

/**
 * Tells the stream how many bytes of the last packet the radio sent: ArduinoBLE's writeValue()
 * returns that count, cut to ATT_MTU - 3 on a link with a small MTU. Samples that did not make it
 * stay queued for the next notification, and the stream remembers the smaller size. 0 (not
 * sent: nobody subscribed) drops the queue.
 */
static inline void ml_stream_sent(ml_stream *stream, uint16_t sent_bytes) {
  uint16_t whole;
  uint8_t sent_samples;
  if (sent_bytes < ML_HEADER_BYTES + ml_sample_bytes(stream)) {
    ml_stream_clear(stream);
    return;
  }
  if (sent_bytes < stream->packet_length) stream->payload_limit = sent_bytes;
  whole = (uint16_t)((sent_bytes - ML_HEADER_BYTES) / ml_sample_bytes(stream));
  sent_samples = (uint8_t)(whole < stream->count ? whole : stream->count);
  memmove(stream->samples, stream->samples + sent_samples, (size_t)(stream->count - sent_samples) * sizeof(ml_sample));
  memmove(stream->times_us, stream->times_us + sent_samples, (size_t)(stream->count - sent_samples) * sizeof(uint32_t));
  stream->count = (uint8_t)(stream->count - sent_samples);
  stream->first_seq = (uint16_t)(stream->first_seq + sent_samples);
}

/** Writes value with `decimals` decimals (rounded half away from zero); returns the length. */
static inline size_t ml_format_fixed(char *out, double value, int decimals) {
  char digits[16];
  size_t n = 0;
  size_t length = 0;
  int32_t scaled;
  int d;
  double factor = 1.0;
  for (d = 0; d < decimals; d++) factor *= 10.0;
  scaled = value >= 0 ? (int32_t)(value * factor + 0.5) : -(int32_t)(-value * factor + 0.5);
  if (scaled < 0) {
    out[length++] = '-';
    scaled = -scaled;
  }
  do {
    digits[n++] = (char)('0' + scaled % 10);
    scaled /= 10;
  } while (scaled > 0 || n <= (size_t)decimals);
  while (n > 0) {
    out[length++] = digits[--n];
    if (n == (size_t)decimals && decimals > 0) out[length++] = '.';
  }
  return length;
}

/* One forwarder line is at most 6 values of "-392.2660" and separators: 64 bytes is ample. */
#define ML_LINE_BYTES 64

/**
 * The sample as one Edge Impulse data-forwarder line, "ax,ay,az,gx,gy,gz\r\n": acceleration in
 * m/s² with 4 decimals (the LSB at ±4 g is 0.0012 m/s²), rotation in deg/s with 3 decimals.
 * `out` needs ML_LINE_BYTES. Returns the length, without a terminating zero.
 */
static inline size_t ml_format_line(char *out, const ml_sample *sample, int with_gyro, uint8_t acc_full_scale_g,
                                    uint16_t gyro_full_scale_dps) {
  size_t length = 0;
  int axis;
  double acc_ms2_per_count = acc_full_scale_g * ML_STANDARD_GRAVITY / 32768.0;
  double dps_per_count = gyro_full_scale_dps / 32768.0;
  for (axis = 0; axis < 3; axis++) {
    if (axis > 0) out[length++] = ',';
    length += ml_format_fixed(out + length, sample->acc[axis] * acc_ms2_per_count, 4);
  }
  if (with_gyro) {
    for (axis = 0; axis < 3; axis++) {
      out[length++] = ',';
      length += ml_format_fixed(out + length, sample->gyro[axis] * dps_per_count, 3);
    }
  }
  out[length++] = '\r';
  out[length++] = '\n';
  return length;
}

/*
 * Classification on the board (when the sketch is built with a model exported by the app):
 * every stride the board classifies its latest window and notifies the answer.
 */
#define ML_CLASSIFICATION_UUID "00d7a497-0003-4580-8d0a-e6ec3b5ccdd1"
#define ML_LABELS_UUID "00d7a497-0004-4580-8d0a-e6ec3b5ccdd1"
/* uint16 window counter, uint32 board time of the window's end (us), uint8 label, uint8 label count. */
#define ML_CLASSIFICATION_HEADER_BYTES 8
/* Probabilities travel as uint16 (p × 65535): 6 labels fit the default MTU's 20 bytes. */
#define ML_MAX_LABELS ((ML_MAX_PAYLOAD - ML_CLASSIFICATION_HEADER_BYTES) / 2)
/* The labels characteristic: the model's label names, each followed by '\n', in index order. */
#define ML_LABELS_BYTES 512
/*
 * The label byte of a window the model calls unknown, unlike anything it was trained on
 * (motion_model_unknown_run, as the app's Live page): never a label index, ML_MAX_LABELS being far below it.
 */
#define ML_LABEL_UNKNOWN 255

/**
 * One classification notification into `out` (ML_CLASSIFICATION_HEADER_BYTES + 2 × count bytes);
 * returns its length. A probability is sent as round(p × 65535), clamped to 0…65535 (NaN as 0).
 */
static inline uint16_t ml_write_classification(uint8_t *out, uint16_t window, uint32_t t_us, uint8_t label,
                                               const float *probabilities, uint8_t count) {
  uint8_t i;
  if (count > ML_MAX_LABELS) count = ML_MAX_LABELS;
  ml_put_u16(out, window);
  ml_put_u32(out + 2, t_us);
  out[6] = label;
  out[7] = count;
  for (i = 0; i < count; i++) {
    double scaled = probabilities[i] * 65535.0 + 0.5;
    uint16_t value = scaled >= 65535.0 ? 65535 : scaled >= 1.0 ? (uint16_t)scaled : 0;
    ml_put_u16(out + ML_CLASSIFICATION_HEADER_BYTES + 2 * i, value);
  }
  return (uint16_t)(ML_CLASSIFICATION_HEADER_BYTES + 2 * count);
}

/**
 * The labels characteristic's value: each name and a '\n', as many whole names as fit in
 * `capacity` bytes. Returns the length.
 */
static inline uint16_t ml_write_labels(uint8_t *out, uint16_t capacity, const char *const *labels, uint8_t count) {
  uint16_t length = 0;
  uint8_t i;
  for (i = 0; i < count; i++) {
    size_t name = strlen(labels[i]);
    if (length + name + 1 > capacity) break;
    memcpy(out + length, labels[i], name);
    length = (uint16_t)(length + name);
    out[length++] = '\n';
  }
  return length;
}

#endif
