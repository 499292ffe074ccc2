package io.kubz.gkr.sumcheck;

import io.kubz.field.Fr;
import io.kubz.gkr.mle.Mle;
import io.kubz.poly.transcript.Transcript;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The sumcheck of Σ_x eq(z, x)·g(x) for a composition g of degree d_g, with eq kept out of the
 * tables (Gruen, eprint 2024/108 §3): in round k, eq(z, (r_{&lt;k}, X, x')) =
 * P_k·eq(z_k, X)·eq(z_{&gt;k}, x') with P_k = Π_{i&lt;k} eq(z_i, r_i), so
 * s_k(X) = P_k·eq(z_k, X)·t_k(X), t_k(X) = Σ_{x'} eq(z_{&gt;k}, x')·g(X, x') of degree d_g. The
 * prover sums t_k at X = 0, 2, …, d_g, gets t_k(1) from the running claim
 * (claim = P_k·((1 − z_k)·t_k(0) + z_k·t_k(1))), extrapolates t_k(d_g + 1) and sends s_k at
 * 0..d_g + 1. The messages are exactly those of {@link SumcheckProver} on the product
 * eq·g of degree d_g + 1 (the round polynomials of an honest prover are unique), so
 * {@link SumcheckVerifier} checks them with degree d_g + 1; it saves one evaluation point and the
 * folding of the eq table.
 */
public final class EqSumcheckProver {
  private EqSumcheckProver() {}

  /**
   * Proves Σ_x eq(z, x)·g(tables(x)) = claim, z of v coordinates and tables of 2^v entries. The
   * output's final values are the tables' (not eq's) at the point.
   */
  public static SumcheckProver.Output prove(long[] z, Composition g, long[][] tables, Fr claim,
      Transcript t) {
    int v = Mle.vars(tables[0]);
    if (z.length != 4 * v || tables.length != g.factorCount()) {
      throw new IllegalArgumentException("eq point of " + z.length / 4 + " coordinates, tables of "
          + v + " variables, " + tables.length + " tables for " + g.factorCount() + " factors");
    }
    return prove(z, g, tables, new int[tables.length], claim, t);
  }

  /**
   * The same over tables read in place: table j is the 2^v entries of tables[j] from element
   * offsets[j]/4 on (offsets in longs), v = z.length/4, so a caller can hand over halves of a
   * larger array without copying them. The arrays are read, never written.
   */
  public static SumcheckProver.Output prove(long[] z, Composition g, long[][] tables,
      int[] offsets, Fr claim, Transcript t) {
    int v = z.length / 4;
    if (z.length % 4 != 0 || tables.length != g.factorCount() || offsets.length != tables.length) {
      throw new IllegalArgumentException(tables.length + " tables and " + offsets.length
          + " offsets for " + g.factorCount() + " factors");
    }
    for (int j = 0; j < tables.length; j++) {
      if (offsets[j] < 0 || offsets[j] % 4 != 0 || tables[j].length - offsets[j] < (4L << v)) {
        throw new IllegalArgumentException("table " + j + " has no 2^" + v + " entries at offset "
            + offsets[j]);
      }
    }
    int dg = g.degree();
    int d = dg + 1;
    SumcheckTranscript.begin(t, v, d);
    RoundKernel kernel = new RoundKernel(g);
    // round k weighs pair i with eq(z_{>k}, bits(i)); round 0's table here, later ones summed
    long[] w0 = v == 0 ? null : Mle.eq(Arrays.copyOfRange(z, 4, 4 * v));
    Rounds rs = new Rounds(tables, offsets, v, w0);
    long[] point = new long[4 * v];
    long[] sums = new long[4 * dg];
    Fr c = claim;
    Fr prefix = Fr.ONE;
    List<List<Fr>> rounds = new ArrayList<>(v);
    for (int k = 0; k < v; k++) {
      int half = 1 << (v - 1 - k);
      RoundInput in = rs.next(k, point);
      kernel.sums(in, half, sums, 0);
      Fr zk = Fr.readFrom(z, 4 * k);
      List<Fr> tv = new ArrayList<>(dg + 1);
      tv.add(Fr.readFrom(sums, 0));
      tv.add(Fr.ZERO); // t(1), below
      for (int p = 1; p < dg; p++) {
        tv.add(Fr.readFrom(sums, 4 * p));
      }
      if (zk.isZero() || prefix.isZero()) {
        tv.set(1, direct(g, in, half));
      } else {
        // t(1) = (claim / P − (1 − z_k)·t(0)) / z_k
        tv.set(1, c.mul(prefix.inverse()).sub(Fr.ONE.sub(zk).mul(tv.get(0))).mul(zk.inverse()));
      }
      List<Fr> msg = new ArrayList<>(d + 1);
      for (int x = 0; x <= d; x++) {
        Fr tx = x <= dg ? tv.get(x) : RoundPoly.evaluate(tv, Fr.of(x));
        msg.add(prefix.mul(eq1(zk, Fr.of(x))).mul(tx));
      }
      rounds.add(msg);
      Fr r = SumcheckTranscript.round(t, msg);
      r.writeTo(point, 4 * k);
      c = RoundPoly.evaluate(msg, r);
      prefix = prefix.mul(eq1(zk, r));
    }
    return new SumcheckProver.Output(new SumcheckProof(rounds), point, rs.finals(point));
  }

  /** eq(z, x) for one coordinate: z·x + (1 − z)·(1 − x). */
  private static Fr eq1(Fr z, Fr x) {
    return z.mul(x).add(Fr.ONE.sub(z).mul(Fr.ONE.sub(x)));
  }

  /** t(1) = Σ_i w[i]·g(tables[2i+1]) directly: the path for a zero z_k or prefix (probability ~2^-250). */
  private static Fr direct(Composition g, RoundInput in, int half) {
    int m = in.tab().length;
    long[] vals = new long[4 * m];
    long[] w = in.weights();
    Fr sum = Fr.ZERO;
    for (int i = 0; i < half; i++) {
      for (int j = 0; j < m; j++) {
        Fr.copy(vals, 4 * j, in.current(j), in.at(j) + 8 * i + 4);
      }
      sum = sum.add(g.evaluate(vals).mul(Fr.readFrom(w, 4 * i)));
    }
    return sum;
  }
}
