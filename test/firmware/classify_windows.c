/*
 * Runs an exported motion_model library on windows read from standard input, for
 * src/lib/deploy/c-library.test.ts to compare with the app's own pipeline:
 *
 *   classify_windows < windows.f32      one line per window: label index, then each probability
 *   classify_windows features < …       one line per window: its features before standardisation
 *   classify_windows unknown < …        one line per window: label index, its unknown score, and
 *                                       the run rule's verdict, 1 for unknown (a model exported
 *                                       with an unknown score only; the windows in stream order)
 *
 * The input is float32 values in the machine's byte order, MOTION_MODEL_WINDOW_SAMPLES × 3 per
 * window (x, y, z interleaved, m/s²). Values are printed with %.9g, which reads back as the same
 * float.
 */
#include <stdio.h>
#include <string.h>

#include "motion_model.h"

int main(int argc, char **argv) {
  static float window[MOTION_MODEL_WINDOW_SAMPLES * 3];
  float out[MOTION_MODEL_FEATURES > MOTION_MODEL_LABELS ? MOTION_MODEL_FEATURES : MOTION_MODEL_LABELS];
  const int features = argc > 1 && strcmp(argv[1], "features") == 0;
#ifdef MOTION_MODEL_UNKNOWN_THRESHOLD
  const int unknown = argc > 1 && strcmp(argv[1], "unknown") == 0;
#endif
  int i;
  while (fread(window, sizeof window[0], MOTION_MODEL_WINDOW_SAMPLES * 3, stdin) == MOTION_MODEL_WINDOW_SAMPLES * 3) {
    if (features) {
      motion_model_features(window, out);
      for (i = 0; i < MOTION_MODEL_FEATURES; i++) printf(i == 0 ? "%.9g" : " %.9g", out[i]);
    }
#ifdef MOTION_MODEL_UNKNOWN_THRESHOLD
    else if (unknown) {
      float score;
      printf("%d", motion_model_classify(window, out));
      score = motion_model_unknown_score();
      printf(" %.9g %d", score, motion_model_unknown_run(score));
    }
#endif
    else {
      printf("%d", motion_model_classify(window, out));
      for (i = 0; i < MOTION_MODEL_LABELS; i++) printf(" %.9g", out[i]);
    }
    printf("\n");
  }
  return 0;
}
