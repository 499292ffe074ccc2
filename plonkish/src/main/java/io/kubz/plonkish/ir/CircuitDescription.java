package io.kubz.plonkish.ir;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * A compiled circuit, independent of the front end that built it: a domain of n = 2^k rows whose
 * last {@code blinding + 1} rows are reserved (blinding values, then the row where grand products
 * end), column counts with the phase of every advice column, the challenges with the phase after
 * which each is drawn, the gates, the copy constraints, the fixed column values (flat Montgomery
 * vectors of n elements) and the arguments (permutation, lookups) with their own columns and gates.
 *
 * @param gates the circuit's own gates; {@link #allGates()} adds the arguments' gates
 */
public record CircuitDescription(
    int k,
    int blinding,
    int[] advicePhases,
    int numFixed,
    int numInstance,
    int[] challengePhases,
    List<Gate> gates,
    List<CopyConstraint> copies,
    long[][] fixed,
    List<Region> regions,
    List<Argument> arguments) {

  public CircuitDescription {
    gates = List.copyOf(gates);
    copies = List.copyOf(copies);
    regions = List.copyOf(regions);
    arguments = List.copyOf(arguments);
    if (k < 1 || k > 28) {
      throw new IllegalArgumentException("k must be in 1..28, got " + k);
    }
    if ((1 << k) - blinding - 1 < 1) {
      throw new IllegalArgumentException("no usable rows with k=" + k + " and " + blinding + " blinding rows");
    }
    if (fixed.length != numFixed) {
      throw new IllegalArgumentException("fixed values for " + fixed.length + " columns, expected " + numFixed);
    }
  }

  public int n() {
    return 1 << k;
  }

  /** Rows 0..usable-1 carry the circuit; row usable is where grand products close. */
  public int usable() {
    return n() - blinding - 1;
  }

  public int numAdvice() {
    return advicePhases.length;
  }

  public int numChallenges() {
    return challengePhases.length;
  }

  /** Number of advice phases (at least 1). */
  public int numPhases() {
    int p = 0;
    for (int ph : advicePhases) {
      p = Math.max(p, ph);
    }
    return p + 1;
  }

  public List<Gate> allGates() {
    List<Gate> all = new ArrayList<>(gates);
    for (Argument a : arguments) {
      all.addAll(a.gates());
    }
    return all;
  }

  /** Largest degree over all gates, at least 2 (so that a quotient piece exists). */
  public int maxDegree() {
    int d = 2;
    for (Gate g : allGates()) {
      d = Math.max(d, g.degree());
    }
    return d;
  }

  /** Every (column, rotation) some gate reads, sorted. */
  public List<Query> queries() {
    Set<Expression.Cell> cells = new HashSet<>();
    for (Gate g : allGates()) {
      for (Expression e : g.polys()) {
        e.collectCells(cells);
      }
    }
    TreeSet<Query> qs = new TreeSet<>();
    for (Expression.Cell c : cells) {
      qs.add(new Query(c.column(), c.rotation()));
    }
    return List.copyOf(qs);
  }

  /** The blinding rows halo2 reserves: one per possible revealed evaluation, plus two. */
  public static int blindingFor(int maxAdviceQueries) {
    return Math.max(3, maxAdviceQueries) + 2;
  }

  /** The region containing {@code row}, or null. */
  public Region regionAt(int row) {
    for (Region r : regions) {
      if (r.contains(row)) {
        return r;
      }
    }
    return null;
  }
}
