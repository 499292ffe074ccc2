package io.kubz.slicer.quant;

import io.kubz.field.BadInputException;
import io.kubz.lookup.table.TableSpec;
import io.kubz.slicer.interp.FloatInterpreter;
import io.kubz.slicer.ir.Graph;
import io.kubz.slicer.ir.Tensor;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

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
        || n.op() instanceof io.kubz.slicer.ir.Op.DynamicGatherElements) && n.inputs().size() > 1 && n.inputs().get(1).equals(input));
  }

  public static Result calibrate(Graph g, List<List<Tensor>> samples, QuantPlan base) {
    if (samples.isEmpty()) {
      throw new BadInputException("calibration needs at least one input sample");
    }
    Map<String, Integer> wide = new HashMap<>();
    g.nodes().forEach(n -> wide.put(n.name(), TableSpec.MAX_BITS));
    QuantizedGraph probe = QuantizedGraph.quantize(g, base.withTableBits(wide));
    Map<String, Long> maxAbs = new LinkedHashMap<>();
    Map<String, Long> outAbs = new LinkedHashMap<>();
    for (List<Tensor> sample : samples) {
      FloatInterpreter.run(g, sample); // validates shapes and finiteness with clear messages
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
    Map<String, Integer> ranges = new LinkedHashMap<>();
    outAbs.forEach((node, m) -> ranges.put(node, Math.min(62, 64 - Long.numberOfLeadingZeros(m) + 1
        + base.marginBits())));
    Map<String, Integer> bits = new LinkedHashMap<>();
    for (QNode n : probe.nodes()) {
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
    return new Result(plan, q, accuracy(q, samples));
  }

  /** Max and mean absolute error of the quantized outputs against the float reference. */
  public static AccuracyReport accuracy(QuantizedGraph q, List<List<Tensor>> samples) {
    double max = 0;
    double sum = 0;
    double maxOut = 0;
    long n = 0;
    for (List<Tensor> sample : samples) {
      Map<String, Tensor> ref = FloatInterpreter.run(q.graph(), sample);
      Map<String, Tensor> got = IntegerInterpreter.runReal(q, sample);
      for (Map.Entry<String, Tensor> e : ref.entrySet()) {
        double[] r = e.getValue().data();
        double[] x = got.get(e.getKey()).data();
        for (int i = 0; i < r.length; i++) {
          double err = Math.abs(r[i] - x[i]);
          max = Math.max(max, err);
          maxOut = Math.max(maxOut, Math.abs(r[i]));
          sum += err;
          n++;
        }
      }
    }
    return new AccuracyReport(samples.size(), n, max, n == 0 ? 0 : sum / n, maxOut);
  }

  static List<long[]> quantize(QuantizedGraph q, List<Tensor> sample) {
    List<long[]> out = new ArrayList<>();
    for (Tensor t : sample) {
      out.add(q.quantizeInput(t));
    }
    return out;
  }
}
