package io.kubz.plonkish.keygen;

import io.kubz.field.Fr;
import io.kubz.plonkish.ir.Column;
import io.kubz.plonkish.ir.Expression;
import io.kubz.plonkish.ir.Gate;
import io.kubz.plonkish.ir.Query;
import java.util.List;

/**
 * The largest verifying key kubz makes or reads. Everything a verifier does with a key is bounded
 * by these numbers and by the key's byte length, so a key read from untrusted bytes can neither
 * exhaust the stack nor make the verifier work for longer than its size warrants: the work that
 * depends on n = 2^k (x^n, ω^r) is logarithmic in n, the work on the blinding rows is linear in
 * the blinding, and every walk over an expression is linear in its nodes. Keygen refuses circuits
 * beyond these limits, so every key it makes can be read back.
 */
public final class KeyLimits {
  /** 2^28 rows: the largest ceremony SRS (ptau 28). */
  public static final int MAX_K = 28;
  /**
   * Blinding rows: the builder reserves max(3, q) + 2 for q the most rotations at which one advice
   * column is read (a handful in every circuit kubz compiles).
   */
  public static final int MAX_BLINDING = 64;
  /** Columns of one kind, and instance columns (one per circuit today). */
  public static final int MAX_COLUMNS = 1 << 16;
  public static final int MAX_INSTANCE_COLUMNS = 16;
  /**
   * (instance column, rotation) pairs the gates read: the verifier interpolates each over all the
   * public values (compiled circuits read column 0 at rotation 0 only, through the permutation).
   */
  public static final int MAX_INSTANCE_QUERIES = 16;
  /** Advice phases and challenges (the arguments use two or three phases). */
  public static final int MAX_PHASES = 16;
  public static final int MAX_CHALLENGES = 256;
  /** Gates, polynomials over all gates, and expression nodes over all polynomials. */
  public static final int MAX_GATES = 1 << 16;
  public static final int MAX_POLYS = 1 << 16;
  public static final int MAX_NODES = 1 << 20;
  /**
   * Nesting depth of one polynomial (its longest root-to-leaf path). The deepest a compiled circuit
   * has is a multiply-accumulate over at most 64 lanes, a chain of about 70.
   */
  public static final int MAX_DEPTH = 1024;
  /**
   * Degree of one polynomial: the proof carries d − 1 quotient commitments, each a scalar
   * multiplication for the verifier (compiled circuits stay below 10; the prover's extended domain
   * grows with d too).
   */
  public static final int MAX_DEGREE = 64;
  /** Characters of a gate name. */
  public static final int MAX_NAME = 1024;

  private KeyLimits() {}

  /**
   * Checks the shape of a key: k, blinding, column, phase, challenge and gate counts, and that the
   * numbers of fixed columns and fixed commitments agree. Throws IllegalArgumentException naming
   * the first limit exceeded.
   */
  public static void checkShape(int k, int blinding, int[] advicePhases, int numFixed, int numInstance,
      int[] challengePhases, int gates, int fixedCommitments) {
    within("k", k, 1, MAX_K);
    within("blinding rows", blinding, 0, MAX_BLINDING);
    if ((1L << k) - blinding - 1 < 1) {
      throw new IllegalArgumentException("no usable rows with k = " + k + " and " + blinding + " blinding rows");
    }
    within("advice columns", advicePhases.length, 0, MAX_COLUMNS);
    for (int p : advicePhases) {
      within("advice phase", p, 0, MAX_PHASES - 1);
    }
    within("fixed columns", numFixed, 0, MAX_COLUMNS);
    if (fixedCommitments != numFixed) {
      throw new IllegalArgumentException(fixedCommitments + " fixed commitments for " + numFixed + " fixed columns");
    }
    within("instance columns", numInstance, 0, MAX_INSTANCE_COLUMNS);
    within("challenges", challengePhases.length, 0, MAX_CHALLENGES);
    for (int p : challengePhases) {
      within("challenge phase", p, 0, MAX_PHASES - 1);
    }
    within("gates", gates, 0, MAX_GATES);
  }

  /** Checks every gate of an in-memory key against the name, polynomial, node and depth limits. */
  public static void checkGates(List<Gate> gates) {
    long polys = 0;
    long nodes = 0;
    for (Gate g : gates) {
      within("characters in a gate name", g.name().length(), 0, MAX_NAME);
      polys += g.polys().size();
      for (Expression e : g.polys()) {
        long[] count = new long[1];
        int depth = Expression.fold(e, new Depth(count));
        within("expression depth (gate " + g.name() + ")", depth, 1, MAX_DEPTH);
        within("degree (gate " + g.name() + ")", Expression.fold(e, Walks.DEGREE), 0, MAX_DEGREE);
        nodes += count[0];
      }
    }
    within("gate polynomials", polys, 0, MAX_POLYS);
    within("expression nodes", nodes, 0, MAX_NODES);
  }

  /** Checks the number of instance queries among a key's queries. */
  public static void checkQueries(List<Query> queries) {
    long instance = queries.stream().filter(q -> q.column() instanceof Column.Instance).count();
    within("instance queries", instance, 0, MAX_INSTANCE_QUERIES);
  }

  /** Throws IllegalArgumentException unless 0 ≤ v ≤ max. */
  public static void checkCount(String what, long v, long max) {
    within(what, v, 0, max);
  }

  static void within(String what, long v, long min, long max) {
    if (v < min || v > max) {
      throw new IllegalArgumentException(what + " = " + v + " outside " + min + ".." + max);
    }
  }

  /** Depth of a tree (a leaf is 1), counting its nodes into count[0]. */
  private record Depth(long[] count) implements Expression.Evaluator<Integer> {
    private Integer leaf() {
      count[0]++;
      return 1;
    }

    @Override
    public Integer constant(Fr value) {
      return leaf();
    }

    @Override
    public Integer cell(Column column, int rotation) {
      return leaf();
    }

    @Override
    public Integer challenge(int index) {
      return leaf();
    }

    @Override
    public Integer domain(Expression.DomainPoly poly) {
      return leaf();
    }

    @Override
    public Integer sum(Integer a, Integer b) {
      count[0]++;
      return Math.max(a, b) + 1;
    }

    @Override
    public Integer product(Integer a, Integer b) {
      count[0]++;
      return Math.max(a, b) + 1;
    }

    @Override
    public Integer negated(Integer a) {
      count[0]++;
      return a + 1;
    }

    @Override
    public Integer scaled(Integer a, Fr factor) {
      count[0]++;
      return a + 1;
    }
  }
}
