package io.kubz.slicer.onnx;

import com.google.protobuf.InvalidProtocolBufferException;
import io.kubz.field.BadInputException;
import io.kubz.slicer.interp.Kernels;
import io.kubz.slicer.ir.DType;
import io.kubz.slicer.ir.Graph;
import io.kubz.slicer.ir.Node;
import io.kubz.slicer.ir.Tensor;
import io.kubz.slicer.ir.ValueInfo;
import io.kubz.slicer.onnx.proto.Onnx.GraphProto;
import io.kubz.slicer.onnx.proto.Onnx.ModelProto;
import io.kubz.slicer.onnx.proto.Onnx.NodeProto;
import io.kubz.slicer.onnx.proto.Onnx.OperatorSetIdProto;
import io.kubz.slicer.onnx.proto.Onnx.TensorProto;
import io.kubz.slicer.onnx.proto.Onnx.TensorShapeProto;
import io.kubz.slicer.onnx.proto.Onnx.ValueInfoProto;
import io.kubz.slicer.passes.Passes;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads an ONNX model into a {@link Graph}: initializers (typed fields, raw data, external files
 * next to the model), Constant nodes, attributes per the declared opset; graph inputs that are
 * really initializers are dropped. Nodes are sorted topologically and walked once: a node whose
 * inputs are all constant is evaluated and becomes a constant (this folds Shape, Cast, Constant
 * and arithmetic on constants); every other node gets its output type and shape by evaluating its
 * kernel on ones of the input shapes (every operation has a static output shape once its
 * auxiliary inputs are constants, so the probe's values do not matter). Symbolic dimensions (a batch "N") become 1 unless the
 * caller gives the input shapes. Then {@link Passes#standard} folds batch normalisation into the
 * convolution or Gemm before it and fuses the erf/tanh GELU patterns.
 */
public final class OnnxImporter {
  /** The largest model input kubz accepts, in elements (2²⁷: a gigabyte of doubles). */
  public static final long MAX_ELEMENTS = 1L << 27;

  private OnnxImporter() {}

  /** Reads a model file; external tensor data is looked up next to it. */
  public static Graph read(Path file) {
    return read(file, Map.of());
  }

  /** Reads a model file with the shapes of some inputs fixed by the caller. */
  public static Graph read(Path file, Map<String, int[]> inputShapes) {
    byte[] bytes;
    try {
      bytes = Files.readAllBytes(file);
    } catch (IOException e) {
      throw new BadInputException("cannot read the model " + file + ": " + e.getMessage()
          + " (check the path)", e);
    }
    Path dir = file.toAbsolutePath().getParent();
    return read(bytes, dir, inputShapes, file.getFileName().toString());
  }

  /** Reads a model from bytes; {@code baseDir} (may be null) holds external data files. */
  public static Graph read(byte[] bytes, Path baseDir, Map<String, int[]> inputShapes, String what) {
    return convert(parse(bytes, what), baseDir, inputShapes);
  }

  /** Parses the protobuf, with a clear error for truncated or corrupt files. */
  public static ModelProto parse(byte[] bytes, String what) {
    ModelProto m;
    try {
      m = ModelProto.parseFrom(bytes);
    } catch (InvalidProtocolBufferException e) {
      throw new MalformedModelException(what + " is not a valid ONNX model: the file is truncated "
          + "or corrupt (" + e.getMessage() + "); re-export or re-download it", e);
    }
    if (!m.hasGraph() || m.getGraph().getOutputCount() == 0) {
      throw new MalformedModelException(what + " is not a valid ONNX model: it has no graph "
          + "with outputs (truncated or not an ONNX file?)");
    }
    return m;
  }

  /** Converts a parsed model. */
  public static Graph convert(ModelProto m, Path baseDir, Map<String, int[]> inputShapes) {
    GraphProto gp = m.getGraph();
    Map<String, Long> opsets = new LinkedHashMap<>();
    for (OperatorSetIdProto o : m.getOpsetImportList()) {
      opsets.put(o.getDomain().equals("ai.onnx") ? "" : o.getDomain(), o.getVersion());
    }
    long opset = opsets.getOrDefault("", 0L);
    if (opset <= 0) {
      throw new MalformedModelException("the model declares no ONNX operator set version "
          + "(opset_import); re-export it with a current exporter");
    }
    Map<String, Tensor> constants = new HashMap<>();
    Map<String, ValueInfo> values = new HashMap<>();
    for (TensorProto t : gp.getInitializerList()) {
      String what = "initializer '" + t.getName() + "'";
      if (constants.containsKey(t.getName())) {
        throw new MalformedModelException(what + " is defined twice");
      }
      Tensor v = TensorCodec.decode(t, baseDir, what);
      constants.put(t.getName(), v);
      values.put(t.getName(), new ValueInfo(t.getName(), v.dtype(), v.shape()));
    }
    List<ValueInfo> inputs = new ArrayList<>();
    for (ValueInfoProto vi : gp.getInputList()) {
      if (constants.containsKey(vi.getName())) {
        continue; // an initializer listed as an input (IR < 4): a constant, not a model input
      }
      ValueInfo v = inputInfo(vi, inputShapes.get(vi.getName()));
      inputs.add(v);
      values.put(v.name(), v);
    }
    List<NodeProto> protos = gp.getNodeList();
    List<String> labels = new ArrayList<>();
    List<String> unsupported = new ArrayList<>();
    for (int i = 0; i < protos.size(); i++) {
      NodeProto n = protos.get(i);
      String name = nodeName(n, i);
      String type = n.getDomain().isEmpty() || n.getDomain().equals("ai.onnx")
          ? n.getOpType() : n.getDomain() + ":" + n.getOpType();
      labels.add(type + " '" + name + "'");
      if (!OnnxOps.isSupported(n.getDomain(), n.getOpType())) {
        unsupported.add(type + " '" + name + "'");
      }
    }
    if (!unsupported.isEmpty()) {
      String first = unsupported.get(0);
      int q = first.indexOf(" '");
      throw new UnsupportedOpException(first.substring(0, q),
          first.substring(q + 2, first.length() - 1), unsupported);
    }
    Set<String> available = new HashSet<>(values.keySet());
    int[] order = TopoSort.order(protos, available, labels);
    Set<String> referenced = new HashSet<>();
    for (NodeProto n : protos) {
      referenced.addAll(n.getInputList());
    }
    for (ValueInfoProto o : gp.getOutputList()) {
      referenced.add(o.getName());
    }
    List<Node> nodes = new ArrayList<>();
    for (int i : order) {
      NodeProto n = protos.get(i);
      String label = labels.get(i);
      long version = opsets.getOrDefault(n.getDomain().equals("ai.onnx") ? "" : n.getDomain(), opset);
      DecodeContext c = new DecodeContext(n, nodeName(n, i), label, version, constants, values);
      List<Expansion.Step> steps;
      try {
        steps = Expansion.expand(c, referenced);
      } catch (BadInputException e) {
        throw e;
      } catch (RuntimeException e) {
        throw new MalformedModelException(label + ": its attributes or inputs are invalid ("
            + e + "); the file is corrupt or was written by a faulty exporter", e);
      }
      if (steps != null) {
        // Expanded into IR operations that each have one output (all the node's outputs).
        for (Expansion.Step st : steps) {
          if (st.constant() != null) {
            constants.put(st.out(), st.constant());
            values.put(st.out(), new ValueInfo(st.out(), st.constant().dtype(),
                st.constant().shape()));
          } else {
            add(new DecodeContext.Decoded(st.op(), st.inputs(), null, null), st.name(),
                n.getOpType(), st.out(), label, constants, values, nodes);
          }
        }
        continue;
      }
      for (int k = 1; k < n.getOutputCount(); k++) {
        if (!n.getOutput(k).isEmpty() && referenced.contains(n.getOutput(k))) {
          throw new UnsupportedOpException(n.getOpType(), nodeName(n, i), "its output #"
              + (k + 1) + " '" + n.getOutput(k) + "' is read by the model, but kubz computes "
              + "only the first output of this operator; re-export the model without that use");
        }
      }
      if (n.getOutputCount() == 0 || n.getOutput(0).isEmpty()) {
        throw new MalformedModelException(label + " has no output");
      }
      String out = n.getOutput(0);
      Tensor folded;
      DecodeContext.Decoded d;
      try {
        folded = ConstantOps.tryConstant(c, values);
        d = folded == null ? OnnxOps.decode(c) : null;
      } catch (BadInputException e) {
        throw e;
      } catch (RuntimeException e) {
        // Attribute values no valid model has (overflowing ints, inconsistent lists).
        throw new MalformedModelException(label + ": its attributes or inputs are invalid ("
            + e + "); the file is corrupt or was written by a faulty exporter", e);
      }
      if (folded != null) {
        constants.put(out, folded);
        values.put(out, new ValueInfo(out, folded.dtype(), folded.shape()));
        continue;
      }
      if (d.constantName() != null) {
        constants.put(d.constantName(), d.constant());
        values.put(d.constantName(), new ValueInfo(d.constantName(), d.constant().dtype(),
            d.constant().shape()));
      }
      add(d, nodeName(n, i), n.getOpType(), out, label, constants, values, nodes);
    }
    List<ValueInfo> outputs = new ArrayList<>();
    for (ValueInfoProto o : gp.getOutputList()) {
      ValueInfo v = values.get(o.getName());
      if (v == null) {
        throw new MalformedModelException("graph output '" + o.getName()
            + "' is computed by no node");
      }
      outputs.add(v);
    }
    Graph g = new Graph(gp.getName(), opsets, inputs, outputs, prune(constants, nodes, outputs),
        nodes, values);
    return Passes.standard(g);
  }

  /**
   * Infers the output of a decoded node by probing its kernel, then folds it into a constant when
   * all its inputs are constants, or appends it to {@code nodes}.
   */
  private static void add(DecodeContext.Decoded d, String name, String onnxType, String out,
      String label, Map<String, Tensor> constants, Map<String, ValueInfo> values, List<Node> nodes) {
    boolean allConstant = true;
    List<Tensor> probe = new ArrayList<>();
    for (int i = 0; i < d.inputs().size(); i++) {
      String s = d.inputs().get(i);
      Tensor t = constants.get(s);
      if (t == null) {
        allConstant = false;
        // Ones rather than zeros: no kernel divides by, or takes the log of, a probe value. The
        // computed indices of a selection are zeros, the one index valid on every axis (extent 1 too).
        ValueInfo v = values.get(s);
        t = Tensor.zeros(v.dtype(), v.shape());
        if (i != 1 || !selection(d.op())) {
          java.util.Arrays.fill(t.data(), 1);
        }
      }
      probe.add(t);
    }
    Tensor r = evaluate(d, probe, label);
    values.put(out, new ValueInfo(out, r.dtype(), r.shape()));
    if (allConstant) {
      constants.put(out, r);
    } else {
      nodes.add(new Node(name, onnxType, d.op(), d.inputs(), out));
    }
  }

  /** Operations whose second input holds computed indices. */
  private static boolean selection(io.kubz.slicer.ir.Op op) {
    return op instanceof io.kubz.slicer.ir.Op.DynamicGather
        || op instanceof io.kubz.slicer.ir.Op.DynamicGatherElements
        || op instanceof io.kubz.slicer.ir.Op.DynamicGatherND
        || op instanceof io.kubz.slicer.ir.Op.ScatterElements
        || op instanceof io.kubz.slicer.ir.Op.ScatterND;
  }

  private static Tensor evaluate(DecodeContext.Decoded d, List<Tensor> in, String label) {
    try {
      return Kernels.apply(d.op(), in, label);
    } catch (BadInputException e) {
      throw e;
    } catch (RuntimeException e) {
      throw new MalformedModelException(label + ": its inputs do not fit the operator ("
          + e + ")", e);
    }
  }

  /** Keeps the constants that a node or the outputs still read. */
  private static Map<String, Tensor> prune(Map<String, Tensor> constants, List<Node> nodes,
      List<ValueInfo> outputs) {
    Set<String> used = new HashSet<>();
    for (Node n : nodes) {
      used.addAll(n.inputs());
    }
    for (ValueInfo o : outputs) {
      used.add(o.name());
    }
    Map<String, Tensor> r = new LinkedHashMap<>();
    for (Map.Entry<String, Tensor> e : constants.entrySet()) {
      if (used.contains(e.getKey())) {
        r.put(e.getKey(), e.getValue());
      }
    }
    return r;
  }

  static String nodeName(NodeProto n, int index) {
    return n.getName().isEmpty() ? "#" + index : n.getName();
  }

  private static ValueInfo inputInfo(ValueInfoProto vi, int[] given) {
    String what = "model input '" + vi.getName() + "'";
    if (!vi.getType().hasTensorType()) {
      throw new MalformedModelException(what + " is not a tensor; kubz reads tensor inputs only");
    }
    DType t = DType.fromOnnx(vi.getType().getTensorType().getElemType());
    if (t == null) {
      throw new MalformedModelException(what + " has ONNX element type "
          + vi.getType().getTensorType().getElemType() + ", which kubz does not read");
    }
    TensorShapeProto sp = vi.getType().getTensorType().getShape();
    int[] shape = new int[sp.getDimCount()];
    long size = 1;
    for (int k = 0; k < shape.length; k++) {
      TensorShapeProto.Dimension d = sp.getDim(k);
      long v = d.hasDimValue() && d.getDimValue() > 0 ? d.getDimValue() : 1;
      size *= Math.min(v, MAX_ELEMENTS + 1);
      if (v > MAX_ELEMENTS || size > MAX_ELEMENTS) {
        throw new MalformedModelException(what + " declares more than " + MAX_ELEMENTS
            + " elements (dimension " + k + " is " + v + "): the file is corrupt or the model "
            + "too large for kubz");
      }
      shape[k] = (int) v;
    }
    if (given != null) {
      if (given.length != shape.length) {
        throw new BadInputException(what + " has rank " + shape.length + " (shape "
            + java.util.Arrays.toString(shape) + "), the given shape "
            + java.util.Arrays.toString(given) + " has rank " + given.length);
      }
      for (int k = 0; k < shape.length; k++) {
        TensorShapeProto.Dimension d = sp.getDim(k);
        if (d.hasDimValue() && d.getDimValue() > 0 && d.getDimValue() != given[k]) {
          throw new BadInputException(what + " has fixed extent " + d.getDimValue() + " on axis "
              + k + ", the given shape " + java.util.Arrays.toString(given) + " disagrees");
        }
      }
      shape = given.clone();
    } else if (!vi.getType().getTensorType().hasShape()) {
      throw new MalformedModelException(what + " declares no shape; give its shape in input.json "
          + "(input_shapes)");
    }
    return new ValueInfo(vi.getName(), t, shape);
  }
}
