package io.kubz.gkr.logup;

import io.kubz.field.Fr;
import io.kubz.poly.transcript.Transcript;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** The logUp-GKR verifier; never throws on a malformed proof. */
public final class LogupVerifier {
  private LogupVerifier() {}

  /**
   * Checks, per table, that its two towers verify, that their root fractions sum to zero with
   * non-zero denominators, and that the leaf claims match the closed forms of the leaves. Returns the claims on
   * the input columns and multiplicities that the caller must still discharge, or empty.
   */
  public static Optional<List<LogupProof.Claims>> verify(List<LookupShape> shapes, LogupProof proof,
      Transcript t) {
    LogupProver.distinctTags(shapes);
    if (proof == null || proof.tables().size() != shapes.size()) {
      return Optional.empty();
    }
    Fr[] ab = Leaves.challenges(t, shapes);
    List<LogupProof.Claims> claims = new ArrayList<>();
    for (int i = 0; i < shapes.size(); i++) {
      LookupShape shape = shapes.get(i);
      LogupProof.TableProof tp = proof.tables().get(i);
      if (tp.multiplicityEval() == null || tp.columnEvals().size() != shape.table().width()) {
        return Optional.empty();
      }
      Optional<TowerVerifier.Result> lr = TowerVerifier.verify(shape.lookupVars(), tp.lookupTower(), t);
      if (lr.isEmpty()) {
        return Optional.empty();
      }
      Optional<TowerVerifier.Result> tr = TowerVerifier.verify(shape.tableVars(), tp.tableTower(), t);
      if (tr.isEmpty()) {
        return Optional.empty();
      }
      TowerVerifier.Result l = lr.get();
      TowerVerifier.Result r = tr.get();
      // Σ lookups + Σ table = p_L/q_L + p_T/q_T = 0 with both denominators non-zero
      if (l.rootQ().isZero() || r.rootQ().isZero()
          || !l.rootP().mul(r.rootQ()).add(r.rootP().mul(l.rootQ())).isZero()) {
        return Optional.empty();
      }
      Fr[] leaf = Leaves.lookupsAt(shape, l.point(), tp.columnEvals(), ab[0], ab[1]);
      if (!leaf[0].equals(l.p()) || !leaf[1].equals(l.q())) {
        return Optional.empty();
      }
      leaf = Leaves.tableAt(shape, r.point(), tp.multiplicityEval(), ab[0], ab[1]);
      if (!leaf[0].equals(r.p()) || !leaf[1].equals(r.q())) {
        return Optional.empty();
      }
      LogupProver.absorbLeafEvals(t, tp.columnEvals(), tp.multiplicityEval());
      claims.add(new LogupProof.Claims(shape.table(), Arrays.copyOf(l.point(), 4 * shape.logRows()),
          tp.columnEvals(), Arrays.copyOf(r.point(), 4 * shape.table().logSize()), tp.multiplicityEval()));
    }
    return Optional.of(claims);
  }
}
