package io.kubz.plonkish.keygen;

import io.kubz.field.G1;
import io.kubz.plonkish.ir.Expression;
import io.kubz.plonkish.ir.Gate;
import io.kubz.plonkish.ir.Query;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * What the verifier needs: the circuit's shape (domain, reserved rows, column counts and phases,
 * challenge phases), every gate (the arguments' included), the commitments to the fixed columns,
 * and a digest of all of it that seeds the transcript.
 */
public record VerifyingKey(
    int k,
    int blinding,
    int[] advicePhases,
    int numFixed,
    int numInstance,
    int[] challengePhases,
    List<Gate> gates,
    List<G1> fixedCommitments,
    byte[] digest) {

  /** 2: instance columns absorbed sparsely into the transcript. */
  public static final int FORMAT_VERSION = 2;

  public VerifyingKey {
    gates = List.copyOf(gates);
    fixedCommitments = List.copyOf(fixedCommitments);
  }

  public int n() {
    return 1 << k;
  }

  public int usable() {
    return n() - blinding - 1;
  }

  public int numAdvice() {
    return advicePhases.length;
  }

  public int numPhases() {
    int p = 0;
    for (int ph : advicePhases) {
      p = Math.max(p, ph);
    }
    return p + 1;
  }

  /** Largest gate degree, at least 2 (walks without recursion: a key may come from bytes). */
  public int maxDegree() {
    int d = 2;
    for (Gate g : gates) {
      for (Expression e : g.polys()) {
        d = Math.max(d, Expression.fold(e, Walks.DEGREE));
      }
    }
    return d;
  }

  /** Number of quotient pieces: h has degree &lt; (d − 1)·n. */
  public int quotientPieces() {
    return maxDegree() - 1;
  }

  /** Every (column, rotation) some gate reads, sorted. */
  public List<Query> queries() {
    Set<Expression.Cell> cells = new HashSet<>();
    for (Gate g : gates) {
      g.polys().forEach(e -> Expression.fold(e, new Walks.Cells(cells)));
    }
    TreeSet<Query> qs = new TreeSet<>();
    cells.forEach(c -> qs.add(new Query(c.column(), c.rotation())));
    return List.copyOf(qs);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof VerifyingKey v && Arrays.equals(digest, v.digest);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(digest);
  }

  @Override
  public String toString() {
    return "VerifyingKey[k=" + k + ", advice=" + numAdvice() + ", fixed=" + numFixed + ", instance=" + numInstance
        + ", gates=" + gates.size() + "]";
  }
}
