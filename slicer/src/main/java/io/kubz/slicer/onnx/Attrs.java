package io.kubz.slicer.onnx;

import io.kubz.slicer.onnx.proto.Onnx.AttributeProto;
import io.kubz.slicer.onnx.proto.Onnx.NodeProto;
import io.kubz.slicer.onnx.proto.Onnx.TensorProto;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

/** Typed access to a node's attributes, with errors that name the node and attribute. */
final class Attrs {
  private final Map<String, AttributeProto> byName = new HashMap<>();
  private final String what;

  Attrs(NodeProto node, String what) {
    this.what = what;
    for (AttributeProto a : node.getAttributeList()) {
      byName.put(a.getName(), a);
    }
  }

  boolean has(String name) {
    return byName.containsKey(name);
  }

  long i(String name, long dflt) {
    AttributeProto a = get(name, AttributeProto.AttributeType.INT);
    return a == null ? dflt : a.getI();
  }

  double f(String name, double dflt) {
    AttributeProto a = get(name, AttributeProto.AttributeType.FLOAT);
    return a == null ? dflt : a.getF();
  }

  String s(String name, String dflt) {
    AttributeProto a = get(name, AttributeProto.AttributeType.STRING);
    return a == null ? dflt : a.getS().toString(StandardCharsets.UTF_8);
  }

  /** A list of ints, or null when absent. */
  long[] ints(String name) {
    AttributeProto a = get(name, AttributeProto.AttributeType.INTS);
    if (a == null) {
      return null;
    }
    long[] r = new long[a.getIntsCount()];
    for (int k = 0; k < r.length; k++) {
      r[k] = a.getInts(k);
    }
    return r;
  }

  /** A list of floats, or null when absent. */
  float[] floats(String name) {
    AttributeProto a = get(name, AttributeProto.AttributeType.FLOATS);
    if (a == null) {
      return null;
    }
    float[] r = new float[a.getFloatsCount()];
    for (int k = 0; k < r.length; k++) {
      r[k] = a.getFloats(k);
    }
    return r;
  }

  /** A list of strings, or null when absent. */
  String[] strings(String name) {
    AttributeProto a = get(name, AttributeProto.AttributeType.STRINGS);
    if (a == null) {
      return null;
    }
    String[] r = new String[a.getStringsCount()];
    for (int k = 0; k < r.length; k++) {
      r[k] = a.getStrings(k).toString(StandardCharsets.UTF_8);
    }
    return r;
  }

  TensorProto t(String name) {
    AttributeProto a = get(name, AttributeProto.AttributeType.TENSOR);
    return a == null ? null : a.getT();
  }

  private AttributeProto get(String name, AttributeProto.AttributeType type) {
    AttributeProto a = byName.get(name);
    if (a == null) {
      return null;
    }
    if (a.hasType() && a.getType() != type) {
      throw new MalformedModelException(what + ": attribute '" + name + "' is " + a.getType()
          + ", expected " + type);
    }
    if (!a.getRefAttrName().isEmpty()) {
      throw new MalformedModelException(what + ": attribute '" + name
          + "' refers to a function attribute, which only functions may use");
    }
    return a;
  }
}
