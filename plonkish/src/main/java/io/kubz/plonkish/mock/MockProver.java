package io.kubz.plonkish.mock;

import io.kubz.field.Fr;
import io.kubz.plonkish.builder.Circuit;
import io.kubz.plonkish.ir.Argument;
import io.kubz.plonkish.ir.CircuitDescription;
import io.kubz.plonkish.ir.Column;
import io.kubz.plonkish.ir.CopyConstraint;
import io.kubz.plonkish.ir.Expression;
import io.kubz.plonkish.ir.Gate;
import io.kubz.plonkish.ir.Region;
import io.kubz.plonkish.ir.Trace;
import io.kubz.plonkish.ir.Witness;
import io.kubz.plonkish.lookup.LogUpArgument;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;

/**
 * Checks a witness against its circuit without cryptography: every gate on every row (the advice
 * cells of the reserved rows hold random values, as in a real proof, so a gate that is not switched
 * off there by a selector is reported), every copy constraint, and then the arguments' own gates
 * with their columns filled under random challenges. Lookups are checked directly (each queried
 * tuple must be a row of its table). Failures name gate or lookup, region, row and cells.
 *
 * <p>When the witness records which cells synthesis assigned ({@link Witness#assigned}, as every
 * witness from {@link io.kubz.plonkish.builder.CircuitBuilder} does), it also reports every
 * advice cell that an enabled gate or an active lookup reads but synthesis never assigned
 * ({@link Failure.CellNotAssigned}; the precise rule is {@link Unassigned}'s): such a cell is free
 * for a malicious prover even though the honest witness happens to hold 0 there.
 */
public final class MockProver {
  private final CircuitDescription desc;
  private final Trace trace;
  private final Fr[] challenges;
  private final Unassigned unassigned;

  private MockProver(CircuitDescription desc, Trace trace, Fr[] challenges, java.util.BitSet[] assigned) {
    this.desc = desc;
    this.trace = trace;
    this.challenges = challenges;
    this.unassigned = assigned == null ? null : new Unassigned(desc, assigned);
  }

  /** Fills the trace (random blinding rows and challenges from {@code seed}). */
  public static MockProver run(Circuit circuit, long seed) {
    CircuitDescription d = circuit.description();
    Witness w = circuit.witness();
    Random rnd = new Random(seed);
    int n = d.n();
    long[][] advice = new long[d.numAdvice()][];
    for (int c = 0; c < advice.length; c++) {
      advice[c] = w.advice()[c].clone();
      for (int r = d.usable(); r < n; r++) {
        Fr.random(rnd).writeTo(advice[c], 4 * r);
      }
    }
    Trace t = new Trace(n, d.usable(), advice, d.fixed(), w.instance());
    Fr[] ch = new Fr[d.numChallenges()];
    for (int phase = 0; phase < d.numPhases(); phase++) {
      if (phase > 0) {
        for (Witness.PhaseFiller f : w.fillers()) {
          f.fill(phase, ch, advice);
        }
      }
      for (Argument a : d.arguments()) {
        a.fill(phase, t, ch);
      }
      for (int i = 0; i < ch.length; i++) {
        if (d.challengePhases()[i] == phase) {
          ch[i] = Fr.random(rnd);
        }
      }
    }
    return new MockProver(d, t, ch, w.assigned());
  }

  public static MockProver run(Circuit circuit) {
    return run(circuit, 1L);
  }

  /**
   * All failures: circuit gates, copies, lookups, cells read but never assigned, then (only if all
   * pass) the arguments' gates.
   */
  public List<Failure> failures() {
    List<Failure> out = new ArrayList<>();
    checkGates(desc.gates(), out);
    checkCopies(out);
    checkLookups(out);
    out.addAll(unassignedFailures());
    if (out.isEmpty()) {
      for (Argument a : desc.arguments()) {
        checkGates(a.gates(), out);
      }
    }
    return out;
  }

  /** Only the arguments' gates (e.g. the grand products), whatever the other checks say. */
  public List<Failure> argumentFailures() {
    List<Failure> out = new ArrayList<>();
    for (Argument a : desc.arguments()) {
      checkGates(a.gates(), out);
    }
    return out;
  }

  /** Only the cells an enabled gate or active lookup reads but synthesis never assigned. */
  public List<Failure> unassignedFailures() {
    List<Failure> out = new ArrayList<>();
    if (unassigned != null) {
      RowEvaluator ev = new RowEvaluator(trace, challenges);
      unassigned.checkGates(ev, this::regions, out);
      unassigned.checkLookups(ev, this::regions, out);
    }
    return out;
  }

  /**
   * Whether {@link #failures()} is empty; stops at the first failure, the cheap checks first
   * (copies, then gates, lookups, unassigned cells, the arguments' gates).
   */
  public boolean isSatisfied() {
    List<Failure> out = new ArrayList<>();
    checkCopies(out);
    if (out.isEmpty()) {
      checkGates(desc.gates(), out, true);
    }
    if (out.isEmpty()) {
      checkLookups(out);
    }
    if (out.isEmpty()) {
      out.addAll(unassignedFailures());
    }
    for (int i = 0; i < desc.arguments().size() && out.isEmpty(); i++) {
      checkGates(desc.arguments().get(i).gates(), out, true);
    }
    return out.isEmpty();
  }

  /** Throws an AssertionError listing the first failures, for tests. */
  public void assertSatisfied() {
    List<Failure> f = failures();
    if (!f.isEmpty()) {
      StringBuilder sb = new StringBuilder(f.size() + " constraint failure(s):");
      for (int i = 0; i < Math.min(10, f.size()); i++) {
        sb.append("\n  ").append(f.get(i));
      }
      throw new AssertionError(sb.toString());
    }
  }

  private void checkGates(List<Gate> gates, List<Failure> out) {
    checkGates(gates, out, false);
  }

  private void checkGates(List<Gate> gates, List<Failure> out, boolean first) {
    RowEvaluator ev = new RowEvaluator(trace, challenges);
    for (Gate g : gates) {
      for (int p = 0; p < g.polys().size(); p++) {
        Expression e = g.polys().get(p);
        for (int row = 0; row < trace.n(); row++) {
          ev.row = row;
          if (first && !out.isEmpty()) {
            return;
          }
          if (!e.evaluate(ev).isZero()) {
            Set<Expression.Cell> cells = new TreeSet<>((x, y) -> x.column().compareTo(y.column()) != 0
                ? x.column().compareTo(y.column()) : Integer.compare(x.rotation(), y.rotation()));
            e.collectCells(cells);
            Map<String, Fr> values = new LinkedHashMap<>();
            for (Expression.Cell c : cells) {
              int r = Math.floorMod(row + c.rotation(), trace.n());
              values.put(c.column() + "@" + r, ev.at(c.column(), c.rotation()));
            }
            out.add(new Failure.GateFailure(g.name(), p, row, regions(row), values, row >= trace.usable()));
          }
        }
      }
    }
  }

  private void checkCopies(List<Failure> out) {
    for (CopyConstraint c : desc.copies()) {
      Fr a = value(c.a(), c.rowA());
      Fr b = value(c.b(), c.rowB());
      if (!a.equals(b)) {
        out.add(new Failure.CopyFailure(c, a, b, regions(c.rowA()), regions(c.rowB())));
      }
    }
  }

  private void checkLookups(List<Failure> out) {
    for (Argument a : desc.arguments()) {
      if (a instanceof LogUpArgument l) {
        for (LogUpArgument.Missing m : l.missing(trace, challenges)) {
          out.add(new Failure.LookupFailure(m.lookup(), m.table(), m.row(), regions(m.row()), m.tuple()));
        }
      }
    }
  }

  private Fr value(Column c, int row) {
    return Fr.readFrom(trace.column(c), 4 * row);
  }

  private List<String> regions(int row) {
    List<String> names = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    for (Region r : desc.regions()) {
      if (r.contains(row) && seen.add(r.name())) {
        names.add(r.name() + "(row " + (row - r.start()) + ")");
      }
    }
    return names;
  }
}
