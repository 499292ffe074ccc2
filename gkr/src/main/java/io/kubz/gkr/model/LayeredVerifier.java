package io.kubz.gkr.model;

import io.kubz.field.Fr;
import io.kubz.gkr.logup.LogupProof;
import io.kubz.gkr.logup.LogupVerifier;
import io.kubz.gkr.opening.BatchOpening;
import io.kubz.gkr.opening.Claim;
import io.kubz.gkr.pcs.HyperKzg;
import io.kubz.poly.transcript.Transcript;
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
    if (proof == null || !shapes(model, inputs, outputs)) {
      return false;
    }
    try {
      return check(model, inputs, outputs, proof, pcs, t);
    } catch (RuntimeException e) {
      // every check above is explicit; this is the last guard of "never throws on a proof"
      return false;
    }
  }

  private static boolean shapes(LayeredModel model, long[][] inputs, long[][] outputs) {
    int[] in = model.inputs();
    int[] out = model.outputs();
    if (inputs == null || outputs == null || inputs.length != in.length || outputs.length != out.length) {
      return false;
    }
    for (int i = 0; i < in.length; i++) {
      if (inputs[i] == null || inputs[i].length != model.layers().get(in[i]).size()) {
        return false;
      }
    }
    for (int i = 0; i < out.length; i++) {
      if (outputs[i] == null || outputs[i].length != model.layers().get(out[i]).size()) {
        return false;
      }
    }
    return true;
  }

  private static boolean check(LayeredModel model, long[][] inputs, long[][] outputs, LayeredProof proof,
      HyperKzg pcs, Transcript t) {
    Layout layout = new Layout(model);
    boolean committed = layout.witVars >= 0;
    if (committed != (proof.wit != null) || committed != (proof.opening != null)
        || committed != (proof.pcs != null) || layout.tables.isEmpty() != (proof.logup == null)
        || (committed && layout.witVars > pcs.maxVars())) {
      return false;
    }
    Protocol.absorbStatement(t, ModelDigests.digest(model), inputs, outputs);
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
    walk.outputs();
    if (!walk.layers()) {
      return false;
    }
    if (!walk.msgExhausted()) {
      return false;
    }
    if (!committed) {
      return true;
    }
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
