package io.kubz.poly;

import io.kubz.field.Fr;
import io.kubz.field.Parallel;
import io.kubz.poly.ntt.Domain;
import io.kubz.poly.ntt.Ntt;
import java.math.BigInteger;

/**
 * A polynomial of degree &lt; n given by its evaluations e_i = p(x_i) on a domain of size n, in
 * natural order: x_i = ω^i, or x_i = g·ω^i when {@link #onCoset()}. Operations require the same
 * domain size and the same coset flag (mixing them is an {@code IllegalArgumentException}).
 * Operations return new polynomials and never write their inputs.
 */
public final class LagrangePoly {
  private final Domain domain;
  private final boolean coset;
  private final long[] e;

  private LagrangePoly(Domain domain, boolean coset, long[] e) {
    this.domain = domain;
    this.coset = coset;
    this.e = e;
  }

  /** Wraps exactly {@code domain.size()} flat evaluations without copying. */
  public static LagrangePoly wrap(Domain domain, boolean onCoset, long[] evals) {
    if (evals.length != 4 * domain.size()) {
      throw new IllegalArgumentException(
          evals.length / 4 + " evaluations for a domain of size " + domain.size());
    }
    return new LagrangePoly(domain, onCoset, evals);
  }

  /** Evaluations over H given as values (zero-padded up to the domain size). */
  public static LagrangePoly of(Domain domain, Fr... evals) {
    if (evals.length > domain.size()) {
      throw new IllegalArgumentException(evals.length + " values exceed domain size " + domain.size());
    }
    long[] e = new long[4 * domain.size()];
    for (int i = 0; i < evals.length; i++) {
      evals[i].writeTo(e, 4 * i);
    }
    return new LagrangePoly(domain, false, e);
  }

  public Domain domain() {
    return domain;
  }

  public boolean onCoset() {
    return coset;
  }

  public int size() {
    return domain.size();
  }

  /** The backing array (not a copy). */
  public long[] limbs() {
    return e;
  }

  public Fr value(int i) {
    return Fr.readFrom(e, 4 * i);
  }

  private void requireCompatible(LagrangePoly o) {
    if (o.domain.size() != domain.size() || o.coset != coset) {
      throw new IllegalArgumentException("evaluations over different domains: size " + domain.size()
          + (coset ? " (coset)" : "") + " vs " + o.domain.size() + (o.coset ? " (coset)" : ""));
    }
  }

  public LagrangePoly add(LagrangePoly o) {
    return pointwise(o, 0);
  }

  public LagrangePoly sub(LagrangePoly o) {
    return pointwise(o, 1);
  }

  /** Pointwise product: the evaluations of p·q, which is p·q itself only if deg(p·q) &lt; n. */
  public LagrangePoly mul(LagrangePoly o) {
    return pointwise(o, 2);
  }

  private LagrangePoly pointwise(LagrangePoly o, int op) {
    requireCompatible(o);
    long[] z = new long[e.length];
    long[] y = o.e;
    Parallel.forRange(0, size(), 1 << 13, (from, to) -> {
      for (int i = from; i < to; i++) {
        int k = 4 * i;
        switch (op) {
          case 0 -> Fr.add(z, k, e, k, y, k);
          case 1 -> Fr.sub(z, k, e, k, y, k);
          default -> Fr.mul(z, k, e, k, y, k);
        }
      }
    });
    return new LagrangePoly(domain, coset, z);
  }

  public LagrangePoly scale(Fr s) {
    long[] sl = new long[4];
    s.writeTo(sl, 0);
    long[] z = new long[e.length];
    Parallel.forRange(0, size(), 1 << 13, (from, to) -> {
      for (int i = from; i < to; i++) {
        Fr.mul(z, 4 * i, e, 4 * i, sl, 0);
      }
    });
    return new LagrangePoly(domain, coset, z);
  }

  /** Interpolation over the domain (inverse NTT, coset-aware). */
  public CoeffPoly toCoeff() {
    long[] a = e.clone();
    if (coset) {
      Ntt.radix2().cosetInverse(domain, a);
    } else {
      Ntt.radix2().inverse(domain, a);
    }
    return CoeffPoly.wrap(a);
  }

  /**
   * p(z) by the barycentric formula. With x_i = s·ω^i (s = 1 or g), Z(X) = X^n − s^n and
   * Z'(x_i) = n·x_i^{n−1} = n·s^n / x_i, so p(z) = (z^n − s^n)/(n·s^n) · Σ_i e_i·x_i/(z − x_i);
   * if z is one of the x_i the value e_i is returned.
   */
  public Fr evaluate(Fr z) {
    int n = size();
    Fr s = coset ? domain.cosetShift() : Fr.ONE;
    long[] zl = new long[4];
    z.writeTo(zl, 0);
    long[] inv0 = new long[4];
    s.inverse().writeTo(inv0, 0);
    long[] omInv = new long[4];
    domain.omega().inverse().writeTo(omInv, 0);
    // d_i = z/x_i − 1 = z·s^{-1}·ω^{-i} − 1, whose inverse is x_i/(z − x_i)
    long[] den = new long[4 * n];
    long[] one = new long[4];
    Fr.setOne(one, 0);
    Parallel.forRange(0, n, 1 << 12, (from, to) -> {
      long[] xinv = new long[4];
      Fr.pow(xinv, 0, omInv, 0, BigInteger.valueOf(from));
      Fr.mul(xinv, 0, xinv, 0, inv0, 0);
      for (int i = from; i < to; i++) {
        Fr.mul(den, 4 * i, zl, 0, xinv, 0);
        Fr.sub(den, 4 * i, den, 4 * i, one, 0);
        Fr.mul(xinv, 0, xinv, 0, omInv, 0);
      }
    });
    for (int i = 0; i < n; i++) {
      if (Fr.isZero(den, 4 * i)) {
        return value(i);
      }
    }
    Fr.batchInverse(den, 0, n);
    int chunks = Math.max(1, Math.min(Parallel.threads() * 4, n / 1024));
    long[] partial = new long[4 * chunks];
    int used = Parallel.forChunks(0, n, chunks, (chunk, from, to) -> {
      long[] acc = new long[4];
      long[] t = new long[4];
      for (int i = from; i < to; i++) {
        Fr.mul(t, 0, e, 4 * i, den, 4 * i);
        Fr.add(acc, 0, acc, 0, t, 0);
      }
      Fr.copy(partial, 4 * chunk, acc, 0);
    });
    Fr sum = Fr.ZERO;
    for (int k = 0; k < used; k++) {
      sum = sum.add(Fr.readFrom(partial, 4 * k));
    }
    Fr sn = s.pow(n);
    Fr factor = z.pow(n).sub(sn).mul(Fr.of(n).mul(sn).inverse());
    return sum.mul(factor);
  }

  /**
   * Division by the vanishing polynomial Z(X) = X^m − 1 of a smaller domain (m | n) for
   * evaluations on the coset gH_n, where Z never vanishes: Z(g·ω_n^i) = g^m·ω_n^{im} − 1 takes only
   * n/m distinct values, which are inverted once. The result is exact (the evaluations of p/Z) only
   * when Z divides p.
   */
  public LagrangePoly divideByVanishing(int m) {
    if (!coset) {
      throw new IllegalArgumentException("division by X^m − 1 needs evaluations on the coset");
    }
    int n = size();
    if (m <= 0 || m > n || n % m != 0) {
      throw new IllegalArgumentException("vanishing degree " + m + " must divide " + n);
    }
    int period = n / m;
    // Z(g·ω^i) = g^m·(ω^m)^i − 1, where ω^m has order n/m
    Fr gm = domain.cosetShift().pow(m);
    Fr wm = domain.omega().pow(m);
    long[] zinv = new long[4 * period];
    Fr w = Fr.ONE;
    for (int i = 0; i < period; i++) {
      gm.mul(w).sub(Fr.ONE).writeTo(zinv, 4 * i);
      w = w.mul(wm);
    }
    Fr.batchInverse(zinv, 0, period);
    long[] z = new long[e.length];
    Parallel.forRange(0, n, 1 << 13, (from, to) -> {
      for (int i = from; i < to; i++) {
        Fr.mul(z, 4 * i, e, 4 * i, zinv, 4 * (i % period));
      }
    });
    return new LagrangePoly(domain, true, z);
  }
}
