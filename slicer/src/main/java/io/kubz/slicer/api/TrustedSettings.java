package io.kubz.slicer.api;

import io.kubz.field.BadInputException;
import io.kubz.slicer.ir.Graph;
import io.kubz.slicer.ir.Tensor;
import io.kubz.slicer.lower.Visibility;
import io.kubz.slicer.quant.Calibrator;
import io.kubz.slicer.quant.QuantPlan;
import io.kubz.slicer.quant.QuantizedGraph;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * Where the quantization settings of a run come from: one rule, applied by the prover when no
 * settings are given and by the verifier to know which settings to expect (the settings are part of
 * the statement: a model quantized at scale 0 computes something else than the float model).
 *
 * <p>Decision (issue #16, findings 2 and 6): settings given by the user (a file from
 * {@code kubz calibrate}, possibly on many samples) are used as they are. Otherwise, when the
 * model's input is PUBLIC, they are calibrated on the input itself from {@code base}: the input is
 * in the bundle anyway, and a verifier re-derives the same settings from the bundle's input values
 * (the integer trace that picks the table widths depends only on the quantized input, which the
 * bundle holds exactly). When the input is PRIVATE or HASHED they come from the model alone
 * ({@link Calibrator#fromModel}: synthetic samples in the declared input range, [-1, 1] unless
 * declared otherwise), never from the input, so two private inputs give the same settings and the
 * same model digest (proofs are not linkable through them).
 *
 * @param given settings to use as they are, or null
 * @param base the preset the derived settings start from (scales and margin)
 * @param range the declared range of the input values, for settings from the model alone
 */
public record TrustedSettings(QuantPlan given, QuantPlan base, Calibrator.InputRange range) {

  public TrustedSettings {
    base = base == null ? QuantPlan.defaults() : base;
    range = range == null ? Calibrator.InputRange.DEFAULT : range;
  }

  /** These settings exactly (a settings file). */
  public static TrustedSettings given(QuantPlan p) {
    return new TrustedSettings(p, null, null);
  }

  /** The default rule from the default preset, private inputs declared in [-1, 1]. */
  public static TrustedSettings defaults() {
    return derived(Calibrator.InputRange.DEFAULT);
  }

  /** The default rule from the default preset, for inputs declared in {@code range}. */
  public static TrustedSettings derived(Calibrator.InputRange range) {
    return new TrustedSettings(null, QuantPlan.defaults(), range);
  }

  /**
   * The model quantized by this rule.
   *
   * @param input the visibility of the model's inputs
   * @param inputs the input values, used only when {@code input} is PUBLIC (null otherwise)
   */
  public QuantizedGraph quantize(Graph model, Visibility.Mode input, List<Tensor> inputs) {
    return quantize(model, new Visibility(input, Visibility.Mode.PUBLIC), inputs);
  }

  /**
   * The model quantized by this rule for a run with visibility {@code vis}. The scale search of the
   * default preset runs only where its result is safe to depend on: a PUBLIC input that no chain
   * continues. Settings from the model alone (a private or hashed input) and the settings of a model
   * whose output is HASHED for a next model keep the preset's fixed 2^8 ("balanced"), so that the two
   * ends of a chain, each derived on its own, quantize the shared tensor at the same scale.
   *
   * @param inputs the input values, used only when the input is PUBLIC (null otherwise)
   */
  public QuantizedGraph quantize(Graph model, Visibility vis, List<Tensor> inputs) {
    if (given != null) {
      return QuantizedGraph.quantize(model, given);
    }
    if (vis.input() == Visibility.Mode.PUBLIC) {
      return Calibrator.calibrate(model, List.of(inputs), searches(vis) ? base : fixed()).graph();
    }
    return Calibrator.fromModel(model, fixed(), range).graph();
  }

  private static boolean searches(Visibility vis) {
    return vis.input() == Visibility.Mode.PUBLIC && vis.output() != Visibility.Mode.HASHED;
  }

  /** The base without the scale search: "balanced" at the searched preset's starting scale. */
  private QuantPlan fixed() {
    return base.searched() ? QuantPlan.preset("balanced").withScales(base.activationScale()) : base;
  }

  /**
   * The settings a verifier expects of a bundle that claims {@code claimed}, as the quantized model.
   * Given settings and settings derived from the model alone are re-derived exactly ({@link
   * #quantize}). Settings calibrated on a PUBLIC input by the scale search (the "accuracy" preset,
   * {@link Calibrator#calibrate}) cannot be: the verifier sees the input only as the bundle holds it,
   * rounded to the chosen scale, and its float run on that input is not the prover's. So the claimed
   * scale is accepted when it is on the search's ladder and at least the scale the search picks on
   * the bundle's own input with twice the target error ({@link #VERIFIER_SLACK}); then the table and
   * range bits must be exactly those of calibration at the claimed scale (the bundle holds the
   * quantized input exactly, so the integer traces that pick them are the prover's). A lower scale —
   * a less accurate model than the rule allows — is a mismatch, reported against the search's pick.
   *
   * @param inputs the bundle's public inputs (PUBLIC only; null otherwise)
   */
  public QuantizedGraph trusted(Graph model, Visibility vis, List<Tensor> inputs, QuantPlan claimed) {
    if (given != null || !searches(vis) || !base.searched()) {
      return quantize(model, vis, inputs);
    }
    Calibrator.Result least = Calibrator.calibrate(model, List.of(inputs), base,
        VERIFIER_SLACK * Calibrator.TARGET_ERROR);
    int s = claimed.activationScale();
    if (s > least.plan().activationScale() && claimed.paramScale() == s && base.target().equals(claimed.target())
        && Calibrator.onSearchLadder(base, s)) {
      return Calibrator.calibrateAt(model, List.of(inputs), base.withScales(s)).graph();
    }
    return least.graph();
  }

  /**
   * How much more error than {@link Calibrator#TARGET_ERROR} the verifier's search tolerates on the
   * rounded input before it calls a claimed scale too low (see {@link #trusted}).
   */
  public static final double VERIFIER_SLACK = 2;

  /** How the trusted settings were chosen for this visibility, for reports. */
  public String describe(Visibility.Mode input) {
    if (given != null) {
      return "the given settings";
    }
    return input == Visibility.Mode.PUBLIC ? "calibrated on the public input (" + base.target() + " preset"
        + (base.searched() ? ", scale searched for " + 100 * Calibrator.TARGET_ERROR + " % error)" : ")")
        : "derived from the model for inputs in " + range + " (" + fixed().target() + " preset)";
  }

  /** The PUBLIC inputs a bundle declares, as real tensors; a missing value set is an error. */
  static List<Tensor> publicInputs(List<io.kubz.slicer.bundle.ProofBundle.PublicTensor> declared) {
    List<Tensor> out = new ArrayList<>();
    for (io.kubz.slicer.bundle.ProofBundle.PublicTensor t : declared) {
      long size = 1;
      for (int d : t.shape()) {
        size *= d;
      }
      if (t.values() == null || t.values().length != size) {
        throw new BadInputException("the public input '" + t.name() + "' has no values of its shape");
      }
      out.add(Tensor.of(t.shape(), t.real()));
    }
    return out;
  }

  /** Every field in which {@code claimed} differs from {@code trusted}, as "name: claimed X, trusted Y". */
  public static List<String> differences(QuantPlan claimed, QuantPlan trusted) {
    List<String> d = new ArrayList<>();
    differ(d, "activation_scale", claimed.activationScale(), trusted.activationScale());
    differ(d, "param_scale", claimed.paramScale(), trusted.paramScale());
    differ(d, "margin_bits", claimed.marginBits(), trusted.marginBits());
    differ(d, "target", claimed.target(), trusted.target());
    TreeSet<String> nodes = new TreeSet<>(claimed.tableBits().keySet());
    nodes.addAll(trusted.tableBits().keySet());
    for (String n : nodes) {
      differ(d, "table_bits." + n, bits(claimed.tableBits(), n), bits(trusted.tableBits(), n));
    }
    TreeSet<String> shifted = new TreeSet<>(claimed.normShifts().keySet());
    shifted.addAll(trusted.normShifts().keySet());
    for (String n : shifted) {
      differ(d, "norm_shift." + n, bits(claimed.normShifts(), n), bits(trusted.normShifts(), n));
    }
    // range_bits only shape the GKR back end's range checks; a bundle from before they existed has
    // none, and its plonkish slices do not depend on them (a GKR slice lowered without them would
    // not verify against the trusted ones: its statement differs)
    TreeSet<String> ranged = new TreeSet<>(claimed.rangeBits().keySet());
    if (!ranged.isEmpty()) {
      ranged.addAll(trusted.rangeBits().keySet());
    }
    for (String n : ranged) {
      differ(d, "range_bits." + n, bits(claimed.rangeBits(), n), bits(trusted.rangeBits(), n));
    }
    return d;
  }

  private static String bits(Map<String, Integer> m, String n) {
    return m.containsKey(n) ? String.valueOf(m.get(n)) : "none";
  }

  private static void differ(List<String> d, String name, Object claimed, Object trusted) {
    if (!claimed.equals(trusted)) {
      d.add(name + ": bundle " + claimed + ", trusted " + trusted);
    }
  }
}
