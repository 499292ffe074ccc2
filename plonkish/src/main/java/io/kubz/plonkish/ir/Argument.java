package io.kubz.plonkish.ir;

import io.kubz.field.Fr;
import java.util.List;

/**
 * The seam through which arguments (the permutation argument, lookups) plug into keygen, prover and
 * verifier without changes to their core. An argument is configured when the circuit is compiled:
 * it allocates its fixed columns (with their values), its advice columns (in phases after the
 * challenges it needs) and its challenges, and states its constraints as ordinary {@link Gate}s,
 * which may use {@link Expression.Domain} leaves. The prover then only asks it to fill its advice
 * columns phase by phase; the quotient, openings and verifier treat its columns and gates like any
 * other. Opening queries follow from the rotations its gates use.
 *
 * <p>logUp, for instance, would allocate (through {@link ArgumentContext.Factory}) its table as fixed
 * columns (written by {@link #fillFixed}), its multiplicity column m in the circuit's last phase p
 * (filled by {@link #fill} for phase p, after the circuit's own advice of that phase), a challenge
 * α of phase p, and its running sum φ in phase p + 1, with the gates L_0·φ = 0,
 * (1 − L_u − L_blind)·((φ(ωX) − φ(X))·(α + f)(α + t) − (α + t) + m·(α + f)) = 0 and L_u·φ = 0.
 * The proving-key format stores the permutation argument only; a new argument adds its own message.
 */
public interface Argument {

  /** Short name used in diagnostics and in the verifying-key digest. */
  String name();

  /** Constraints contributed by the argument. */
  List<Gate> gates();

  /** Writes the values of the fixed columns this argument allocated into {@code fixed[c]}. */
  void fillFixed(long[][] fixed);

  /** Advice columns this argument fills (not the circuit's synthesizer). */
  List<Column.Advice> columns();

  /**
   * Fills this argument's advice columns of {@code phase} on rows {@code 0..usable-1} of
   * {@code trace}, whose other columns of phases up to {@code phase} are final. {@code challenges}
   * holds every challenge drawn so far (later ones are null).
   */
  void fill(int phase, Trace trace, Fr[] challenges);
}
