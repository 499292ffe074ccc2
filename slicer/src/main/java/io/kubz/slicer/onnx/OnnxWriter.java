package io.kubz.slicer.onnx;

import com.google.protobuf.ByteString;
import io.kubz.slicer.ir.DType;
import io.kubz.slicer.ir.Tensor;
import io.kubz.slicer.onnx.proto.Onnx.AttributeProto;
import io.kubz.slicer.onnx.proto.Onnx.GraphProto;
import io.kubz.slicer.onnx.proto.Onnx.ModelProto;
import io.kubz.slicer.onnx.proto.Onnx.NodeProto;
import io.kubz.slicer.onnx.proto.Onnx.OperatorSetIdProto;
import io.kubz.slicer.onnx.proto.Onnx.TensorShapeProto;
import io.kubz.slicer.onnx.proto.Onnx.TypeProto;
import io.kubz.slicer.onnx.proto.Onnx.ValueInfoProto;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Builds ONNX models with the generated protobuf builders: inputs, initializers, nodes with
 * attributes, outputs. Used by {@link ExampleModels}, the CLI demo and tests; the result is a
 * plain {@link ModelProto} that ONNX Runtime runs.
 */
public final class OnnxWriter {
  /** IR version 8 (ONNX 1.10+), understood by every current runtime. */
  public static final long IR_VERSION = 8;

  private final GraphProto.Builder graph = GraphProto.newBuilder();
  private final long opset;
  private int counter;

  private OnnxWriter(String name, long opset) {
    this.opset = opset;
    graph.setName(name);
  }

  /** A writer for a graph named {@code name} at ONNX opset {@code opset}. */
  public static OnnxWriter create(String name, long opset) {
    return new OnnxWriter(name, opset);
  }

  /** Declares a float input. */
  public String input(String name, int... shape) {
    graph.addInput(valueInfo(name, DType.FLOAT, shape));
    return name;
  }

  /** Declares an input of any element type. */
  public String input(String name, DType dtype, int... shape) {
    graph.addInput(valueInfo(name, dtype, shape));
    return name;
  }

  /** Adds an initializer (raw little-endian data). */
  public String initializer(String name, Tensor t) {
    graph.addInitializer(TensorCodec.encode(name, t));
    return name;
  }

  /** Adds a node with one output; its name and output name are generated from the op type. */
  public String node(String opType, List<String> inputs, AttributeProto... attrs) {
    String name = opType.toLowerCase() + "_" + counter++;
    return node(opType, name, inputs, name + "_out", attrs);
  }

  /** Adds a node with a given name and output name. */
  public String node(String opType, String name, List<String> inputs, String output,
      AttributeProto... attrs) {
    NodeProto.Builder n = NodeProto.newBuilder().setOpType(opType).setName(name).addOutput(output);
    n.addAllInput(inputs);
    for (AttributeProto a : attrs) {
      n.addAttribute(a);
    }
    graph.addNode(n);
    return output;
  }

  /** Adds a node with several outputs ("" for an omitted one); returns the outputs. */
  public List<String> node(String opType, String name, List<String> inputs,
      List<String> outputs, AttributeProto... attrs) {
    NodeProto.Builder n = NodeProto.newBuilder().setOpType(opType).setName(name);
    n.addAllInput(inputs).addAllOutput(outputs);
    for (AttributeProto a : attrs) {
      n.addAttribute(a);
    }
    graph.addNode(n);
    return outputs;
  }

  /** Declares a float output of a known shape. */
  public void output(String name, int... shape) {
    graph.addOutput(valueInfo(name, DType.FLOAT, shape));
  }

  /** Declares a float output whose shape is left to the runtime. */
  public void output(String name) {
    graph.addOutput(ValueInfoProto.newBuilder().setName(name)
        .setType(TypeProto.newBuilder().setTensorType(
            TypeProto.Tensor.newBuilder().setElemType(DType.FLOAT.onnxCode())))
        .build());
  }

  /** The model. */
  public ModelProto build() {
    return ModelProto.newBuilder()
        .setIrVersion(IR_VERSION)
        .setProducerName("kubz")
        .addOpsetImport(OperatorSetIdProto.newBuilder().setDomain("").setVersion(opset))
        .setGraph(graph)
        .build();
  }

  public static AttributeProto attr(String name, long v) {
    return AttributeProto.newBuilder().setName(name).setType(AttributeProto.AttributeType.INT)
        .setI(v).build();
  }

  public static AttributeProto attr(String name, float v) {
    return AttributeProto.newBuilder().setName(name).setType(AttributeProto.AttributeType.FLOAT)
        .setF(v).build();
  }

  public static AttributeProto attr(String name, String v) {
    return AttributeProto.newBuilder().setName(name).setType(AttributeProto.AttributeType.STRING)
        .setS(ByteString.copyFrom(v, StandardCharsets.UTF_8)).build();
  }

  public static AttributeProto ints(String name, long... v) {
    AttributeProto.Builder b = AttributeProto.newBuilder().setName(name)
        .setType(AttributeProto.AttributeType.INTS);
    for (long x : v) {
      b.addInts(x);
    }
    return b.build();
  }

  public static AttributeProto strings(String name, String... v) {
    AttributeProto.Builder b = AttributeProto.newBuilder().setName(name)
        .setType(AttributeProto.AttributeType.STRINGS);
    for (String x : v) {
      b.addStrings(ByteString.copyFrom(x, StandardCharsets.UTF_8));
    }
    return b.build();
  }

  public static AttributeProto floats(String name, float... v) {
    AttributeProto.Builder b = AttributeProto.newBuilder().setName(name)
        .setType(AttributeProto.AttributeType.FLOATS);
    for (float x : v) {
      b.addFloats(x);
    }
    return b.build();
  }

  public static AttributeProto tensor(String name, Tensor t) {
    return AttributeProto.newBuilder().setName(name).setType(AttributeProto.AttributeType.TENSOR)
        .setT(TensorCodec.encode("", t)).build();
  }

  private static ValueInfoProto valueInfo(String name, DType dtype, int[] shape) {
    TensorShapeProto.Builder s = TensorShapeProto.newBuilder();
    for (int d : shape) {
      s.addDim(TensorShapeProto.Dimension.newBuilder().setDimValue(d));
    }
    return ValueInfoProto.newBuilder().setName(name)
        .setType(TypeProto.newBuilder().setTensorType(
            TypeProto.Tensor.newBuilder().setElemType(dtype.onnxCode()).setShape(s)))
        .build();
  }
}
