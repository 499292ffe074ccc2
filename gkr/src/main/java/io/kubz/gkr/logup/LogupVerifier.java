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
   * Checks, per table, that its tower verifies, that its root fraction is zero with a non-zero
   * denominator, and that the leaf claims match the closed form of the leaves. Returns the claims on
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
      Optional<TowerVerifier.Result> r = TowerVerifier.verify(shape.half() + 1, tp.tower(), t);
      if (r.isEmpty() || !r.get().rootP().isZero() || r.get().rootQ().isZero()) {
        return Optional.empty();
      }
      long[] z = r.get().point();
      Fr[] leaf = Leaves.atPoint(shape, z, tp.columnEvals(), tp.multiplicityEval(), ab[0], ab[1]);
      if (!leaf[0].equals(r.get().p()) || !leaf[1].equals(r.get().q())) {
        return Optional.empty();
      }
      LogupProver.absorbLeafEvals(t, tp.columnEvals(), tp.multiplicityEval());
      claims.add(new LogupProof.Claims(shape.table(), Arrays.copyOf(z, 4 * shape.logRows()),
          tp.columnEvals(), Arrays.copyOf(z, 4 * shape.table().logSize()), tp.multiplicityEval()));
    }
    return Optional.of(claims);
  }
}
