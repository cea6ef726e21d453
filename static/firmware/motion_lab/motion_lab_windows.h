/*
 * Windows for an exported model, on the board: readings at the IMU's own rate (119 Hz on the
 * Rev1, 100 Hz on the Rev2) resampled to the model's rate by linear interpolation between
 * consecutive readings, and cut into windows of MOTION_MODEL_WINDOW_SAMPLES every
 * MOTION_MODEL_STRIDE_SAMPLES, as the app's resample() and windowsOf() cut a recording for
 * training: the first resampled sample is the first reading, and a silence of more than 0.5 s
 * starts again from the reading after it. test/firmware/resample_windows.c runs this file for
 * src/lib/deploy/firmware-windows.test.ts, which compares its windows with the app's.
 *
 * Plain C99; include motion_model.h first.
 */
#ifndef MOTION_LAB_WINDOWS_H
#define MOTION_LAB_WINDOWS_H

#include <stdint.h>
#include <string.h>

#define ML_MAX_GAP_US 500000.0

typedef struct {
  /* The latest MOTION_MODEL_WINDOW_SAMPLES resampled samples, x, y, z, oldest at `head`. */
  float ring[MOTION_MODEL_WINDOW_SAMPLES * 3];
  int head;
  /* Resampled samples since the start, or since the last gap. */
  long produced;
  /* The previous reading: its time (the board's micros()) and values. */
  uint32_t last_us;
  double last[3];
  /* When the next resampled sample is due, in µs after the previous reading. */
  double due_us;
  int started;
} ml_windows;

static inline void ml_windows_init(ml_windows *w) {
  memset(w, 0, sizeof(*w));
}

static inline void ml_windows_put(ml_windows *w, const double value[3]) {
  int axis;
  for (axis = 0; axis < 3; axis++) w->ring[w->head * 3 + axis] = (float)value[axis];
  w->head = (w->head + 1) % MOTION_MODEL_WINDOW_SAMPLES;
  w->produced += 1;
}

/* A window is due when the latest sample completes one: the first full window, then every stride. */
static inline int ml_windows_due(const ml_windows *w) {
  return w->produced >= MOTION_MODEL_WINDOW_SAMPLES && (w->produced - MOTION_MODEL_WINDOW_SAMPLES) % MOTION_MODEL_STRIDE_SAMPLES == 0;
}

/**
 * Adds one reading in m/s² taken at t_us. Returns how many windows it completed (0, or 1 unless
 * readings are further apart than a stride); the latest is read with ml_windows_copy().
 */
static inline int ml_windows_add(ml_windows *w, uint32_t t_us, double x, double y, double z) {
  const double period_us = 1000000.0 / MOTION_MODEL_RATE_HZ;
  const double now[3] = {x, y, z};
  double gap_us;
  int windows = 0, axis;
  if (!w->started || (gap_us = (double)(uint32_t)(t_us - w->last_us)) > ML_MAX_GAP_US) {
    /* A new series: this reading is its first sample. */
    w->head = 0;
    w->produced = 0;
    w->started = 1;
    ml_windows_put(w, now);
    windows += ml_windows_due(w);
    w->due_us = period_us;
  } else {
    while (w->due_us <= gap_us) {
      const double f = gap_us > 0.0 ? w->due_us / gap_us : 0.0;
      double value[3];
      for (axis = 0; axis < 3; axis++) value[axis] = w->last[axis] + (now[axis] - w->last[axis]) * f;
      ml_windows_put(w, value);
      windows += ml_windows_due(w);
      w->due_us += period_us;
    }
    w->due_us -= gap_us;
  }
  w->last_us = t_us;
  for (axis = 0; axis < 3; axis++) w->last[axis] = now[axis];
  return windows;
}

/* The latest window, oldest sample first, into out[MOTION_MODEL_WINDOW_SAMPLES * 3]. */
static inline void ml_windows_copy(const ml_windows *w, float *out) {
  int i, axis;
  for (i = 0; i < MOTION_MODEL_WINDOW_SAMPLES; i++) {
    const int at = (w->head + i) % MOTION_MODEL_WINDOW_SAMPLES;
    for (axis = 0; axis < 3; axis++) out[i * 3 + axis] = w->ring[at * 3 + axis];
  }
}

#endif
