package io.kubz.gkr.logup;

import io.kubz.field.Fr;
import io.kubz.field.Parallel;
import io.kubz.gkr.mle.Mle;
import io.kubz.gkr.sumcheck.Composition;
import io.kubz.gkr.sumcheck.EqSumcheckProver;
import io.kubz.gkr.sumcheck.SumcheckProver;
import io.kubz.gkr.sumcheck.Term;
import io.kubz.poly.transcript.Transcript;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Proves Σ_x p(x)/q(x) over 2^n leaves as a binary tree of fractions (see the package
 * documentation): layer j has 2^j entries, entry i the sum of its children i and i + 2^j of layer
 * j + 1 (the child bit is the top variable), p = p0·q1 + p1·q0, q = q0·q1.
 */
public final class TowerProver {
  /** A test seam: may change a layer's child values (p0, p1, q0, q1, 4 limbs each) before they are absorbed. */
  @FunctionalInterface
  public interface Hook {
    void children(int layer, long[] pq);
  }

  /** The proof and the claims it ends in: p̃(point) and q̃(point) on the leaves (n variables). */
  public record Output(TowerProof proof, long[] point, Fr p, Fr q) {}

  /** p0·q1 + p1·q0 + λ·q0·q1 over the factors (p0, p1, q0, q1); the sumcheck multiplies by eq(z, ·). */
  static Composition layerComposition(Fr lambda) {
    return Composition.of(4, new Term(Fr.ONE, new int[] {0, 3}),
        new Term(Fr.ONE, new int[] {1, 2}), new Term(lambda, new int[] {2, 3}));
  }

  private TowerProver() {}

  public static Output prove(long[] p, long[] q, Transcript t) {
    return prove(p, q, t, null);
  }

  public static Output prove(long[] p, long[] q, Transcript t, Hook hook) {
    return prove(p, q, t, hook, 0);
  }

  /** As above, the hook seeing layer j as {@code hookOffset + j}. */
  static Output prove(long[] p, long[] q, Transcript t, Hook hook, int hookOffset) {
    int n = Mle.vars(p);
    if (n < 1 || q.length != p.length) {
      throw new IllegalArgumentException("a tower needs p and q of the same size 2^n, n >= 1");
    }
    long[][] lp = new long[n + 1][];
    long[][] lq = new long[n + 1][];
    lp[n] = p;
    lq[n] = q;
    for (int j = n - 1; j >= 0; j--) {
      layer(lp, lq, j);
    }
    List<TowerProof.Layer> layers = new ArrayList<>(n);
    long[] c = new long[16];
    Fr.copy(c, 0, lp[1], 0);
    Fr.copy(c, 4, lp[1], 4);
    Fr.copy(c, 8, lq[1], 0);
    Fr.copy(c, 12, lq[1], 4);
    long[] point = new long[0];
    Fr[] state = null; // μ, λ, claim p, claim q
    for (int j = 0; j < n; j++) {
      io.kubz.gkr.sumcheck.SumcheckProof sc = new io.kubz.gkr.sumcheck.SumcheckProof(List.of());
      if (j > 0) {
        int size = 1 << j;
        Fr lambda = state[1];
        // the halves of layer j + 1 in place: p0 = lp[0, size), p1 = lp[size, 2·size), q likewise
        long[][] tables = {lp[j + 1], lp[j + 1], lq[j + 1], lq[j + 1]};
        int[] offsets = {0, 4 * size, 0, 4 * size};
        Fr claim = state[2].add(lambda.mul(state[3]));
        SumcheckProver.Output out = EqSumcheckProver.prove(point, layerComposition(lambda), tables,
            offsets, claim, t);
        lp[j + 1] = null; // the layer below is no longer needed once proved
        lq[j + 1] = null;
        sc = out.proof();
        System.arraycopy(out.finalValues(), 0, c, 0, 16);
        point = out.point();
      }
      if (hook != null) {
        hook.children(hookOffset + j, c);
      }
      List<Fr> children = new ArrayList<>(4);
      for (int k = 0; k < 4; k++) {
        children.add(Fr.readFrom(c, 4 * k));
      }
      layers.add(new TowerProof.Layer(sc, children));
      state = TowerVerifier.merge(t, children);
      long[] next = Arrays.copyOf(point, point.length + 4);
      state[0].writeTo(next, point.length);
      point = next;
    }
    return new Output(new TowerProof(layers), point, state[2], state[3]);
  }

  /** Layer j from layer j + 1: entry i merges children i and i + 2^j. */
  private static void layer(long[][] lp, long[][] lq, int j) {
    int size = 1 << j;
    long[] cp = lp[j + 1];
    long[] cq = lq[j + 1];
    long[] pp = new long[4 * size];
    long[] pq = new long[4 * size];
    Parallel.forRange(0, size, Mle.PARALLEL_MIN, (from, to) -> {
      long[] tmp = new long[4];
      for (int i = from; i < to; i++) {
        int a = 4 * i;
        int b = 4 * (i + size);
        // p = p0·q1 + p1·q0, q = q0·q1
        Fr.mul(tmp, 0, cp, a, cq, b);
        Fr.mul(pp, a, cp, b, cq, a);
        Fr.add(pp, a, pp, a, tmp, 0);
        Fr.mul(pq, a, cq, a, cq, b);
      }
    });
    lp[j] = pp;
    lq[j] = pq;
  }
}
