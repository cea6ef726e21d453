/*
 * Packs classifications and label names with the firmware's own motion_lab_protocol.h, as the
 * sketch does, and prints them for src/lib/deploy/firmware-sketch.test.ts to decode:
 *
 *   labels <hex>                                     the labels characteristic's value
 *   sent <window> <t_us> <label> p0 p1 …             what the sketch packed (%.9g; label 255: unknown)
 *   packet <hex>                                     the notification
 */
#include <math.h>
#include <stdio.h>

#include "../../static/firmware/motion_lab/motion_lab_protocol.h"

static void print_hex(const char *tag, const uint8_t *bytes, size_t length) {
  size_t i;
  printf("%s ", tag);
  for (i = 0; i < length; i++) printf("%02x", bytes[i]);
  printf("\n");
}

int main(void) {
  static const char *const labels[] = {"golfing", "running", "stairs", "walking", "año"};
  uint8_t out[ML_LABELS_BYTES];
  float probabilities[5];
  int k, i;
  print_hex("labels", out, ml_write_labels(out, sizeof(out), labels, 5));
  for (k = 0; k < 7; k++) {
    float sum = 0;
    for (i = 0; i < 5; i++) sum += probabilities[i] = (float)exp(sin(k * 1.3 + i * 2.1) * 4);
    for (i = 0; i < 5; i++) probabilities[i] /= sum;
    if (k == 4) probabilities[2] = 1.5f; /* out of range: clamped */
    if (k == 5) probabilities[1] = -0.25f;
    /* The last one unknown (ML_LABEL_UNKNOWN), its probabilities sent all the same. */
    const uint8_t label = k == 6 ? ML_LABEL_UNKNOWN : (uint8_t)(k % 5);
    printf("sent %u %lu %d", (unsigned)(65533 + k), 4294967000ul + 200000ul * (unsigned long)k, label);
    for (i = 0; i < 5; i++) printf(" %.9g", probabilities[i]);
    printf("\n");
    print_hex("packet", out,
              ml_write_classification(out, (uint16_t)(65533 + k), (uint32_t)(4294967000ul + 200000ul * (unsigned long)k), label, probabilities, 5));
  }
  return 0;
}
