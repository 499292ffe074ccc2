package io.kubz.slicer.layered;

import io.kubz.field.BadInputException;
import io.kubz.gkr.model.LayeredModel;
import io.kubz.slicer.ir.Graph;
import io.kubz.slicer.ir.ValueInfo;
import io.kubz.slicer.quant.QNode;
import io.kubz.slicer.quant.QuantizedGraph;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Lowers a quantized graph to a {@link LayeredModel} (see the package documentation). */
public final class LayeredLowering {
  /**
   * Real magnitude (log₂) assumed for what no check bounds: a model input, or a rescaled value whose
   * inputs' bounds allow more. Such values are range-checked to W = s + REAL_BITS signed bits (at most
   * 48): |real| &lt; 2^(REAL_BITS − 1), ample for calibrated models; beyond it the prover refuses.
   */
  static final int REAL_BITS = 24;

  private LayeredLowering() {}

  /**
   * The lowered model and how its input and output tensors map to the graph's.
   *
   * @param inputs graph input names, in the order of {@link LayeredModel#inputs()}
   * @param outputs graph output names, in the order of {@link LayeredModel#outputs()}
   * @param shapes the shape of each graph output (for dequantizing)
   */
  public record Lowered(LayeredModel model, List<String> inputs, List<String> outputs,
      Map<String, int[]> shapes) {
    /** The model's inputs from the quantized graph inputs by name. */
    public long[][] inputValues(Map<String, long[]> quantized) {
      long[][] v = new long[inputs.size()][];
      for (int i = 0; i < v.length; i++) {
        v[i] = quantized.get(inputs.get(i));
        if (v[i] == null) {
          throw new IllegalArgumentException("no value for input " + inputs.get(i));
        }
      }
      return v;
    }
  }

  /**
   * Lowers {@code q}. An op the GKR back end cannot prove yet is a
   * {@link io.kubz.field.BadInputException} naming the op and the node and suggesting
   * {@code --proof-system plonkish}.
   */
  public static Lowered lower(QuantizedGraph q) {
    Graph g = q.graph();
    if (g.inputs().isEmpty()) {
      throw new BadInputException("the GKR back end needs a model with at least one input");
    }
    Lowering l = new Lowering(q);
    List<String> inputs = new ArrayList<>();
    double inputBound = Math.scalb(1.0, l.width - 1);
    for (ValueInfo v : g.inputs()) {
      l.define(v.name(), l.b.input(Math.toIntExact(v.size()), inputBound));
      inputs.add(v.name());
    }
    for (QNode qn : q.nodes()) {
      try {
        l.define(qn.node().output(), l.node(qn));
      } catch (IllegalArgumentException | ArithmeticException e) {
        // a model the layer constructors refuse (a size or width out of their range)
        throw new BadInputException(qn.node().label() + ": the GKR back end cannot lower it (" + e.getMessage()
            + "); use --proof-system plonkish");
      }
    }
    List<String> outputs = new ArrayList<>();
    Map<String, int[]> shapes = new LinkedHashMap<>();
    int[] ids = new int[g.outputs().size()];
    for (int i = 0; i < ids.length; i++) {
      ValueInfo v = g.outputs().get(i);
      ids[i] = l.tensor(v.name());
      outputs.add(v.name());
      shapes.put(v.name(), v.shape());
    }
    return new Lowered(Fusion.fuse(l.b.build(ids)), List.copyOf(inputs), List.copyOf(outputs), shapes);
  }
}
