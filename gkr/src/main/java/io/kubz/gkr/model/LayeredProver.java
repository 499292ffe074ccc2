package io.kubz.gkr.model;

import io.kubz.field.Fr;
import io.kubz.field.G1;
import io.kubz.gkr.logup.LogupProof;
import io.kubz.gkr.logup.LogupProver;
import io.kubz.gkr.opening.BatchOpening;
import io.kubz.gkr.pcs.HyperKzg;
import io.kubz.gkr.pcs.HyperKzgProof;
import io.kubz.poly.transcript.Transcript;

/** Proves a {@link LayeredModel} run (GKR.md, "The protocol for one model"; the package documentation). */
public final class LayeredProver {
  private LayeredProver() {}

  /**
   * Time spent per stage, nanoseconds (witness = running the model and packing the committed
   * tensors; commit; towers = logUp-GKR; layers = the output-to-input walk; opening = batching and
   * HyperKZG), and the proof.
   */
  public record Output(LayeredProof proof, long[][] outputs, long witnessNanos, long commitNanos,
      long towerNanos, long layerNanos, long openingNanos) {}

  /**
   * A test seam for malicious provers: it may change the tensors' values after the model ran (the
   * committed limbs and differences are then derived from the changed values), the packed Wit
   * before it is committed, and say which table row pays for a looked-up row that is in no table.
   * Everything after is computed from the changed witness, consistently.
   */
  interface Hook {
    default void values(long[][] v) {}

    default void wit(long[] wit, Layout layout) {}

    /** {table index, row} to count a missing row against, or null to count it nowhere. */
    default int[] missing(int table, long[] row, Witness w) {
      return null;
    }

    /** Every claim the walk emitted: per tensor, and on Wit (embedded). */
    default void claims(java.util.List<java.util.List<io.kubz.gkr.opening.Claim>> tensors,
        java.util.List<io.kubz.gkr.opening.Claim> wit) {}
  }

  /**
   * The variables of the committed witness of {@code model} (0 when it commits nothing): the SRS
   * must hold at least 2^this G1 powers ({@link HyperKzg#maxVars()}).
   */
  public static int commitmentVars(LayeredModel model) {
    return Math.max(0, new Layout(model).witVars);
  }

  /**
   * Runs {@code model} on {@code inputs} (order of {@link LayeredModel#inputs()}) and proves it.
   * {@code t} must have absorbed the caller's statement (model digest, SRS) already; a witness the
   * model's ranges or tables refuse is a {@link io.kubz.field.BadInputException}.
   */
  public static Output prove(LayeredModel model, long[][] inputs, HyperKzg pcs, Transcript t) {
    return prove(model, inputs, pcs, t, null);
  }

  static Output prove(LayeredModel model, long[][] inputs, HyperKzg pcs, Transcript t, Hook hook) {
    long t0 = System.nanoTime();
    Layout layout = new Layout(model);
    long[][] values = Evaluator.run(model, inputs);
    if (hook != null) {
      hook.values(values);
    }
    int[] outs = model.outputs();
    long[][] outputs = new long[outs.length][];
    for (int i = 0; i < outs.length; i++) {
      outputs[i] = values[outs[i]].clone();
    }
    if (layout.witVars > pcs.maxVars()) {
      throw new io.kubz.field.BadInputException("the model commits 2^" + layout.witVars
          + " witness entries but the SRS holds 2^" + pcs.maxVars() + " powers: use a larger SRS");
    }
    Witness w = new Witness(layout, values, hook);
    long t1 = System.nanoTime();
    Protocol.absorbStatement(t, ModelDigests.digest(model), inputs, outputs);
    G1 c = null;
    if (layout.witVars >= 0) {
      c = pcs.commitIntegers(w.wit);
      t.absorbG1("layered-wit", c);
    }
    long t2 = System.nanoTime();
    ProverWalk walk = new ProverWalk(layout, w, t);
    LogupProof logup = null;
    if (!layout.tables.isEmpty()) {
      LogupProver.Output lo = LogupProver.prove(w.lookups, t);
      logup = lo.proof();
      walk.lookups(lo.claims());
    }
    long t3 = System.nanoTime();
    walk.outputs();
    walk.layers();
    if (hook != null) {
      hook.claims(walk.claims, walk.witClaims);
    }
    long t4 = System.nanoTime();
    BatchOpening.Output open = null;
    HyperKzgProof kzg = null;
    if (layout.witVars >= 0) {
      open = BatchOpening.prove(w.witFr, walk.witClaims, t);
      long[] rho = open.claim().point();
      Fr[] u = new Fr[rho.length / 4];
      for (int i = 0; i < u.length; i++) {
        u[i] = Fr.readFrom(rho, 4 * i);
      }
      kzg = pcs.open(t, c, w.witFr, u).proof();
    }
    long t5 = System.nanoTime();
    LayeredProof proof = new LayeredProof(c, logup, walk.msg.evals, walk.msg.sumchecks,
        open == null ? null : open.proof(), kzg);
    return new Output(proof, outputs, t1 - t0, t2 - t1, t3 - t2, t4 - t3, t5 - t4);
  }
}
