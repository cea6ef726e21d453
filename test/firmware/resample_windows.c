/*
 * Runs the firmware's windowing (static/firmware/motion_lab/motion_lab_windows.h) on readings
 * from standard input, one "t_us x y z" line each (the board's micros(), m/s²), and prints each
 * window it completes as one line of %.9g values, for src/lib/deploy/firmware-windows.test.ts to
 * compare with the app's resample() and windowsOf(). The model's rate, window and stride come
 * from -D flags, as motion_model.h would give them.
 */
#include <stdio.h>

#ifndef MOTION_MODEL_RATE_HZ
#define MOTION_MODEL_RATE_HZ 50.0
#define MOTION_MODEL_WINDOW_SAMPLES 100
#define MOTION_MODEL_STRIDE_SAMPLES 25
#endif

#include "../../static/firmware/motion_lab/motion_lab_windows.h"

int main(void) {
  static ml_windows windows;
  static float window[MOTION_MODEL_WINDOW_SAMPLES * 3];
  unsigned long t_us;
  double x, y, z;
  int i;
  ml_windows_init(&windows);
  while (scanf("%lu %lf %lf %lf", &t_us, &x, &y, &z) == 4) {
    if (ml_windows_add(&windows, (uint32_t)t_us, x, y, z) > 0) {
      ml_windows_copy(&windows, window);
      for (i = 0; i < MOTION_MODEL_WINDOW_SAMPLES * 3; i++) printf(i == 0 ? "%.9g" : " %.9g", window[i]);
      printf("\n");
    }
  }
  return 0;
}
