/*
 * Declarations, no definitions: just enough of the Arduino core (ArduinoCore-mbed) for
 * `g++ -fsyntax-only` to check motion_lab.ino against the APIs it calls. Signatures follow the
 * real headers; nothing here runs.
 */
#pragma once
#include <stddef.h>
#include <stdint.h>

#define HIGH 0x1
#define LOW 0x0
#define OUTPUT 0x1
#define LED_BUILTIN 13

void pinMode(uint8_t pin, uint8_t mode);
void digitalWrite(uint8_t pin, uint8_t value);
void delay(unsigned long ms);
unsigned long micros(void);

class String {
 public:
  String(const char *text = "");
  unsigned int length(void) const;
  const char *c_str() const;
  void toUpperCase(void);
  String substring(unsigned int beginIndex) const;
  String substring(unsigned int beginIndex, unsigned int endIndex) const;
  String &operator+=(const String &rhs);
};

class HardwareSerial {
 public:
  void begin(unsigned long baud);
  size_t println(const char *text);
  size_t write(const uint8_t *buffer, size_t size);
  operator bool();
};

extern HardwareSerial Serial;
