package io.kubz.slicer.quant;

import io.kubz.field.BadInputException;
import io.kubz.lookup.table.FixedPoint;
import io.kubz.lookup.table.TableSpec;
import io.kubz.slicer.interp.FloatInterpreter;
import io.kubz.slicer.ir.Graph;
import io.kubz.slicer.ir.Tensor;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntFunction;

/**
 * Chooses the table widths of a {@link QuantPlan} from sample inputs and measures the accuracy.
 *
 * <p>The samples are run through the integer interpreter with every table as wide as allowed
 * ({@link TableSpec#MAX_BITS}), observing the values each table is queried with; widths do not
 * change a table's function, only its domain, so those are exactly the queries of the final
 * circuits. Each table then gets the bits its largest query needs, plus the sign bit, plus the
 * plan's margin. The accuracy report compares the dequantized outputs with the float reference.
 */
public final class Calibrator {
  /** Seed of the synthetic samples of {@link #fromModel}: fixed, so that prover and verifier agree. */
  static final long MODEL_SAMPLES_SEED = 0x6b75627a73657473L;
  /**
   * The error the scale search aims for: 0.5 % of the largest float output, half of the 1 % a
   * user may expect, so that inputs like the calibration samples land within 1 %.
   */
  public static final double TARGET_ERROR = 0.005;
  /** The highest scale the search tries (2^16: products at 2^32 still leave ample headroom in a long). */
  public static final int MAX_SEARCH_SCALE = 16;
  /** Scales tried: every second power of two (each rung quarters the rounding error). */
  public static final int SEARCH_STEP = 2;
  /**
   * The widest table the search accepts (2^18 entries): wider tables make every circuit that holds
   * them at least that many rows, a cost the user should choose explicitly (a settings file).
   */
  public static final int MAX_SEARCH_TABLE_BITS = 18;

  private Calibrator() {}

  /** The calibrated plan and its accuracy. */
  public record Result(QuantPlan plan, QuantizedGraph graph, AccuracyReport accuracy) {}

  /**
   * The declared range [lo, hi] of every real value of the model's inputs, from which
   * {@link #fromModel} derives settings without seeing an input.
   */
  public record InputRange(double lo, double hi) {
    /** [-1, 1]: inputs normalised the usual way (kubz's example models draw their inputs from it). */
    public static final InputRange DEFAULT = new InputRange(-1, 1);

    public InputRange {
      if (!Double.isFinite(lo) || !Double.isFinite(hi) || lo > hi) {
        throw new BadInputException("the input range [" + lo + ", " + hi + "] is not a finite interval lo <= hi:"
            + " pass --input-range LO,HI");
      }
    }

    @Override
    public String toString() {
      return "[" + lo + ", " + hi + "]";
    }
  }

  /**
   * Settings from the model alone: {@link #calibrate} on synthetic samples that depend only on the
   * model's input shapes and the declared range, never on an actual input, so that a private or
   * hashed input leaves no trace in the settings or the model digest, and a verifier re-derives
   * exactly the same settings from the model. The samples are every input at lo, at hi and at the
   * midpoint, four seeded uniform draws from [lo, hi] and four seeded draws from {lo, hi} (corners of
   * the input box, where linear layers reach their extremes). This is calibration, not a bound:
   * an input whose tables leave the derived ranges fails to prove with a {@link TableRangeException}
   * (then calibrate on samples like it and pass the settings file, or declare a wider range).
   */
  public static Result fromModel(Graph g, QuantPlan base, InputRange range) {
    java.util.SplittableRandom rnd = new java.util.SplittableRandom(MODEL_SAMPLES_SEED);
    List<List<Tensor>> samples = new ArrayList<>();
    double mid = (range.lo() + range.hi()) / 2;
    for (int kind = 0; kind < 11; kind++) {
      List<Tensor> sample = new ArrayList<>();
      for (io.kubz.slicer.ir.ValueInfo v : g.inputs()) {
        Tensor t = Tensor.zeros(io.kubz.slicer.ir.DType.FLOAT, v.shape());
        double[] d = t.data();
        boolean index = indexInput(g, v.name());
        for (int i = 0; i < d.length; i++) {
          d[i] = switch (kind) {
            case 0 -> range.lo();
            case 1 -> range.hi();
            case 2 -> mid;
            default -> kind < 7 ? range.lo() + rnd.nextDouble() * (range.hi() - range.lo())
                : rnd.nextBoolean() ? range.lo() : range.hi();
          };
          if (index) {
            d[i] = Math.max(0, Math.rint(d[i]));
          }
        }
        sample.add(t);
      }
      samples.add(sample);
    }
    return calibrate(g, samples, base);
  }

  /**
   * An input read as the indices of a gather: its samples are rounded to integers ≥ 0 (any
   * other value has no selection to prove).
   */
  private static boolean indexInput(Graph g, String input) {
    return g.consumers(input).stream().anyMatch(n -> (n.op() instanceof io.kubz.slicer.ir.Op.DynamicGather
        || n.op() instanceof io.kubz.slicer.ir.Op.DynamicGatherElements || n.op() instanceof io.kubz.slicer.ir.Op.DynamicGatherND
        || n.op() instanceof io.kubz.slicer.ir.Op.ScatterElements || n.op() instanceof io.kubz.slicer.ir.Op.ScatterND)
        && n.inputs().size() > 1 && n.inputs().get(1).equals(input));
  }

  /**
   * Calibrates on {@code samples}. A plan that {@link QuantPlan#searched() searches} its scale
   * (the default, "accuracy") is tried at its scale s, then s + 2, s + 4, … up to
   * {@link #MAX_SEARCH_SCALE} (activations and parameters alike), and the first plan whose outputs
   * are within {@link #TARGET_ERROR} of the float model's on the samples (relative to the largest
   * float output, {@link AccuracyReport#relativeError()}) is taken. A rung is not taken when one of
   * its tables would need more than {@link #MAX_SEARCH_TABLE_BITS} bits (or the integers no longer
   * fit): then the last feasible rung is, the most accurate one affordable. Other plans keep their
   * scales. Deterministic: the same model and samples give the same plan.
   */
  public static Result calibrate(Graph g, List<List<Tensor>> samples, QuantPlan base) {
    return calibrate(g, samples, base, TARGET_ERROR);
  }

  /** {@link #calibrate} with the search aiming for {@code target} instead of {@link #TARGET_ERROR}. */
  public static Result calibrate(Graph g, List<List<Tensor>> samples, QuantPlan base, double target) {
    reference(g, samples); // validates shapes and finiteness with clear messages before any rung
    if (!base.searched()) {
      return calibrateAt(g, samples, base);
    }
    Map<Integer, List<Map<String, double[]>>> refs = new HashMap<>(); // float outputs by input rounding
    IntFunction<List<Map<String, double[]>>> ref = k -> refs.computeIfAbsent(k, x -> reference(g, rounded(samples, x)));
    Result best = calibrateAt(g, samples, ref.apply(base.activationScale()), base);
    for (int s = base.activationScale() + SEARCH_STEP; searchError(best, ref) > target
        && s <= MAX_SEARCH_SCALE; s += SEARCH_STEP) {
      Result next;
      try {
        next = calibrateAt(g, samples, ref.apply(s), base.withScales(s));
      } catch (BadInputException | ArithmeticException e) {
        break; // tables too wide or integers too large at this scale: the previous rung is the best affordable
      }
      if (maxTableBits(next.plan()) > MAX_SEARCH_TABLE_BITS) {
        break;
      }
      best = next;
    }
    return best;
  }

  /**
   * What the search holds against its target at the result's scale s: the error of the integer
   * computation on the input rounded to 2^-s ({@link #calibrateAt}) plus what that rounding itself
   * changes in the float outputs, measured as the difference between the float outputs on the
   * input rounded to 2^-s and to 2^-{@value #FINE_SCALE}, finer than any rung (against the next rung
   * instead, an input that rounds to the same values at both looks exact: ezkl's min, 0.0120 at
   * 2^-8 and 2^-10 alike 3/256, 2.6 % off). Both terms are functions of the input rounded to 2^-s and
   * to 2^-{@value #FINE_SCALE}, so a verifier that holds the input only at the chosen scale c gets the
   * first term exactly at c and the second as 0 there (the input is already on the finer grid):
   * its figure at c is at most the prover's, and an honest prover's scale is never below the
   * verifier's pick ({@code TrustedSettings.trusted}). What no verifier can check is how precise the
   * input was before it was rounded: a prover may always claim the rounded input as its input.
   */
  static double searchError(Graph g, List<List<Tensor>> samples, Result r) {
    return searchError(r, k -> reference(g, rounded(samples, k)));
  }

  private static double searchError(Result r, IntFunction<List<Map<String, double[]>>> ref) {
    int s = r.plan().activationScale();
    return r.accuracy().relativeError() + AccuracyReport.compare(ref.apply(FINE_SCALE), ref.apply(s)).relativeError();
  }

  /** The rounding the search takes for the input as given (2 bits finer than its top rung). */
  static final int FINE_SCALE = MAX_SEARCH_SCALE + SEARCH_STEP;

  /** The scales the search may pick for {@code base}: s, s + 2, … up to {@link #MAX_SEARCH_SCALE}. */
  public static boolean onSearchLadder(QuantPlan base, int scale) {
    return base.searched() && scale >= base.activationScale() && scale <= MAX_SEARCH_SCALE
        && (scale - base.activationScale()) % SEARCH_STEP == 0;
  }

  static int maxTableBits(QuantPlan p) {
    return p.tableBits().values().stream().mapToInt(Integer::intValue).max().orElse(0);
  }

  /**
   * {@link #calibrate} at the scales of {@code base}, without searching. The accuracy is that of
   * the integer computation on the input it proves: the quantized outputs against the float model's
   * on the samples rounded to the activation scale ({@link #rounded}), not on the samples as given.
   *
   * <p>Decision (session 7): a verifier must be able to replay the search, and it sees a public input
   * only as the bundle holds it, rounded to the chosen scale s. Against the float model on the samples
   * as given, the error at s mixes the rounding of the input with the rounding of the computation;
   * the two can cancel by chance (ezkl's 1l_linear: 0.21 % at 2^10 against its input, 1.17 % against
   * the same input rounded to 2^-10), so a verifier measuring on the rounded input disagreed with an
   * honest prover. Measured on the rounded input, the error at the chosen scale is the same number on
   * both sides, bit for bit; the search adds an estimate of the input's own rounding
   * ({@link #searchError}). {@code kubz prove} prints the accuracy against the float model on the
   * input as given.
   */
  public static Result calibrateAt(Graph g, List<List<Tensor>> samples, QuantPlan base) {
    return calibrateAt(g, samples, reference(g, rounded(samples, base.activationScale())), base);
  }

  /** The samples with every value rounded to the nearest multiple of 2^-scale, as the integer model reads them. */
  static List<List<Tensor>> rounded(List<List<Tensor>> samples, int scale) {
    List<List<Tensor>> out = new ArrayList<>();
    for (List<Tensor> sample : samples) {
      List<Tensor> r = new ArrayList<>();
      for (Tensor t : sample) {
        double[] d = t.data().clone();
        for (int i = 0; i < d.length; i++) {
          d[i] = FixedPoint.toReal(FixedPoint.toFixed(d[i], scale), scale);
        }
        r.add(Tensor.of(t.dtype(), t.shape(), d));
      }
      out.add(r);
    }
    return out;
  }

  /**
   * The float model's outputs on every sample, once per calibration (this also validates shapes and
   * finiteness with clear messages).
   */
  private static List<Map<String, double[]>> reference(Graph g, List<List<Tensor>> samples) {
    if (samples.isEmpty()) {
      throw new BadInputException("calibration needs at least one input sample");
    }
    List<Map<String, double[]>> refs = new ArrayList<>();
    for (List<Tensor> sample : samples) {
      refs.add(data(FloatInterpreter.run(g, sample)));
    }
    return refs;
  }

  private static Result calibrateAt(Graph g, List<List<Tensor>> samples, List<Map<String, double[]>> refs,
      QuantPlan base) {
    Map<String, Integer> wide = new HashMap<>();
    g.nodes().forEach(n -> wide.put(n.name(), TableSpec.MAX_BITS));
    base = base.withNormShifts(Map.of());
    Probe probe = probe(g, samples, base.withTableBits(wide));
    Map<String, Integer> shifts = new LinkedHashMap<>();
    for (NormChains.Chain c : NormChains.find(g).values()) {
      int k = NormChains.shift(probe.outAbs().getOrDefault(c.mean(), 0L), base.activationScale());
      if (k > 0) {
        shifts.put(c.pow(), k);
      }
    }
    if (!shifts.isEmpty()) { // the shifted chains' tables see other values: observe them again
      base = base.withNormShifts(shifts);
      probe = probe(g, samples, base.withTableBits(wide));
    }
    Map<String, Long> maxAbs = probe.maxAbs();
    Map<String, Long> outAbs = probe.outAbs();
    Map<String, Integer> ranges = new LinkedHashMap<>();
    int margin = base.marginBits();
    outAbs.forEach((node, m) -> ranges.put(node, Math.min(62, 64 - Long.numberOfLeadingZeros(m) + 1 + margin)));
    Map<String, Integer> bits = new LinkedHashMap<>();
    for (QNode n : probe.graph().nodes()) {
      if (n.table() == null) {
        continue;
      }
      long m = maxAbs.getOrDefault(n.name(), 0L);
      int need = 64 - Long.numberOfLeadingZeros(m) + 1 + base.marginBits();
      need = Math.max(need, 4);
      if (need > TableSpec.MAX_BITS) {
        throw new BadInputException(n.node().label() + ": its inputs reach " + m + " at scale 2^"
            + base.activationScale() + ", which needs a " + need + "-bit table (at most " + TableSpec.MAX_BITS
            + "); use a smaller activation_scale (--target resources)");
      }
      bits.put(n.name(), need);
    }
    QuantPlan plan = base.withTableBits(bits).withRangeBits(ranges);
    QuantizedGraph q = QuantizedGraph.quantize(g, plan);
    List<Map<String, double[]>> got = new ArrayList<>();
    for (List<Tensor> sample : samples) {
      got.add(data(IntegerInterpreter.runReal(q, sample)));
    }
    return new Result(plan, q, AccuracyReport.compare(refs, got));
  }

  /** What a trace of the samples with every table at full width saw: table queries and node outputs. */
  private record Probe(QuantizedGraph graph, Map<String, Long> maxAbs, Map<String, Long> outAbs) {}

  private static Probe probe(Graph g, List<List<Tensor>> samples, QuantPlan wide) {
    QuantizedGraph probe = QuantizedGraph.quantize(g, wide);
    Map<String, Long> maxAbs = new LinkedHashMap<>();
    Map<String, Long> outAbs = new LinkedHashMap<>();
    for (List<Tensor> sample : samples) {
      Map<String, long[]> env = IntegerInterpreter.trace(probe, quantize(probe, sample),
          (node, v) -> maxAbs.merge(node.name(), Math.abs(v), Math::max));
      for (QNode n : probe.nodes()) {
        long m = 0;
        for (long v : env.get(n.node().output())) {
          m = Math.max(m, v == Long.MIN_VALUE ? Long.MAX_VALUE : Math.abs(v));
        }
        outAbs.merge(n.name(), m, Math::max);
      }
    }
    return new Probe(probe, maxAbs, outAbs);
  }

  /** Max and mean absolute error of the quantized outputs against the float reference. */
  public static AccuracyReport accuracy(QuantizedGraph q, List<List<Tensor>> samples) {
    List<Map<String, double[]>> ref = new ArrayList<>();
    List<Map<String, double[]>> got = new ArrayList<>();
    for (List<Tensor> sample : samples) {
      ref.add(data(FloatInterpreter.run(q.graph(), sample)));
      got.add(data(IntegerInterpreter.runReal(q, sample)));
    }
    return AccuracyReport.compare(ref, got);
  }

  private static Map<String, double[]> data(Map<String, Tensor> ts) {
    Map<String, double[]> m = new LinkedHashMap<>();
    ts.forEach((k, v) -> m.put(k, v.data()));
    return m;
  }

  static List<long[]> quantize(QuantizedGraph q, List<Tensor> sample) {
    List<long[]> out = new ArrayList<>();
    for (Tensor t : sample) {
      out.add(q.quantizeInput(t));
    }
    return out;
  }
}
