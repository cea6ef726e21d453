/*
 * Times an exported motion_model library on this machine, for test/bench/deploy-footprint.ts:
 * reads windows from standard input as classify_windows.c does, classifies all of them
 * `rounds` times (the first argument), and prints the CPU time per window in µs and a checksum
 * of the labels, so the work cannot be optimised away.
 */
#include <stdio.h>
#include <stdlib.h>
#include <time.h>

#include "motion_model.h"

#define MAX_WINDOWS 1000

int main(int argc, char **argv) {
  static float windows[MAX_WINDOWS][MOTION_MODEL_WINDOW_SAMPLES * 3];
  float probabilities[MOTION_MODEL_LABELS];
  const long rounds = argc > 1 ? atol(argv[1]) : 10;
  long round, checksum = 0;
  int count = 0, i;
  clock_t started;
  while (count < MAX_WINDOWS && fread(windows[count], sizeof(float), MOTION_MODEL_WINDOW_SAMPLES * 3, stdin) == MOTION_MODEL_WINDOW_SAMPLES * 3) count++;
  if (count == 0) return 1;
  started = clock();
  for (round = 0; round < rounds; round++) {
    for (i = 0; i < count; i++) checksum += motion_model_classify(windows[i], probabilities);
  }
  printf("%.4f %ld %d\n", (double)(clock() - started) / CLOCKS_PER_SEC * 1e6 / ((double)rounds * count), checksum, count);
  return 0;
}
