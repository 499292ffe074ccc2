package io.kubz.gkr.model;

import io.kubz.field.Fr;
import io.kubz.gkr.logup.LogupProof;
import io.kubz.gkr.logup.LogupVerifier;
import io.kubz.gkr.opening.BatchOpening;
import io.kubz.gkr.opening.Claim;
import io.kubz.gkr.pcs.HyperKzg;
import io.kubz.poly.transcript.Transcript;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** Verifies a {@link LayeredProof}; never throws on the proof. */
public final class LayeredVerifier {
  private LayeredVerifier() {}

  /**
   * Whether {@code proof} shows that {@code model} maps {@code inputs} to {@code outputs} (orders of
   * {@link LayeredModel#inputs()} and {@link LayeredModel#outputs()}). {@code t} as the prover's.
   */
  public static boolean verify(LayeredModel model, long[][] inputs, long[][] outputs, LayeredProof proof,
      HyperKzg pcs, Transcript t) {
    return verify(model, new int[0], inputs, outputs, proof, pcs, t);
  }

  /**
   * As above, with the tensors {@code committed} (input or output ids) linked by commitments: their
   * entries of {@code inputs} and {@code outputs} are ignored (may be null), their C_T are the
   * proof's {@link LayeredProof#boundaryCommitments()}, which the caller compares with those of
   * the proofs at the other end of each link.
   */
  public static boolean verify(LayeredModel model, int[] committedIds, long[][] inputs, long[][] outputs,
      LayeredProof proof, HyperKzg pcs, Transcript t) {
    return verify(model, committedIds, inputs, outputs, proof, pcs, t, List.of());
  }

  /** As above, with claims on committed boundaries from outside the walk ({@link Boundaries.External}). */
  public static boolean verify(LayeredModel model, int[] committedIds, long[][] inputs, long[][] outputs,
      LayeredProof proof, HyperKzg pcs, Transcript t, List<Boundaries.External> external) {
    if (external == null || proof == null || model == null || committedIds == null || inputs == null || outputs == null) {
      return false;
    }
    int[] committed = Boundaries.check(model, committedIds);
    long[][] in = inputs.clone();
    long[][] out = outputs.clone();
    int[] ins = model.inputs();
    int[] outs = model.outputs();
    for (int i = 0; i < in.length && i < ins.length; i++) {
      in[i] = Arrays.binarySearch(committed, ins[i]) >= 0 ? null : in[i];
    }
    for (int i = 0; i < out.length && i < outs.length; i++) {
      out[i] = Arrays.binarySearch(committed, outs[i]) >= 0 ? null : out[i];
    }
    if (!shapes(model, committed, in, out)) {
      return false;
    }
    try {
      return check(model, committed, in, out, proof, pcs, t, external);
    } catch (RuntimeException e) {
      // every check above is explicit; this is the last guard of "never throws on a proof"
      return false;
    }
  }

  private static boolean shapes(LayeredModel model, int[] committed, long[][] inputs, long[][] outputs) {
    int[] in = model.inputs();
    int[] out = model.outputs();
    if (inputs.length != in.length || outputs.length != out.length) {
      return false;
    }
    for (int i = 0; i < in.length; i++) {
      boolean c = Arrays.binarySearch(committed, in[i]) >= 0;
      if (!c && (inputs[i] == null || inputs[i].length != model.layers().get(in[i]).size())) {
        return false;
      }
    }
    for (int i = 0; i < out.length; i++) {
      boolean c = Arrays.binarySearch(committed, out[i]) >= 0;
      if (!c && (outputs[i] == null || outputs[i].length != model.layers().get(out[i]).size())) {
        return false;
      }
    }
    return true;
  }

  private static boolean check(LayeredModel model, int[] boundary, long[][] inputs, long[][] outputs,
      LayeredProof proof, HyperKzg pcs, Transcript t, List<Boundaries.External> external) {
    Layout layout = new Layout(model);
    boolean committed = layout.witVars >= 0;
    if (committed != (proof.wit != null) || committed != (proof.opening != null)
        || committed != (proof.pcs != null) || layout.tables.isEmpty() != (proof.logup == null)
        || (committed && layout.witVars > pcs.maxVars()) || proof.boundary.size() != boundary.length) {
      return false;
    }
    boolean[] isCommitted = new boolean[model.layers().size()];
    for (int id : boundary) {
      isCommitted[id] = true;
    }
    Protocol.absorbStatement(t, ModelDigests.digest(model), model, boundary,
        proof.boundary.toArray(new io.kubz.field.G1[0]), inputs, outputs);
    if (committed) {
      t.absorbG1("layered-wit", proof.wit);
    }
    VerifierWalk walk = new VerifierWalk(layout, t, new Messages(proof.evals, proof.sumchecks),
        inputs, outputs);
    if (!layout.tables.isEmpty()) {
      Optional<List<LogupProof.Claims>> leaf = LogupVerifier.verify(
          layout.tables.stream().map(Layout.TableUse::shape).toList(), proof.logup, t);
      if (leaf.isEmpty() || !walk.lookups(leaf.get())) {
        return false;
      }
    }
    if (!walk.outputs(isCommitted) || !walk.layers() || !walk.msgExhausted()) {
      return false;
    }
    if (committed && !witness(layout, walk, proof, pcs, t)) {
      return false;
    }
    List<List<Claim>> onBoundary = new java.util.ArrayList<>();
    for (int id : boundary) {
      onBoundary.add(walk.claims.get(id));
    }
    onBoundary = Boundaries.withExternal(model, boundary, onBoundary, external);
    return onBoundary != null && Boundaries.verify(model, boundary, proof.boundary, onBoundary, proof, pcs, t);
  }

  /** The batched opening of every Wit claim and its HyperKZG check. */
  private static boolean witness(Layout layout, VerifierWalk walk, LayeredProof proof, HyperKzg pcs,
      Transcript t) {
    if (walk.witClaims.isEmpty()) {
      return false;
    }
    Optional<Claim> last = BatchOpening.verify(layout.witVars, walk.witClaims, proof.opening, t);
    if (last.isEmpty()) {
      return false;
    }
    long[] rho = last.get().point();
    Fr[] u = new Fr[rho.length / 4];
    for (int i = 0; i < u.length; i++) {
      u[i] = Fr.readFrom(rho, 4 * i);
    }
    return pcs.verify(t, proof.wit, u, last.get().value(), proof.pcs);
  }
}
