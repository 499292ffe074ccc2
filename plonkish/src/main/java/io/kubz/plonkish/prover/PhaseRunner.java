package io.kubz.plonkish.prover;

import io.kubz.field.Fr;
import io.kubz.plonkish.ir.Argument;
import io.kubz.plonkish.ir.CircuitDescription;
import io.kubz.plonkish.ir.Trace;
import io.kubz.plonkish.ir.Witness;
import io.kubz.poly.ntt.Domain;
import io.kubz.poly.ntt.Ntt;
import java.util.Arrays;
import java.util.Random;

/**
 * Fills the advice table phase by phase, as the prover needs it: random values on the reserved
 * rows u..n−1 (the argument columns then overwrite row u, where their products close), the
 * witness's later-phase cells, then the arguments' columns; and turns a phase's columns into
 * coefficient form. The witness arrays are copied, never written, unless the runner is told it owns them.
 */
public final class PhaseRunner {
  private final CircuitDescription desc;
  private final Witness witness;
  private final Random rnd;
  private final long[][] advice;
  private final Trace trace;

  public PhaseRunner(CircuitDescription desc, Witness witness, Random rnd) {
    this(desc, witness, rnd, false);
  }

  /**
   * @param owned whether the runner may work in the witness's advice arrays (of n elements) rather
   *     than in copies: they then end up holding blinding rows, later-phase cells and coefficients
   */
  public PhaseRunner(CircuitDescription desc, Witness witness, Random rnd, boolean owned) {
    this.desc = desc;
    this.witness = witness;
    this.rnd = rnd;
    int n = desc.n();
    advice = new long[desc.numAdvice()][];
    for (int c = 0; c < advice.length; c++) {
      long[] w = witness.advice()[c];
      advice[c] = owned && w.length == 4 * n ? w : Arrays.copyOf(w, 4 * n);
    }
    trace = new Trace(n, desc.usable(), advice, desc.fixed(), witness.instance());
  }

  public Trace trace() {
    return trace;
  }

  /** Completes the advice columns of {@code phase}; challenges of earlier phases must be set. */
  public void run(int phase, Fr[] challenges) {
    for (int c = 0; c < advice.length; c++) {
      if (desc.advicePhases()[c] == phase) {
        for (int row = desc.usable(); row < desc.n(); row++) {
          Fr.random(rnd).writeTo(advice[c], 4 * row);
        }
      }
    }
    if (phase > 0) {
      for (Witness.PhaseFiller f : witness.fillers()) {
        f.fill(phase, challenges, advice);
      }
    }
    for (Argument a : desc.arguments()) {
      a.fill(phase, trace, challenges);
    }
  }

  /** Values of advice column c on H, blinding rows included (shared: do not write). */
  public long[] values(int c) {
    return advice[c];
  }

  /** Coefficients of advice column c (a fresh array). */
  public long[] coefficients(int c) {
    return coefficients(advice[c], desc.k());
  }

  /**
   * Coefficients of advice column c, computed over its values (this runner's own copy): once every
   * phase is run, the prover needs the coefficients only, and keeping both doubled its advice.
   * {@link #values(int)} of the column is then no longer its values.
   */
  public long[] coefficientsInPlace(int c) {
    Ntt.radix2().inverse(PolyOps.domain(desc.k()), advice[c]);
    return advice[c];
  }

  /** Coefficients of the column with values {@code values} on H (a fresh array). */
  public static long[] coefficients(long[] values, int k) {
    long[] a = values.clone();
    Ntt.radix2().inverse(PolyOps.domain(k), a);
    return a;
  }
}
