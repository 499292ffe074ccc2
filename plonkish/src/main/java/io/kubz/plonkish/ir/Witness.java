package io.kubz.plonkish.ir;

import io.kubz.field.Fr;
import java.util.BitSet;
import java.util.List;

/**
 * Values for one proof: instance columns and advice columns (flat Montgomery vectors of n
 * elements). Advice of phase 0 is given directly; advice of later phases is produced by the
 * fillers once the challenges of earlier phases are known.
 *
 * @param assigned per advice column, the rows synthesis assigned (of any phase); null when unknown
 *     (a witness made by hand). Diagnostics only ({@code MockProver} reports a cell that a gate or
 *     lookup reads but synthesis never assigned); the prover ignores it.
 */
public record Witness(long[][] instance, long[][] advice, List<PhaseFiller> fillers, BitSet[] assigned) {

  public Witness {
    fillers = List.copyOf(fillers);
    if (assigned != null && assigned.length != advice.length) {
      throw new IllegalArgumentException("assigned rows for " + assigned.length + " columns, advice has "
          + advice.length);
    }
  }

  /** A witness without the record of assigned cells. */
  public Witness(long[][] instance, long[][] advice, List<PhaseFiller> fillers) {
    this(instance, advice, fillers, null);
  }

  /** The same record of assigned cells over other values (a tampered copy, say). */
  public Witness withValues(long[][] instance, long[][] advice, List<PhaseFiller> fillers) {
    return new Witness(instance, advice, fillers, assigned);
  }

  /** Assigns advice cells of a phase &gt; 0 from the challenges drawn so far. */
  @FunctionalInterface
  public interface PhaseFiller {
    /** Called once per phase p &ge; 1, in order; writes advice of phase p into {@code advice}. */
    void fill(int phase, Fr[] challenges, long[][] advice);
  }
}
