package io.kubz.gkr.logup;

import io.kubz.field.Fr;
import io.kubz.gkr.mle.Mle;
import io.kubz.poly.transcript.Transcript;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** The logUp-GKR prover: two towers per table, its lookups' and its own (see the package documentation). */
public final class LogupProver {
  /** The proof and, per table, the claims on its input columns and multiplicities. */
  public record Output(LogupProof proof, List<LogupProof.Claims> claims) {}

  private LogupProver() {}

  public static Output prove(List<Lookup> lookups, Transcript t) {
    return prove(lookups, t, null);
  }

  /**
   * Proves every table's lookups. The caller must have absorbed the committed witness (the input
   * columns and multiplicities) before: α and β are drawn here. {@code hook} is a test seam
   * passed to every tower (null in production); it sees a table's lookup tower as layers
   * 0..a−1 and its table tower as layers a..a+t−1.
   */
  public static Output prove(List<Lookup> lookups, Transcript t, TowerProver.Hook hook) {
    List<LookupShape> shapes = lookups.stream().map(Lookup::shape).toList();
    distinctTags(shapes);
    Fr[] ab = Leaves.challenges(t, shapes);
    List<LogupProof.TableProof> proofs = new ArrayList<>();
    List<LogupProof.Claims> claims = new ArrayList<>();
    for (Lookup l : lookups) {
      long[][] side = Leaves.lookups(l, ab[0], ab[1]);
      TowerProver.Output lookupTower = TowerProver.prove(side[0], side[1], t, hook, 0);
      side = Leaves.table(l, ab[0], ab[1]);
      TowerProver.Output tableTower = TowerProver.prove(side[0], side[1], t, hook, l.shape().lookupVars());
      long[] rowPoint = Arrays.copyOf(lookupTower.point(), 4 * l.logRows());
      long[] tablePoint = Arrays.copyOf(tableTower.point(), 4 * l.table().logSize());
      List<Fr> colEvals = new ArrayList<>();
      for (long[] c : l.columns()) {
        colEvals.add(Mle.evaluate(c, rowPoint));
      }
      Fr mEval = Mle.evaluate(l.multiplicities(), tablePoint);
      absorbLeafEvals(t, colEvals, mEval);
      proofs.add(new LogupProof.TableProof(lookupTower.proof(), tableTower.proof(), colEvals, mEval));
      claims.add(new LogupProof.Claims(l.table(), rowPoint, colEvals, tablePoint, mEval));
    }
    return new Output(new LogupProof(proofs), claims);
  }

  static void absorbLeafEvals(Transcript t, List<Fr> colEvals, Fr mEval) {
    for (Fr c : colEvals) {
      t.absorbScalar("logup-column", c);
    }
    t.absorbScalar("logup-multiplicity", mEval);
  }

  static void distinctTags(List<LookupShape> shapes) {
    Set<Fr> tags = new HashSet<>();
    for (LookupShape s : shapes) {
      if (!tags.add(s.table().tag())) {
        throw new IllegalArgumentException("two tables with tag " + s.table().tag()
            + ": every table needs its own tag and exactly one tower");
      }
    }
  }
}
