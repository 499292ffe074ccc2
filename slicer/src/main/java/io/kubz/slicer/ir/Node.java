package io.kubz.slicer.ir;

import java.util.List;

/**
 * One operation of a {@link Graph}: its ONNX node name (or a generated one), the ONNX operator it
 * came from, the IR operation, the names of its data inputs and the name of its single output.
 */
public record Node(String name, String onnxOpType, Op op, List<String> inputs, String output) {
  public Node {
    inputs = List.copyOf(inputs);
  }

  /** "Conv 'conv1'" — how errors and reports name a node. */
  public String label() {
    return onnxOpType + " '" + name + "'";
  }
}
