package io.kubz.slicer.onnx;

import io.kubz.slicer.ir.Op;
import io.kubz.slicer.ir.Tensor;
import io.kubz.slicer.ir.ValueInfo;
import io.kubz.slicer.onnx.proto.Onnx.NodeProto;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * What decoding one ONNX node may look at: its attributes, the opset, the constants and the shapes
 * known so far. Auxiliary inputs (shapes, axes, bounds, indices, pads) must be constants.
 */
final class DecodeContext {
  /**
   * A decoded node: the IR operation, the names of its data inputs, and constants the decoding
   * made (a name and tensor, or null).
   */
  record Decoded(Op op, List<String> inputs, String constantName, Tensor constant) {}

  final NodeProto node;
  final String name;
  final String what;
  final long opset;
  final Attrs attrs;
  private final Map<String, Tensor> constants;
  private final Map<String, ValueInfo> values;

  DecodeContext(NodeProto node, String name, String what, long opset,
      Map<String, Tensor> constants, Map<String, ValueInfo> values) {
    this.node = node;
    this.name = name;
    this.what = what;
    this.opset = opset;
    this.attrs = new Attrs(node, what);
    this.constants = constants;
    this.values = values;
  }

  /** Whether input k is given (absent or "" means an omitted optional input). */
  boolean hasInput(int k) {
    return k < node.getInputCount() && !node.getInput(k).isEmpty();
  }

  String input(int k) {
    if (!hasInput(k)) {
      throw new MalformedModelException(what + ": required input #" + (k + 1) + " is missing");
    }
    return node.getInput(k);
  }

  int[] shape(int k) {
    return values.get(input(k)).shape();
  }

  /** Input k, which must be a constant (a Constant node, an initializer or a folded value). */
  Tensor constant(int k, String role) {
    Tensor t = constants.get(input(k));
    if (t == null) {
      // A limitation of kubz (static shapes and indices), not a fault of the model.
      throw new UnsupportedOpException(node.getOpType(), name, "its " + role + " input '"
          + input(k) + "' is computed from the model input, but kubz needs it constant (static "
          + "shapes and indices); re-export the model with it fixed");
    }
    return t;
  }

  /** Input k if it is a constant, else null. */
  Tensor constantOrNull(int k) {
    return constants.get(input(k));
  }

  /** The first {@code n} inputs, all required. */
  List<String> inputs(int n) {
    List<String> r = new ArrayList<>();
    for (int k = 0; k < n; k++) {
      r.add(input(k));
    }
    return r;
  }

  /** Inputs 0..n−1 where the trailing ones may be absent. */
  List<String> optionalInputs(int required, int n) {
    List<String> r = inputs(required);
    for (int k = required; k < n && hasInput(k); k++) {
      r.add(input(k));
    }
    return r;
  }

  Decoded of(Op op, List<String> inputs) {
    return new Decoded(op, inputs, null, null);
  }

  /** A decoding that also introduces a constant (which one of {@code inputs} names). */
  Decoded withConstant(Op op, List<String> inputs, String name, Tensor t) {
    if (constants.containsKey(name) || values.containsKey(name)) {
      throw error("tensor name '" + name + "' is already taken");
    }
    return new Decoded(op, inputs, name, t);
  }

  io.kubz.slicer.ir.DType dtype(int k) {
    return values.get(input(k)).dtype();
  }

  static int[] toInts(long[] v) {
    int[] r = new int[v.length];
    for (int k = 0; k < v.length; k++) {
      r[k] = Math.toIntExact(v[k]);
    }
    return r;
  }

  MalformedModelException error(String msg) {
    return new MalformedModelException(what + ": " + msg);
  }
}
