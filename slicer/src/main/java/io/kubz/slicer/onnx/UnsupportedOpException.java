package io.kubz.slicer.onnx;

import io.kubz.field.BadInputException;
import java.util.List;

/**
 * The model uses an operator kubz does not implement. Names the operator and the node; when a model
 * has several, {@link #all()} lists every "OpType 'node'" found, first one first.
 */
public final class UnsupportedOpException extends BadInputException {
  private static final long serialVersionUID = 1L;

  private final String opType;
  private final String nodeName;
  private final List<String> all;

  public UnsupportedOpException(String opType, String nodeName, List<String> all) {
    super(message(opType, nodeName, all));
    this.opType = opType;
    this.nodeName = nodeName;
    this.all = List.copyOf(all);
  }

  /** An operator kubz supports, used in a way it does not (e.g. reading a second output). */
  public UnsupportedOpException(String opType, String nodeName, String detail) {
    super("unsupported use of ONNX operator " + opType + " (node '" + nodeName + "'): " + detail);
    this.opType = opType;
    this.nodeName = nodeName;
    this.all = List.of(opType + " '" + nodeName + "'");
  }

  private static String message(String opType, String nodeName, List<String> all) {
    String s = "unsupported ONNX operator " + opType + " (node '" + nodeName + "')";
    if (all.size() > 1) {
      java.util.TreeSet<String> types = new java.util.TreeSet<>();
      for (String a : all) {
        types.add(a.substring(0, a.indexOf(" '")));
      }
      s += "; the model has " + all.size() + " unsupported nodes, of types " + types;
    }
    return s + ". kubz supports: " + String.join(", ", OnnxOps.SUPPORTED)
        + ". Re-export the model without it (or replace it by supported operators).";
  }

  /** The first unsupported operator type, e.g. "TopK" (prefixed "domain:" outside ONNX's own). */
  public String opType() {
    return opType;
  }

  /** The name of the first node using it (generated as "#index" when the node has none). */
  public String nodeName() {
    return nodeName;
  }

  /** Every unsupported node as "OpType 'name'", in file order. */
  public List<String> all() {
    return all;
  }
}
