package io.kubz.lookup.table;

/**
 * The error function, to double precision, from StrictMath only (so it is the same on every JVM).
 *
 * <p>|x| &lt; 2.5: the Maclaurin series erf x = 2/√π · Σ (−1)^n x^(2n+1) / (n!(2n+1)), summed until
 * terms vanish. Beyond: the continued fraction of erfc (Abramowitz &amp; Stegun 7.1.14),
 * erfc x = e^(−x²)/√π · 1/(x + (1/2)/(x + 1/(x + (3/2)/(x + …)))), evaluated bottom-up with a fixed
 * depth that converges well for x ≥ 2.5.
 */
public final class Erfs {
  private Erfs() {}

  /** erf(x) to double precision; odd, NaN for NaN. */
  public static double erf(double x) {
    if (Double.isNaN(x)) {
      return x;
    }
    double a = Math.abs(x);
    double r;
    if (a < 2.5) {
      double term = a;
      double sum = a;
      double x2 = a * a;
      for (int n = 1; n < 200; n++) {
        term *= -x2 / n;
        double add = term / (2 * n + 1);
        sum += add;
        if (Math.abs(add) < 1e-17 * Math.abs(sum)) {
          break;
        }
      }
      r = 2 / StrictMath.sqrt(StrictMath.PI) * sum;
    } else if (a > 6) {
      r = 1;
    } else {
      double f = a;
      for (int k = 60; k >= 1; k--) {
        f = a + (k / 2.0) / f;
      }
      r = 1 - StrictMath.exp(-a * a) / StrictMath.sqrt(StrictMath.PI) / f;
    }
    return Math.copySign(r, x);
  }
}
