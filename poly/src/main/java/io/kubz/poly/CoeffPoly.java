package io.kubz.poly;

import io.kubz.field.Fr;
import io.kubz.field.Parallel;
import io.kubz.poly.ntt.Domain;
import io.kubz.poly.ntt.Ntt;
import java.math.BigInteger;
import java.util.Arrays;

/**
 * A univariate polynomial p(X) = Σ c_i X^i in the coefficient basis: {@code size()} coefficients,
 * flat (4 limbs each, Fr Montgomery form), lowest degree first. Operations return new polynomials
 * and never write their inputs; {@link #limbs()} exposes the backing array for provers (callers that
 * write it own the consequences).
 */
public final class CoeffPoly {
  private static final int SCHOOLBOOK_MAX = 64;

  private final long[] c;

  private CoeffPoly(long[] c) {
    this.c = c;
  }

  /** Wraps a flat coefficient array (length a multiple of 4) without copying. */
  public static CoeffPoly wrap(long[] limbs) {
    if (limbs.length % 4 != 0) {
      throw new IllegalArgumentException("limb array length " + limbs.length + " is not 4·n");
    }
    return new CoeffPoly(limbs);
  }

  /** The zero polynomial with {@code size} (zero) coefficients. */
  public static CoeffPoly zero(int size) {
    return new CoeffPoly(new long[4 * size]);
  }

  public static CoeffPoly of(Fr... coeffs) {
    long[] c = new long[4 * coeffs.length];
    for (int i = 0; i < coeffs.length; i++) {
      coeffs[i].writeTo(c, 4 * i);
    }
    return new CoeffPoly(c);
  }

  /** Number of stored coefficients (degree + 1 at most). */
  public int size() {
    return c.length / 4;
  }

  /** The backing array (not a copy). */
  public long[] limbs() {
    return c;
  }

  public Fr coeff(int i) {
    return i < size() ? Fr.readFrom(c, 4 * i) : Fr.ZERO;
  }

  /** The degree, −1 for the zero polynomial. */
  public int degree() {
    for (int i = size() - 1; i >= 0; i--) {
      if (!Fr.isZero(c, 4 * i)) {
        return i;
      }
    }
    return -1;
  }

  /** The same polynomial with exactly {@code size} coefficients (drops only zeros when shrinking). */
  public CoeffPoly resize(int size) {
    if (size < size() && degree() >= size) {
      throw new IllegalArgumentException("degree " + degree() + " does not fit " + size + " coefficients");
    }
    return new CoeffPoly(Arrays.copyOf(c, 4 * size));
  }

  public CoeffPoly add(CoeffPoly o) {
    return combine(o, false);
  }

  public CoeffPoly sub(CoeffPoly o) {
    return combine(o, true);
  }

  private CoeffPoly combine(CoeffPoly o, boolean subtract) {
    int n = Math.max(size(), o.size());
    long[] z = new long[4 * n];
    long[] x = c;
    long[] y = o.c;
    int nx = size();
    int ny = o.size();
    Parallel.forRange(0, n, 1 << 13, (from, to) -> {
      for (int i = from; i < to; i++) {
        int k = 4 * i;
        if (i < nx && i < ny) {
          if (subtract) {
            Fr.sub(z, k, x, k, y, k);
          } else {
            Fr.add(z, k, x, k, y, k);
          }
        } else if (i < nx) {
          Fr.copy(z, k, x, k);
        } else if (subtract) {
          Fr.neg(z, k, y, k);
        } else {
          Fr.copy(z, k, y, k);
        }
      }
    });
    return new CoeffPoly(z);
  }

  /** s·p(X). */
  public CoeffPoly scale(Fr s) {
    long[] sl = new long[4];
    s.writeTo(sl, 0);
    long[] z = new long[c.length];
    Parallel.forRange(0, size(), 1 << 13, (from, to) -> {
      for (int i = from; i < to; i++) {
        Fr.mul(z, 4 * i, c, 4 * i, sl, 0);
      }
    });
    return new CoeffPoly(z);
  }

  /** p(X)·q(X): schoolbook for small operands, otherwise forward NTTs, pointwise product, inverse. */
  public CoeffPoly mul(CoeffPoly o) {
    if (size() == 0 || o.size() == 0) {
      return zero(0);
    }
    int n = size() + o.size() - 1;
    if (Math.min(size(), o.size()) <= SCHOOLBOOK_MAX) {
      return schoolbook(o, n);
    }
    Domain d = Domain.atLeast(n);
    long[] x = Arrays.copyOf(c, 4 * d.size());
    long[] y = Arrays.copyOf(o.c, 4 * d.size());
    Ntt ntt = Ntt.radix2();
    ntt.forwardToBitReversed(d, x);
    ntt.forwardToBitReversed(d, y);
    Parallel.forRange(0, d.size(), 1 << 13, (from, to) -> {
      for (int i = from; i < to; i++) {
        Fr.mul(x, 4 * i, x, 4 * i, y, 4 * i);
      }
    });
    ntt.inverseFromBitReversed(d, x);
    return new CoeffPoly(Arrays.copyOf(x, 4 * n));
  }

  private CoeffPoly schoolbook(CoeffPoly o, int n) {
    long[] z = new long[4 * n];
    long[] t = new long[4];
    for (int i = 0; i < size(); i++) {
      for (int j = 0; j < o.size(); j++) {
        Fr.mul(t, 0, c, 4 * i, o.c, 4 * j);
        Fr.add(z, 4 * (i + j), z, 4 * (i + j), t, 0);
      }
    }
    return new CoeffPoly(z);
  }

  /** p(z) by Horner's rule, chunks in parallel: p(z) = Σ_chunks z^{start}·Horner(chunk). */
  public Fr evaluate(Fr z) {
    long[] zl = new long[4];
    z.writeTo(zl, 0);
    int n = size();
    int chunks = Math.max(1, Math.min(Parallel.threads() * 4, n / (1 << 12)));
    long[] partial = new long[4 * chunks];
    int used = Parallel.forChunks(0, n, chunks, (chunk, from, to) -> {
      long[] acc = new long[4];
      for (int i = to - 1; i >= from; i--) {
        Fr.mul(acc, 0, acc, 0, zl, 0);
        Fr.add(acc, 0, acc, 0, c, 4 * i);
      }
      long[] zp = new long[4];
      Fr.pow(zp, 0, zl, 0, BigInteger.valueOf(from));
      Fr.mul(partial, 4 * chunk, acc, 0, zp, 0);
    });
    long[] sum = new long[4];
    for (int k = 0; k < used; k++) {
      Fr.add(sum, 0, sum, 0, partial, 4 * k);
    }
    return Fr.readFrom(sum, 0);
  }

  /**
   * The quotient q of p(X) = q(X)·(X − z) + p(z), by synthetic division (the remainder p(z) is
   * dropped): q_{i−1} = p_i + z·q_i from the top. Size of q: size() − 1 (at least 0).
   */
  public CoeffPoly divideByLinear(Fr z) {
    int n = size();
    if (n <= 1) {
      return zero(0);
    }
    long[] zl = new long[4];
    z.writeTo(zl, 0);
    long[] q = new long[4 * (n - 1)];
    Fr.copy(q, 4 * (n - 2), c, 4 * (n - 1));
    for (int i = n - 2; i >= 1; i--) {
      Fr.mul(q, 4 * (i - 1), q, 4 * i, zl, 0);
      Fr.add(q, 4 * (i - 1), q, 4 * (i - 1), c, 4 * i);
    }
    return new CoeffPoly(q);
  }

  /**
   * Division by the vanishing polynomial X^n − 1: returns {quotient, remainder} with
   * p = q·(X^n − 1) + r, deg r &lt; n. From p_k = q_{k−n} − q_k: q_{k−n} = p_k + q_k for k ≥ n
   * downwards, and r_k = p_k + q_k for k &lt; n.
   */
  public CoeffPoly[] divideByVanishing(int n) {
    int size = size();
    if (size <= n) {
      return new CoeffPoly[] {zero(0), new CoeffPoly(c.clone())};
    }
    long[] q = new long[4 * (size - n)];
    for (int k = size - 1; k >= n; k--) {
      if (k < size - n) {
        Fr.add(q, 4 * (k - n), c, 4 * k, q, 4 * k);
      } else {
        Fr.copy(q, 4 * (k - n), c, 4 * k);
      }
    }
    long[] r = new long[4 * n];
    for (int k = 0; k < n; k++) {
      if (k < size - n) {
        Fr.add(r, 4 * k, c, 4 * k, q, 4 * k);
      } else {
        Fr.copy(r, 4 * k, c, 4 * k);
      }
    }
    return new CoeffPoly[] {new CoeffPoly(q), new CoeffPoly(r)};
  }

  /** Evaluations over the domain (size() ≤ domain size; the coefficients are zero-padded). */
  public LagrangePoly toLagrange(Domain d) {
    long[] a = padded(d);
    Ntt.radix2().forward(d, a);
    return LagrangePoly.wrap(d, false, a);
  }

  /** Evaluations over the coset gH of the domain. */
  public LagrangePoly toCoset(Domain d) {
    long[] a = padded(d);
    Ntt.radix2().cosetForward(d, a);
    return LagrangePoly.wrap(d, true, a);
  }

  private long[] padded(Domain d) {
    if (size() > d.size() && degree() >= d.size()) {
      throw new IllegalArgumentException(
          "degree " + degree() + " does not fit a domain of size " + d.size());
    }
    return Arrays.copyOf(c, 4 * d.size());
  }

  /** Coefficient-wise equality after trimming trailing zeros. */
  public boolean sameAs(CoeffPoly o) {
    int d = degree();
    if (d != o.degree()) {
      return false;
    }
    for (int i = 0; i <= d; i++) {
      if (!Fr.equal(c, 4 * i, o.c, 4 * i)) {
        return false;
      }
    }
    return true;
  }
}
