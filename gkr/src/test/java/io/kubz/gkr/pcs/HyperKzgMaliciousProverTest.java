package io.kubz.gkr.pcs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kubz.field.Fr;
import io.kubz.field.G1;
import io.kubz.field.Msm;
import io.kubz.poly.transcript.Transcript;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * A prover who claims a wrong value v' and, after seeing r, changes f_{n−1}(r) so that every fold
 * equation holds, then answers every later message consistently (B's values from the changed
 * evaluations, the KZG witness for them). Only the KZG opening can catch it, and must.
 */
class HyperKzgMaliciousProverTest {
  private final HyperKzg pcs = new HyperKzg(HyperKzgTest.SRS);

  @Test
  void aLieThatPassesEveryFoldEquationFailsTheOpening() {
    for (int n : new int[] {1, 3, 6}) {
      Random rnd = new Random(40 + n);
      long[] f = Mles.random(rnd, n);
      Fr[] u = new Fr[n];
      for (int i = 0; i < n; i++) {
        u[i] = Fr.random(rnd);
      }
      G1 c = pcs.commit(f);
      Fr honest = Mles.evaluate(f, u);
      Fr lie = honest.add(Fr.ONE);
      HyperKzgProof p = cheat(HyperKzgTest.transcript(), c, f, u, lie, true);
      assertFalse(pcs.verify(HyperKzgTest.transcript(), c, u, lie, p), "n = " + n);
      // the same prover without the lie is honest and accepted: the harness is the real protocol
      HyperKzgProof ok = cheat(HyperKzgTest.transcript(), c, f, u, honest, false);
      assertTrue(pcs.verify(HyperKzgTest.transcript(), c, u, honest, ok), "n = " + n);
      assertEquals(pcs.open(HyperKzgTest.transcript(), c, f, u).proof(), ok);
    }
  }

  /** {@link HyperKzg#open} with the claimed value {@code v}, patching f_{n−1}(r) when asked. */
  private HyperKzgProof cheat(Transcript t, G1 c, long[] f0, Fr[] u, Fr v, boolean patch) {
    int n = u.length;
    long[][] f = new long[n + 1][];
    f[0] = f0;
    long[] ul = new long[4];
    for (int i = 0; i < n; i++) {
      u[i].writeTo(ul, 0);
      f[i + 1] = Folding.fold(f[i], 1 << (n - i - 1), ul, 0);
    }
    HyperKzg.absorbStatement(t, c, u, v);
    List<G1> folds = new ArrayList<>();
    for (int i = 1; i < n; i++) {
      G1 ci = Msm.g1(HyperKzgTest.SRS.g1Powers(), f[i], 1 << (n - i));
      folds.add(ci);
      t.absorbG1("hyperkzg fold", ci);
    }
    Fr r = t.challenge("hyperkzg r");
    long[] rl = new long[4];
    long[] r2 = new long[4];
    r.writeTo(rl, 0);
    r.square().writeTo(r2, 0);
    long[] ev = new long[12 * n];
    for (int i = 0; i < n; i++) {
      Folding.evalPlusMinus(ev, 12 * i, f[i], 1 << (n - i), rl, 0);
      Folding.eval(ev, 12 * i + 8, f[i], 1 << (n - i), r2, 0);
    }
    List<Fr> evals = new ArrayList<>();
    for (int k = 0; k < 3 * n; k++) {
      evals.add(Fr.readFrom(ev, 4 * k));
    }
    if (patch) {
      // 2r·v = r(1 − u)(a + b) + u(a − b) solved for a = f_{n−1}(r), b = f_{n−1}(−r) kept
      Fr un = u[n - 1];
      Fr b = evals.get(3 * (n - 1) + 1);
      Fr a = r.add(r).mul(v).sub(r.mul(Fr.ONE.sub(un)).mul(b)).add(un.mul(b))
          .mul(r.mul(Fr.ONE.sub(un)).add(un).inverse());
      evals.set(3 * (n - 1), a);
      Fr rhs = r.mul(Fr.ONE.sub(un)).mul(a.add(b)).add(un.mul(a.sub(b)));
      assertEquals(r.add(r).mul(v), rhs, "the patched last fold equation holds");
    }
    for (Fr e : evals) {
      t.absorbScalar("hyperkzg eval", e);
    }
    Fr q = t.challenge("hyperkzg q");
    long[] b = f0.clone();
    long[] qi = new long[4];
    long[] ql = new long[4];
    Fr.setOne(qi, 0);
    q.writeTo(ql, 0);
    for (int i = 1; i < n; i++) {
      Fr.mul(qi, 0, qi, 0, ql, 0);
      Folding.addScaled(b, f[i], 1 << (n - i), qi);
    }
    G1 w = ThreePointOpening.open(t, HyperKzgTest.SRS, b, HyperKzg.openingPoints(r),
        HyperKzg.combine(evals, q, n));
    return new HyperKzgProof(folds, evals, List.of(w));
  }
}
