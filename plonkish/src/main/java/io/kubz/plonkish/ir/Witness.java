package io.kubz.plonkish.ir;

import io.kubz.field.Fr;
import java.util.List;

/**
 * Values for one proof: instance columns and advice columns (flat Montgomery vectors of n
 * elements). Advice of phase 0 is given directly; advice of later phases is produced by the
 * fillers once the challenges of earlier phases are known.
 */
public record Witness(long[][] instance, long[][] advice, List<PhaseFiller> fillers) {

  public Witness {
    fillers = List.copyOf(fillers);
  }

  /** Assigns advice cells of a phase &gt; 0 from the challenges drawn so far. */
  @FunctionalInterface
  public interface PhaseFiller {
    /** Called once per phase p &ge; 1, in order; writes advice of phase p into {@code advice}. */
    void fill(int phase, Fr[] challenges, long[][] advice);
  }
}
