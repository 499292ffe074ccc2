package io.kubz.slicer.onnx;

/** IEEE 754 binary16 ↔ binary32 (JDK 17 has no Float.float16ToFloat). */
final class Half {
  private Half() {}

  static float toFloat(short bits) {
    int h = bits & 0xFFFF;
    int sign = (h >>> 15) << 31;
    int exp = (h >>> 10) & 0x1F;
    int mant = h & 0x3FF;
    if (exp == 0x1F) {
      return Float.intBitsToFloat(sign | 0x7F800000 | (mant << 13));
    }
    if (exp == 0) {
      // Subnormal: mant · 2^−24.
      float v = mant * 0x1p-24f;
      return sign != 0 ? -v : v;
    }
    return Float.intBitsToFloat(sign | ((exp - 15 + 127) << 23) | (mant << 13));
  }

  /** Round-to-nearest-even conversion. */
  static short fromFloat(float f) {
    int x = Float.floatToRawIntBits(f);
    int sign = (x >>> 16) & 0x8000;
    int exp = ((x >>> 23) & 0xFF) - 127 + 15;
    int mant = x & 0x7FFFFF;
    if (((x >>> 23) & 0xFF) == 0xFF) {
      return (short) (sign | 0x7C00 | (mant != 0 ? 0x200 : 0));
    }
    if (exp >= 0x1F) {
      return (short) (sign | 0x7C00);
    }
    if (exp <= 0) {
      if (exp < -10) {
        return (short) sign;
      }
      mant |= 0x800000;
      int shift = 14 - exp;
      int r = mant >>> shift;
      int rem = mant & ((1 << shift) - 1);
      int half = 1 << (shift - 1);
      if (rem > half || (rem == half && (r & 1) == 1)) {
        r++;
      }
      return (short) (sign | r);
    }
    int r = (exp << 10) | (mant >>> 13);
    int rem = mant & 0x1FFF;
    if (rem > 0x1000 || (rem == 0x1000 && (r & 1) == 1)) {
      r++;
    }
    return (short) (sign | r);
  }
}
