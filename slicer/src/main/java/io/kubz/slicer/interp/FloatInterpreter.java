package io.kubz.slicer.interp;

import io.kubz.field.BadInputException;
import io.kubz.slicer.ir.Graph;
import io.kubz.slicer.ir.Node;
import io.kubz.slicer.ir.Shapes;
import io.kubz.slicer.ir.Tensor;
import io.kubz.slicer.ir.ValueInfo;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The float reference: runs a {@link Graph} node by node in topological order with {@link
 * Kernels}, in double precision. Calibration reads every intermediate tensor ({@link #trace}); the
 * accuracy report compares the quantized result with {@link #run}.
 */
public final class FloatInterpreter {
  private FloatInterpreter() {}

  /** The graph outputs, by name in declaration order, for inputs given in declaration order. */
  public static Map<String, Tensor> run(Graph g, List<Tensor> inputs) {
    Map<String, Tensor> all = trace(g, inputs);
    Map<String, Tensor> out = new LinkedHashMap<>();
    for (ValueInfo v : g.outputs()) {
      out.put(v.name(), all.get(v.name()));
    }
    return out;
  }

  /** The graph outputs for inputs given by name (every model input must be present). */
  public static Map<String, Tensor> run(Graph g, Map<String, Tensor> inputs) {
    List<Tensor> list = new ArrayList<>();
    for (ValueInfo v : g.inputs()) {
      Tensor t = inputs.get(v.name());
      if (t == null) {
        throw new BadInputException("no value given for model input '" + v.name() + "'");
      }
      list.add(t);
    }
    return run(g, list);
  }

  /** Every tensor of the run (inputs, constants, node outputs) by name. */
  public static Map<String, Tensor> trace(Graph g, List<Tensor> inputs) {
    check(g, inputs);
    Map<String, Tensor> env = new HashMap<>(g.constants());
    for (int i = 0; i < inputs.size(); i++) {
      env.put(g.inputs().get(i).name(), inputs.get(i));
    }
    for (Node n : g.nodes()) {
      List<Tensor> in = new ArrayList<>(n.inputs().size());
      for (String s : n.inputs()) {
        in.add(env.get(s));
      }
      env.put(n.output(), Kernels.apply(n.op(), in, n.label()));
    }
    return env;
  }

  /** Inputs must match the graph's inputs in number, size and shape, and be finite. */
  static void check(Graph g, List<Tensor> inputs) {
    if (inputs.size() != g.inputs().size()) {
      throw new BadInputException("the model has " + g.inputs().size() + " input(s), "
          + inputs.size() + " were given");
    }
    for (int i = 0; i < inputs.size(); i++) {
      ValueInfo v = g.inputs().get(i);
      Tensor t = inputs.get(i);
      if (!Arrays.equals(v.shape(), t.shape())) {
        throw new BadInputException("input '" + v.name() + "' must have shape "
            + Shapes.str(v.shape()) + " (" + v.size() + " values), got " + Shapes.str(t.shape())
            + " (" + t.size() + " values)");
      }
      double[] d = t.data();
      for (int k = 0; k < d.length; k++) {
        if (!Double.isFinite(d[k])) {
          throw new BadInputException("input '" + v.name() + "' value #" + k + " is " + d[k]
              + ": inputs must be finite numbers");
        }
      }
    }
  }
}
