/**
 * Base64 for binary sample data inside JSON. Hand-written because `btoa` needs a binary string
 * (slow and memory-hungry for megabytes) and `Uint8Array.prototype.toBase64` is not yet in every
 * browser this app supports, nor in Node 20.
 */

const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
const PAD = 61; // '='
const charOf = Uint8Array.from(alphabet, (char) => char.charCodeAt(0));
const valueOf = new Int8Array(128).fill(-1);
charOf.forEach((char, value) => (valueOf[char] = value));
const ascii = new TextDecoder();

/**
 * @example
 * encodeBase64(new Uint8Array([1, 2, 3, 4])) // 'AQIDBA=='
 */
export function encodeBase64(bytes: Uint8Array): string {
  const out = new Uint8Array(Math.ceil(bytes.length / 3) * 4);
  let o = 0;
  let i = 0;
  for (; i + 2 < bytes.length; i += 3) {
    const n = (bytes[i]! << 16) | (bytes[i + 1]! << 8) | bytes[i + 2]!;
    out[o++] = charOf[n >> 18]!;
    out[o++] = charOf[(n >> 12) & 63]!;
    out[o++] = charOf[(n >> 6) & 63]!;
    out[o++] = charOf[n & 63]!;
  }
  const rest = bytes.length - i;
  if (rest > 0) {
    const n = (bytes[i]! << 16) | (rest === 2 ? bytes[i + 1]! << 8 : 0);
    out[o++] = charOf[n >> 18]!;
    out[o++] = charOf[(n >> 12) & 63]!;
    out[o++] = rest === 2 ? charOf[(n >> 6) & 63]! : PAD;
    out[o] = PAD;
  }
  // The output is ASCII, which decodes to a string far faster than one character at a time.
  return ascii.decode(out);
}

/**
 * The bytes of padded base64 text, or null when it is not base64.
 *
 * @example
 * decodeBase64('AQIDBA==') // Uint8Array [1, 2, 3, 4]
 * decodeBase64('AQID!') // null
 */
export function decodeBase64(text: string): Uint8Array | null {
  if (text.length % 4 !== 0) return null;
  const padding = text.endsWith('==') ? 2 : text.endsWith('=') ? 1 : 0;
  const out = new Uint8Array((text.length / 4) * 3 - padding);
  const dataEnd = text.length - padding;
  let o = 0;
  for (let i = 0; i < text.length; i += 4) {
    let n = 0;
    for (let k = i; k < i + 4; k += 1) {
      const code = text.charCodeAt(k);
      const value = k >= dataEnd ? 0 : code < 128 ? valueOf[code]! : -1;
      if (value < 0) return null;
      n = (n << 6) | value;
    }
    out[o++] = n >> 16;
    if (o < out.length) out[o++] = (n >> 8) & 255;
    if (o < out.length) out[o++] = n & 255;
  }
  return out;
}
