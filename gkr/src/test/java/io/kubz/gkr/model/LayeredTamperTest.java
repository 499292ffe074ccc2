package io.kubz.gkr.model;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kubz.field.Fr;
import io.kubz.field.G1;
import io.kubz.gkr.logup.LogupProof;
import io.kubz.gkr.logup.TowerProof;
import io.kubz.gkr.opening.ReductionProof;
import io.kubz.gkr.pcs.HyperKzgProof;
import io.kubz.gkr.sumcheck.SumcheckProof;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

/**
 * GKR.md "Tests that prove soundness" items 4 and 5: every field element and every point of a proof
 * changed, round polynomials of another degree, truncated and extended bytes, and a proof checked
 * against another model: false, never an exception.
 */
class LayeredTamperTest {
  private final Models.Case c = Models.small(3);
  private final LayeredProver.Output out = LayeredTest.prove(c);

  private boolean verify(LayeredProof p) {
    return LayeredVerifier.verify(c.model(), c.inputs(), out.outputs(), p, LayeredTest.PCS,
        LayeredTest.transcript());
  }

  /** Rebuilds a proof with every Fr passed through fr (index, value) and every G1 through g1. */
  static final class Mapper {
    private final int frTarget;
    private final int g1Target;
    int fr;
    int g1;

    Mapper(int frTarget, int g1Target) {
      this.frTarget = frTarget;
      this.g1Target = g1Target;
    }

    Fr fr(Fr x) {
      return fr++ == frTarget ? x.add(Fr.ONE) : x;
    }

    G1 g1(G1 p) {
      return g1++ == g1Target ? p.add(G1.generator()) : p;
    }

    List<Fr> frs(List<Fr> xs) {
      return xs.stream().map(this::fr).toList();
    }

    SumcheckProof sc(SumcheckProof s) {
      return new SumcheckProof(s.rounds().stream().map(this::frs).toList());
    }

    TowerProof tower(TowerProof t) {
      return new TowerProof(t.layers().stream()
          .map(l -> new TowerProof.Layer(sc(l.sumcheck()), frs(l.children()))).toList());
    }

    LayeredProof map(LayeredProof p) {
      G1 wit = p.wit == null ? null : g1(p.wit);
      LogupProof logup = p.logup == null ? null : new LogupProof(p.logup.tables().stream()
          .map(tp -> {
            TowerProof lookups = tower(tp.lookupTower());
            TowerProof table = tower(tp.tableTower());
            return new LogupProof.TableProof(lookups, table, frs(tp.columnEvals()), fr(tp.multiplicityEval()));
          }).toList());
      List<Fr> evals = frs(p.evals);
      List<SumcheckProof> sums = p.sumchecks.stream().map(this::sc).toList();
      ReductionProof opening = p.opening == null ? null
          : new ReductionProof(sc(p.opening.sumcheck()), fr(p.opening.value()));
      HyperKzgProof pcs = p.pcs == null ? null : new HyperKzgProof(
          p.pcs.folds().stream().map(this::g1).toList(), frs(p.pcs.evals()),
          p.pcs.witnesses().stream().map(this::g1).toList());
      List<G1> boundary = p.boundary.stream().map(this::g1).toList();
      List<ReductionProof> bOpen = p.boundaryOpenings.stream()
          .map(o -> new ReductionProof(sc(o.sumcheck()), fr(o.value()))).toList();
      List<HyperKzgProof> bPcs = p.boundaryPcs.stream().map(h -> new HyperKzgProof(
          h.folds().stream().map(this::g1).toList(), frs(h.evals()),
          h.witnesses().stream().map(this::g1).toList())).toList();
      return new LayeredProof(wit, logup, evals, sums, opening, pcs, boundary, bOpen, bPcs);
    }

    int frs() {
      return fr;
    }

    int g1s() {
      return g1;
    }
  }

  @Test
  void everyFieldElementPlusOneIsRejected() {
    assertTrue(verify(out.proof()));
    Mapper count = new Mapper(-1, -1);
    count.map(out.proof());
    assertTrue(count.fr > 50, "the proof has " + count.fr + " field elements");
    for (int i = 0; i < count.fr; i++) {
      assertFalse(verify(new Mapper(i, -1).map(out.proof())), "field element " + i);
    }
  }

  @Test
  void everyFieldElementOfAReluAsMaxProofPlusOneIsRejected() {
    // the lowering's ReLU (a two-input max, one range check on the sum of its differences) and the
    // pooled max(y_a, y_b, 0)
    Models.Case r = Models.reluMax(4);
    LayeredProver.Output o = LayeredTest.prove(r);
    java.util.function.Predicate<LayeredProof> ok = p -> LayeredVerifier.verify(r.model(), r.inputs(),
        o.outputs(), p, LayeredTest.PCS, LayeredTest.transcript());
    assertTrue(ok.test(o.proof()));
    Mapper count = new Mapper(-1, -1);
    count.map(o.proof());
    for (int i = 0; i < count.fr; i++) {
      assertFalse(ok.test(new Mapper(i, -1).map(o.proof())), "field element " + i);
    }
    for (int i = 0; i < count.g1; i++) {
      assertFalse(ok.test(new Mapper(-1, i).map(o.proof())), "point " + i);
    }
  }

  @Test
  void everyPointPlusTheGeneratorIsRejected() {
    Mapper count = new Mapper(-1, -1);
    count.map(out.proof());
    assertTrue(count.g1 >= 3);
    for (int i = 0; i < count.g1; i++) {
      assertFalse(verify(new Mapper(-1, i).map(out.proof())), "point " + i);
    }
  }

  private static SumcheckProof reshape(SumcheckProof s, UnaryOperator<List<Fr>> f) {
    List<List<Fr>> r = new ArrayList<>(s.rounds());
    r.set(0, f.apply(new ArrayList<>(r.get(0))));
    return new SumcheckProof(r);
  }

  @Test
  void aRoundPolynomialOfAnotherDegreeIsRejected() {
    LayeredProof p = out.proof();
    for (int k = 0; k < p.sumchecks.size(); k++) {
      if (p.sumchecks.get(k).rounds().isEmpty()) {
        continue;
      }
      for (UnaryOperator<List<Fr>> f : List.<UnaryOperator<List<Fr>>>of(
          l -> { l.add(Fr.ZERO); return l; }, l -> { l.remove(l.size() - 1); return l; })) {
        List<SumcheckProof> s = new ArrayList<>(p.sumchecks);
        s.set(k, reshape(s.get(k), f));
        assertFalse(verify(new LayeredProof(p.wit, p.logup, p.evals, s, p.opening, p.pcs)), "sumcheck " + k);
      }
    }
    ReductionProof o = new ReductionProof(reshape(p.opening.sumcheck(), l -> { l.add(Fr.ONE); return l; }),
        p.opening.value());
    assertFalse(verify(new LayeredProof(p.wit, p.logup, p.evals, p.sumchecks, o, p.pcs)));
  }

  @Test
  void missingOrExtraMessagesAreRejected() {
    LayeredProof p = out.proof();
    List<Fr> more = new ArrayList<>(p.evals);
    more.add(Fr.ONE);
    assertFalse(verify(new LayeredProof(p.wit, p.logup, more, p.sumchecks, p.opening, p.pcs)));
    assertFalse(verify(new LayeredProof(p.wit, p.logup, p.evals.subList(0, p.evals.size() - 1),
        p.sumchecks, p.opening, p.pcs)));
    assertFalse(verify(new LayeredProof(p.wit, p.logup, p.evals, p.sumchecks.subList(1,
        p.sumchecks.size()), p.opening, p.pcs)));
    assertFalse(verify(new LayeredProof(null, p.logup, p.evals, p.sumchecks, p.opening, p.pcs)));
    assertFalse(verify(new LayeredProof(p.wit, null, p.evals, p.sumchecks, p.opening, p.pcs)));
    assertFalse(verify(new LayeredProof(p.wit, p.logup, p.evals, p.sumchecks, null, p.pcs)));
  }

  @Test
  void truncatedExtendedOrFlippedBytesNeverVerify() {
    byte[] b = out.proof().toBytes();
    for (int len = 0; len < b.length; len += 1 + len / 8) {
      Optional<LayeredProof> p = LayeredProof.parse(Arrays.copyOf(b, len));
      assertTrue(p.isEmpty() || !verify(p.get()), "truncated to " + len);
    }
    byte[] longer = Arrays.copyOf(b, b.length + 1);
    assertTrue(LayeredProof.parse(longer).isEmpty() || !verify(LayeredProof.parse(longer).get()));
    byte[] twice = Arrays.copyOf(b, 2 * b.length);
    System.arraycopy(b, 0, twice, b.length, b.length);
    assertTrue(LayeredProof.parse(twice).isEmpty(), "repeated fields are not the canonical encoding");
    java.util.Random rnd = new java.util.Random(1);
    for (int i = 0; i < 200; i++) {
      byte[] f = b.clone();
      f[rnd.nextInt(f.length)] ^= (byte) (1 << rnd.nextInt(8));
      Optional<LayeredProof> p = LayeredProof.parse(f);
      assertTrue(p.isEmpty() || !verify(p.get()), "flip " + i);
    }
    assertTrue(LayeredProof.parse(null).isEmpty());
    assertTrue(LayeredProof.parse(new byte[LayeredProof.MAX_BYTES + 1]).isEmpty());
  }

  @Test
  void aProofOfOneModelFailsUnderAnother() {
    List<Layer> layers = new ArrayList<>(c.model().layers());
    Layer.Linear last = (Layer.Linear) layers.get(4);
    io.kubz.gkr.model.SparseMatrix m = last.terms().get(0).matrix();
    long[] val = m.val().clone();
    val[0] += 1;
    layers.set(4, new Layer.Linear(last.size(), List.of(new Layer.Term(3,
        new SparseMatrix(m.rows(), m.cols(), m.rowStart(), m.col(), val))), last.bias()));
    LayeredModel other = new LayeredModel(layers, c.model().outputs(), c.model().tables());
    assertFalse(java.util.Arrays.equals(ModelDigests.digest(c.model()), ModelDigests.digest(other)));
    long[][] y = Evaluator.run(other, c.inputs());
    assertFalse(LayeredVerifier.verify(other, c.inputs(), out.outputs(), out.proof(), LayeredTest.PCS,
        LayeredTest.transcript()), "model B, A's outputs");
    assertFalse(LayeredVerifier.verify(other, c.inputs(), new long[][] {y[4]}, out.proof(),
        LayeredTest.PCS, LayeredTest.transcript()), "model B, B's outputs");
  }
}
