package io.kubz.slicer.quant;

import io.kubz.lookup.table.TableSpec;
import io.kubz.slicer.ir.Node;

/**
 * One node of a {@link QuantizedGraph} with everything its integer semantics needs: the scale of
 * each input, the output scale, the rescale shift applied after a product, the lookup table of a
 * non-linearity, and the quantized value of each constant input.
 *
 * @param node the float node
 * @param inScales scale of each input (constants at the scale chosen for this use)
 * @param outScale scale of the output
 * @param shift k of the rescale ⌊(acc + 2^(k−1)) / 2^k⌋ after a product (0: none)
 * @param table the table a non-linearity is looked up in (null if none)
 * @param params quantized constant inputs by input position (null where the input is an activation)
 */
public record QNode(Node node, int[] inScales, int outScale, int shift, TableSpec table, long[][] params) {
  public String name() {
    return node.name();
  }

  /** Whether input i is a constant, baked into the circuit. */
  public boolean isParam(int i) {
    return params[i] != null;
  }
}
