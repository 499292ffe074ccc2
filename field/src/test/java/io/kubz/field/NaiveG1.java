package io.kubz.field;

import java.math.BigInteger;
import java.util.Random;

/**
 * Test oracle: G1 in affine coordinates over BigInteger, written from the textbook chord-and-tangent
 * formulas and nothing else. A point is {x, y}; {0, 0} is infinity.
 */
final class NaiveG1 {
  private NaiveG1() {}

  static final BigInteger Q = new BigInteger(
      "21888242871839275222246405745257275088696311157297823662689037894645226208583");
  static final BigInteger R = new BigInteger(
      "21888242871839275222246405745257275088548364400416034343698204186575808495617");
  static final BigInteger THREE = BigInteger.valueOf(3);
  static final BigInteger[] INF = {BigInteger.ZERO, BigInteger.ZERO};
  static final BigInteger[] G = {BigInteger.ONE, BigInteger.TWO};

  static boolean isInf(BigInteger[] p) {
    return p[0].signum() == 0 && p[1].signum() == 0;
  }

  static boolean onCurve(BigInteger[] p) {
    return isInf(p) || p[1].pow(2).subtract(p[0].pow(3)).subtract(THREE).mod(Q).signum() == 0;
  }

  static BigInteger[] neg(BigInteger[] p) {
    return isInf(p) ? INF : new BigInteger[] {p[0], p[1].negate().mod(Q)};
  }

  static BigInteger[] add(BigInteger[] p, BigInteger[] q) {
    if (isInf(p)) {
      return q;
    }
    if (isInf(q)) {
      return p;
    }
    BigInteger l;
    if (p[0].equals(q[0])) {
      if (p[1].add(q[1]).mod(Q).signum() == 0) {
        return INF;
      }
      l = THREE.multiply(p[0].pow(2)).multiply(p[1].shiftLeft(1).modInverse(Q)).mod(Q);
    } else {
      l = q[1].subtract(p[1]).multiply(q[0].subtract(p[0]).modInverse(Q)).mod(Q);
    }
    BigInteger x = l.pow(2).subtract(p[0]).subtract(q[0]).mod(Q);
    BigInteger y = l.multiply(p[0].subtract(x)).subtract(p[1]).mod(Q);
    return new BigInteger[] {x, y};
  }

  /** k·p by double-and-add, k ≥ 0 (not reduced: tests r·P = O this way). */
  static BigInteger[] mul(BigInteger k, BigInteger[] p) {
    BigInteger[] acc = INF;
    for (int i = k.bitLength() - 1; i >= 0; i--) {
      acc = add(acc, acc);
      if (k.testBit(i)) {
        acc = add(acc, p);
      }
    }
    return acc;
  }

  /** A random point: random x until x³ + 3 is a square (q ≡ 3 mod 4: √a = a^((q+1)/4)). */
  static BigInteger[] random(Random rnd) {
    while (true) {
      BigInteger x = new BigInteger(256, rnd).mod(Q);
      BigInteger rhs = x.pow(3).add(THREE).mod(Q);
      BigInteger y = rhs.modPow(Q.add(BigInteger.ONE).shiftRight(2), Q);
      if (y.pow(2).mod(Q).equals(rhs)) {
        return new BigInteger[] {x, rnd.nextBoolean() ? y : y.negate().mod(Q)};
      }
    }
  }

  static G1 toG1(BigInteger[] p) {
    return isInf(p) ? G1.INFINITY : G1.of(Fq.of(p[0]), Fq.of(p[1]));
  }

  static BigInteger[] fromG1(G1 p) {
    return new BigInteger[] {p.x().toBigInteger(), p.y().toBigInteger()};
  }
}
