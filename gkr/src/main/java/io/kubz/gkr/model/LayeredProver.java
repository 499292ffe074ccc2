package io.kubz.gkr.model;

import io.kubz.field.Fr;
import io.kubz.field.G1;
import io.kubz.gkr.logup.LogupProof;
import io.kubz.gkr.logup.LogupProver;
import io.kubz.gkr.opening.BatchOpening;
import io.kubz.gkr.pcs.HyperKzg;
import io.kubz.gkr.pcs.HyperKzgProof;
import io.kubz.poly.transcript.Transcript;
import io.kubz.gkr.opening.Claim;
import java.util.ArrayList;
import java.util.List;

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
   * The same with the tensors {@code committed} committed as boundaries ({@link #commitTensor}):
   * the SRS must also hold 2^vars powers for each of them.
   */
  public static int commitmentVars(LayeredModel model, int[] committed) {
    return Math.max(commitmentVars(model), Boundaries.maxVars(model, Boundaries.check(model, committed)));
  }

  /**
   * C_T of a committed boundary tensor with these values: deterministic (no blinding), so the proof
   * producing T and every proof reading it carry the same commitment (package documentation).
   */
  public static G1 commitTensor(HyperKzg pcs, long[] values) {
    return Boundaries.commit(pcs, values);
  }

  /**
   * Runs {@code model} on {@code inputs} (order of {@link LayeredModel#inputs()}) and proves it.
   * {@code t} must have absorbed the caller's statement (model digest, SRS) already; a witness the
   * model's ranges or tables refuse is a {@link io.kubz.field.BadInputException}.
   */
  public static Output prove(LayeredModel model, long[][] inputs, HyperKzg pcs, Transcript t) {
    return prove(model, new int[0], inputs, pcs, t, (Hook) null);
  }

  /**
   * As above, with the inputs and outputs whose tensor ids are in {@code committed} linked to other
   * proofs by their commitments C_T instead of public values (package documentation, "Committed
   * boundaries"). {@code inputs} still holds every input's values (the prover needs them); the
   * proof carries each C_T ({@link LayeredProof#boundaryCommitments()}).
   */
  public static Output prove(LayeredModel model, int[] committed, long[][] inputs, HyperKzg pcs, Transcript t) {
    return prove(model, committed, inputs, pcs, t, (Hook) null);
  }

  static Output prove(LayeredModel model, long[][] inputs, HyperKzg pcs, Transcript t, Hook hook) {
    return prove(model, new int[0], inputs, pcs, t, hook);
  }

  /**
   * As above, with claims on committed boundaries from outside the walk (a bridge) added to their
   * batched openings ({@link Boundaries.External}).
   */
  public static Output prove(LayeredModel model, int[] committed, long[][] inputs, HyperKzg pcs, Transcript t,
      List<Boundaries.External> external) {
    return prove(model, committed, inputs, pcs, t, null, external);
  }

  static Output prove(LayeredModel model, int[] committedIds, long[][] inputs, HyperKzg pcs, Transcript t,
      Hook hook) {
    return prove(model, committedIds, inputs, pcs, t, hook, List.of());
  }

  private static Output prove(LayeredModel model, int[] committedIds, long[][] inputs, HyperKzg pcs, Transcript t,
      Hook hook, List<Boundaries.External> external) {
    int[] committed = Boundaries.check(model, committedIds);
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
    int need = Math.max(layout.witVars, Boundaries.maxVars(model, committed));
    if (need > pcs.maxVars()) {
      throw new io.kubz.field.BadInputException("the model commits 2^" + need
          + " witness entries but the SRS holds 2^" + pcs.maxVars() + " powers: use a larger SRS");
    }
    Witness w = new Witness(layout, values, hook);
    long t1 = System.nanoTime();
    G1[] boundary = new G1[committed.length];
    boolean[] isCommitted = new boolean[values.length];
    for (int i = 0; i < committed.length; i++) {
      boundary[i] = Boundaries.commit(pcs, values[committed[i]]);
      isCommitted[committed[i]] = true;
    }
    Protocol.absorbStatement(t, ModelDigests.digest(model), model, committed, boundary, inputs, outputs);
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
    walk.outputs(isCommitted);
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
      kzg = pcs.open(t, c, w.witFr, w.wit, u).proof();
    }
    List<List<Claim>> onBoundary = new ArrayList<>();
    for (int id : committed) {
      onBoundary.add(walk.claims.get(id));
    }
    onBoundary = Boundaries.withExternal(model, committed, onBoundary, external);
    if (onBoundary == null) {
      throw new IllegalArgumentException("an external claim names no committed boundary or has a wrong point");
    }
    Boundaries.Openings bo = Boundaries.prove(committed, boundary, values, onBoundary, pcs, t);
    long t5 = System.nanoTime();
    LayeredProof proof = new LayeredProof(c, logup, walk.msg.evals, walk.msg.sumchecks,
        open == null ? null : open.proof(), kzg, List.of(boundary), bo.reductions(), bo.pcs());
    return new Output(proof, outputs, t1 - t0, t2 - t1, t3 - t2, t4 - t3, t5 - t4);
  }
}
