package io.kubz.slicer.lower;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kubz.field.Fr;
import io.kubz.plonkish.Proof;
import io.kubz.plonkish.keygen.Keygen;
import io.kubz.plonkish.keygen.ProvingKey;
import io.kubz.plonkish.prover.Prover;
import io.kubz.plonkish.verifier.Verifier;
import io.kubz.poly.kzg.Kzg;
import io.kubz.poly.kzg.PolynomialCommitment;
import io.kubz.poly.srs.Srs;
import io.kubz.plonkish.builder.Circuit;
import io.kubz.plonkish.ir.CircuitDescription;
import io.kubz.plonkish.ir.Column;
import io.kubz.plonkish.ir.CopyConstraint;
import io.kubz.plonkish.ir.Expression;
import io.kubz.plonkish.ir.Gate;
import io.kubz.plonkish.ir.Region;
import io.kubz.plonkish.ir.Witness;
import io.kubz.plonkish.mock.Failure;
import io.kubz.plonkish.mock.MockProver;
import io.kubz.slicer.ir.Tensor;
import io.kubz.slicer.onnx.ExampleModels;
import io.kubz.slicer.onnx.OnnxWriter;
import io.kubz.slicer.quant.QNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * Issue #16, finding 1: a convolution with pads on the Freivalds path left its padded im2col lanes
 * free. A malicious prover puts z ≠ 0 in a padded lane of row k of X, adds z·W[·,k] to the
 * accumulators C of that column (so C·r = W·(X·r) still holds), and recomputes everything after C
 * (rescale, range checks, the public output); with z = 2^shift the remainders stay the same and
 * the outputs move by W[·,k]. Every gate and copy of today's circuit but the missing one holds, so
 * the forged output would verify. The circuit must reject the forged witness, and only because of
 * the padded lane (MockProver), and a real proof of it must not verify (dev SRS).
 */
class PaddedConvFreivaldsForgeryTest {

  /** Conv 2→4 channels, 3×3 kernel, pads 1, on a 6×6 image: the output is the model output. */
  static Models.Traced paddedConv() {
    SplittableRandom rnd = new SplittableRandom(16);
    OnnxWriter w = OnnxWriter.create("padded_conv", ExampleModels.OPSET);
    String x = w.input("input", 1, 2, 6, 6);
    String wt = w.initializer("conv.weight", uniform(rnd, 0.5, 4, 2, 3, 3));
    String b = w.initializer("conv.bias", uniform(rnd, 0.1, 4));
    String y = w.node("Conv", "conv", List.of(x, wt, b), "conv_out", OnnxWriter.ints("pads", 1, 1, 1, 1));
    w.output(y);
    return Models.traced(w.build(), 16);
  }

  static Tensor uniform(SplittableRandom rnd, double bound, int... shape) {
    double[] v = new double[(int) io.kubz.slicer.ir.Shapes.size(shape)];
    for (int i = 0; i < v.length; i++) {
      v[i] = (float) ((rnd.nextDouble() * 2 - 1) * bound);
    }
    return Tensor.of(shape, v);
  }

  @Test
  void paddedLaneForgeryIsRejected() {
    Models.Traced t = paddedConv();
    QNode qn = t.q().node("conv");
    CompiledSlice cs = SliceCompiler.compile(t.q(), Set.of("conv"), Visibility.PUBLIC);
    Circuit honest = cs.circuit(t.trace(), Map.of());
    MockProver.run(honest, 1).assertSatisfied();
    CircuitDescription d = honest.description();
    assertTrue(d.regions().stream().anyMatch(r -> r.name().equals("conv X·r")), "the conv takes the Freivalds path");

    // a padded entry (column pi of X, row kk) and the outputs it reaches through W[·, kk]
    Linear.Dots dots = Linear.convDots(t.q(), qn);
    int len = dots.length();
    int no = dots.outputs() / 4;
    int pi = 0;
    int kk = 0;
    while (dots.act()[pi * len + kk] >= 0) {
      kk++;
    }
    int shift = qn.shift();
    assertTrue(shift > 0, "the accumulators are rescaled");
    long z = 1L << shift;
    String out = qn.node().output();
    long[] y = t.trace().get(out);
    long[] forgedY = y.clone();
    Set<Integer> moved = new TreeSet<>();
    for (int oc = 0; oc < 4; oc++) {
      long wk = dots.weight()[(pi + oc * no) * len + kk];
      if (wk != 0) {
        forgedY[pi + oc * no] += wk; // C' = C + z·W[oc, kk], so y' = y + W[oc, kk] and r' = r
        moved.add(pi + oc * no);
      }
    }
    assertFalse(moved.isEmpty());
    Map<String, long[]> forgedTrace = new HashMap<>(t.trace());
    forgedTrace.put(out, forgedY);
    Circuit forgedOut = cs.circuit(forgedTrace, Map.of());

    long[][] adv = forgedOut.witness().advice().clone();
    long[][] ref = honest.witness().advice();
    for (int c = 0; c < adv.length; c++) {
      adv[c] = adv[c].clone();
    }
    List<Column.Advice> lanes = columns(d, "freivalds horner", 0, 0);
    int m = lanes.size();
    List<Region> xr = regions(d, "conv X·r");
    List<Region> cr = regions(d, "conv C·r");
    // the padded lane holds z
    set(adv, lanes.get(pi % m), xr.get(kk).start() + pi / m, Fr.of(z));
    List<Column.Advice> arith = List.of(new Column.Advice(0, 0), new Column.Advice(1, 0), new Column.Advice(2, 0));
    List<Column.Advice> range = columns(d, "range lanes", 0, 0);
    List<Region> regions = d.regions();
    int rescale = -1;
    int afterRescale = 0;
    for (Region r : regions) {
      if (r.name().equals("rescale")) {
        rescale++;
        afterRescale = 0;
        if (moved.contains(rescale)) {
          int oc = rescale / no;
          Fr dc = Fr.of(z).mul(Fr.of(dots.weight()[rescale * len + kk]));
          // C' in the accumulator lane and in its copy in the rescale row; r as in the honest witness
          int cRow = cr.get(oc).start() + pi / m;
          set(adv, lanes.get(pi % m), cRow, get(ref, lanes.get(pi % m), cRow).add(dc));
          set(adv, arith.get(0), r.start(), get(ref, arith.get(0), r.start()).add(dc));
          set(adv, arith.get(2), r.start(), get(ref, arith.get(2), r.start()));
        }
      } else if (r.name().equals("range") && moved.contains(rescale) && afterRescale++ == 0) {
        for (Column.Advice c : range) { // the range check of r: the honest one
          for (int row = r.start(); row < r.start() + r.rows(); row++) {
            set(adv, c, row, get(ref, c, row));
          }
        }
      }
    }
    Witness.PhaseFiller settle = (phase, ch, a) -> {
      forgedOut.witness().fillers().forEach(f -> f.fill(phase, ch, a));
      settlePhase(d, phase, ch, a);
    };
    Circuit forged = new Circuit(d, new Witness(forgedOut.witness().instance(), adv, List.of(settle)));
    for (int o : moved) {
      assertNotEquals(Fr.of(y[o]), Fr.readFrom(forged.witness().instance()[0], 4 * (cs.layout().find(out, true).row() + o)));
    }
    List<Failure> failures = MockProver.run(forged, 1).failures();
    assertFalse(failures.isEmpty(), "a forged output (" + moved.size() + " values moved) is accepted");
    Column.Advice laneColumn = lanes.get(pi % m);
    int laneRow = xr.get(kk).start() + pi / m;
    for (Failure f : failures) {
      // the padded lane's copy of the constant 0 is the one constraint that fails
      CopyConstraint cc = assertInstanceOf(Failure.CopyFailure.class, f, f.toString()).copy();
      assertTrue(cc.b().equals(laneColumn) && cc.rowB() == laneRow
          || cc.a().equals(laneColumn) && cc.rowA() == laneRow,
          "only the padded lane " + laneColumn + "@" + laneRow + " is wrong: " + f);
    }
    // and a real proof of the forged witness (dev SRS) does not verify against the forged output
    PolynomialCommitment pcs = new Kzg(Srs.dev(d.k() + 1, 16L));
    ProvingKey pk = Keygen.keygen(cs.description(), pcs);
    Fr[][] claimed = {cs.instance(forgedTrace, Map.of())[0]};
    Proof proof = Prover.prove(pk, pcs, forged.witness(), new Random(16));
    assertFalse(Verifier.verify(pk.vk(), pcs, claimed, proof), "the forged output verifies");
    assertTrue(Verifier.verify(pk.vk(), pcs, cs.instance(t.trace(), Map.of()),
        Prover.prove(pk, pcs, honest.witness(), new Random(17))), "the honest output verifies");
  }

  /** Regions named {@code name}, in creation order. */
  static List<Region> regions(CircuitDescription d, String name) {
    return d.regions().stream().filter(r -> r.name().equals(name)).toList();
  }

  /** Advice columns of {@code phase} the gate's polynomial {@code poly} reads, by index. */
  static List<Column.Advice> columns(CircuitDescription d, String gate, int poly, int phase) {
    Set<Expression.Cell> cells = new HashSet<>();
    d.gates().stream().filter(g -> g.name().equals(gate)).forEach(g -> g.polys().get(poly).collectCells(cells));
    TreeSet<Column.Advice> out = new TreeSet<>();
    for (Expression.Cell c : cells) {
      if (c.column() instanceof Column.Advice a && a.phase() == phase) {
        out.add(a);
      }
    }
    return new ArrayList<>(out);
  }

  static Fr get(long[][] adv, Column.Advice c, int row) {
    return Fr.readFrom(adv[c.index()], 4 * row);
  }

  static void set(long[][] adv, Column.Advice c, int row, Fr v) {
    v.writeTo(adv[c.index()], 4 * row);
  }

  /**
   * What a malicious prover does after changing phase-0 cells: re-solves the later-phase
   * recurrences (Horner h and the phase-1 accumulator: q·(c(ω·X) − …) = 0, solved for c(ω·X) row by
   * row) and the later-phase copies, until they all hold.
   */
  static void settlePhase(CircuitDescription d, int phase, io.kubz.field.Fr[] ch, long[][] adv) {
    List<Expression> recurrences = new ArrayList<>();
    List<Column.Advice> next = new ArrayList<>();
    for (Gate g : d.gates()) {
      Set<Expression.Cell> cells = new HashSet<>();
      g.polys().get(0).collectCells(cells);
      for (Expression.Cell c : cells) {
        if (c.rotation() == 1 && c.column() instanceof Column.Advice a && a.phase() == phase) {
          recurrences.add(g.polys().get(0));
          next.add(a);
        }
      }
    }
    int usable = d.usable();
    for (boolean changed = true; changed; ) {
      changed = false;
      for (int i = 0; i < recurrences.size(); i++) {
        for (int row = 0; row + 1 < usable; row++) {
          Fr v = recurrences.get(i).evaluate(new Eval(d, adv, ch, row));
          if (!v.isZero()) {
            set(adv, next.get(i), row + 1, get(adv, next.get(i), row + 1).sub(v));
            changed = true;
          }
        }
      }
      for (CopyConstraint c : d.copies()) {
        if (c.a() instanceof Column.Advice a && a.phase() == phase && c.b() instanceof Column.Advice b) {
          Fr v = get(adv, a, c.rowA());
          if (!v.equals(get(adv, b, c.rowB()))) {
            set(adv, b, c.rowB(), v);
            changed = true;
          }
        }
      }
    }
  }

  /** An expression on one row of (advice, fixed) with the challenges drawn. */
  record Eval(CircuitDescription d, long[][] adv, Fr[] ch, int row) implements Expression.Evaluator<Fr> {
    @Override
    public Fr constant(Fr value) {
      return value;
    }

    @Override
    public Fr cell(Column column, int rotation) {
      int r = Math.floorMod(row + rotation, d.n());
      long[] col = column instanceof Column.Advice a ? adv[a.index()]
          : column instanceof Column.Fixed f ? d.fixed()[f.index()] : null;
      return col == null ? Fr.ZERO : Fr.readFrom(col, 4 * r);
    }

    @Override
    public Fr challenge(int index) {
      return ch[index];
    }

    @Override
    public Fr domain(Expression.DomainPoly poly) {
      throw new IllegalStateException("no domain polynomials in the circuit's own gates");
    }

    @Override
    public Fr sum(Fr a, Fr b) {
      return a.add(b);
    }

    @Override
    public Fr product(Fr a, Fr b) {
      return a.mul(b);
    }

    @Override
    public Fr negated(Fr a) {
      return a.neg();
    }

    @Override
    public Fr scaled(Fr a, Fr factor) {
      return a.mul(factor);
    }
  }
}
