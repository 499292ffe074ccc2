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
  private Calibrator() {}

  /** The calibrated plan and its accuracy. */
  public record Result(QuantPlan plan, QuantizedGraph graph, AccuracyReport accuracy) {}

  public static Result calibrate(Graph g, List<List<Tensor>> samples, QuantPlan base) {
    if (samples.isEmpty()) {
      throw new BadInputException("calibration needs at least one input sample");
    }
    Map<String, Integer> wide = new HashMap<>();
    g.nodes().forEach(n -> wide.put(n.name(), TableSpec.MAX_BITS));
    QuantizedGraph probe = QuantizedGraph.quantize(g, base.withTableBits(wide));
    Map<String, Long> maxAbs = new LinkedHashMap<>();
    for (List<Tensor> sample : samples) {
      FloatInterpreter.run(g, sample); // validates shapes and finiteness with clear messages
      IntegerInterpreter.trace(probe, quantize(probe, sample),
          (node, v) -> maxAbs.merge(node.name(), Math.abs(v), Math::max));
    }
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
    QuantPlan plan = base.withTableBits(bits);
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
