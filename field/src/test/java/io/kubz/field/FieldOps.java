package io.kubz.field;

import java.math.BigInteger;

/** The kernels of Fr or Fq, as seen by {@link FieldKernelContract}. */
record FieldOps(
    BigInteger p,
    Bin add, Bin sub, Bin mul,
    Un square, Un neg, Un dbl, Un inverse, Un copy,
    Pow pow, SetLong set, Out setZero, Out setOne,
    Test isZero, Eq equal, Batch batchInverse, Batch batchInverseParallel,
    FromBig fromBigInteger, ToBig toBigInteger,
    ToBytes toBytesBE, ToBytes toBytesLE, FromBytes fromBytesBE, FromBytes fromBytesLE,
    Un toCanonicalLimbs, Un fromCanonicalLimbs) {

  interface Bin { void run(long[] z, int zo, long[] x, int xo, long[] y, int yo); }
  interface Un { void run(long[] z, int zo, long[] x, int xo); }
  interface Pow { void run(long[] z, int zo, long[] x, int xo, BigInteger e); }
  interface SetLong { void run(long[] z, int zo, long v); }
  interface Out { void run(long[] z, int zo); }
  interface Test { boolean run(long[] x, int xo); }
  interface Eq { boolean run(long[] x, int xo, long[] y, int yo); }
  interface Batch { void run(long[] a, int off, int n); }
  interface FromBig { void run(long[] z, int zo, BigInteger v); }
  interface ToBig { BigInteger run(long[] x, int xo); }
  interface ToBytes { void run(long[] x, int xo, byte[] out, int oo); }
  interface FromBytes { void run(long[] z, int zo, byte[] in, int io); }

  static final BigInteger R = BigInteger.ONE.shiftLeft(256);

  /** Montgomery limbs of v computed with BigInteger only (independent of the kernels). */
  void load(long[] z, int zo, BigInteger v) {
    BigInteger m = v.mod(p).multiply(R).mod(p);
    for (int i = 0; i < 4; i++) {
      z[zo + i] = m.shiftRight(64 * i).longValue();
    }
  }

  /** The value of Montgomery limbs, computed with BigInteger only. */
  BigInteger read(long[] x, int xo) {
    BigInteger m = BigInteger.ZERO;
    for (int i = 3; i >= 0; i--) {
      m = m.shiftLeft(64).or(new BigInteger(Long.toUnsignedString(x[xo + i])));
    }
    return m.multiply(R.modInverse(p)).mod(p);
  }
}
