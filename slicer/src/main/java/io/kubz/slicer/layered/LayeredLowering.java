package io.kubz.slicer.layered;

import io.kubz.gkr.model.LayeredModel;
import io.kubz.slicer.quant.QuantizedGraph;
import java.util.List;
import java.util.Map;

/** Lowers a quantized graph to a {@link LayeredModel} (see the package documentation). */
public final class LayeredLowering {
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
    throw new UnsupportedOperationException("not yet");
  }
}
