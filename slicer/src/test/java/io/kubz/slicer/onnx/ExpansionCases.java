package io.kubz.slicer.onnx;

import static io.kubz.slicer.onnx.OnnxWriter.attr;
import static io.kubz.slicer.onnx.OnnxWriter.floats;
import static io.kubz.slicer.onnx.OnnxWriter.ints;
import static io.kubz.slicer.onnx.OnnxWriter.strings;
import static io.kubz.slicer.onnx.OpCases.op;
import static io.kubz.slicer.onnx.OpCases.rand;
import static io.kubz.slicer.onnx.OpCases.single;

import io.kubz.slicer.ir.DType;
import io.kubz.slicer.ir.Tensor;
import io.kubz.slicer.onnx.OpCases.Case;
import io.kubz.slicer.onnx.proto.Onnx.AttributeProto;
import java.util.ArrayList;
import java.util.List;

/**
 * One small ONNX model per variant of the operators {@link Expansion} rewrites: re-indexing ops
 * (each must become Reshape/Gather/Slice/Transpose only) and recurrent ops.
 */
final class ExpansionCases {
  private ExpansionCases() {}

  static Tensor ints64(int[] shape, long... v) {
    double[] d = new double[v.length];
    for (int k = 0; k < v.length; k++) {
      d[k] = v[k];
    }
    return Tensor.of(DType.INT64, shape, d);
  }

  /** Cases whose graph after import must be re-indexing only. */
  static List<Case> reindexing() {
    List<Case> c = new ArrayList<>();
    c.add(single("Split input sizes opset 13", 13, new int[] {2, 5, 3}, w -> {
      List<String> o = w.node("Split", "split", List.of("x", w.initializer("s",
          Tensor.longs(2, 3))), List.of("a", "b"), attr("axis", 1L));
      return w.node("Concat", List.of(o.get(1), o.get(0)), attr("axis", 1L));
    }));
    c.add(single("Split attribute opset 11 equal", 11, new int[] {6, 2}, w -> {
      List<String> o = w.node("Split", "split", List.of("x"), List.of("a", "b", "c"));
      return w.node("Concat", List.of(o.get(2), o.get(0), o.get(1)), attr("axis", 1L));
    }));
    c.add(single("Split num_outputs uneven opset 18", 18, new int[] {2, 7}, w -> {
      List<String> o = w.node("Split", "split", List.of("x"), List.of("a", "b", "c"),
          attr("axis", -1L), attr("num_outputs", 3L));
      return w.node("Concat", List.of(o.get(2), o.get(1), o.get(0)), attr("axis", 1L));
    }));
    c.add(single("Expand", 13, new int[] {3, 1}, w -> w.node("Expand",
        List.of("x", w.initializer("shape", Tensor.longs(2, 1, 4))))));
    c.add(single("Tile", 13, new int[] {2, 3}, w -> w.node("Tile",
        List.of("x", w.initializer("rep", Tensor.longs(2, 3))))));
    c.add(single("Resize nearest scales half_pixel", 13, new int[] {1, 2, 3, 4},
        w -> w.node("Resize", List.of("x", "", w.initializer("sc",
            Tensor.ofFloats(new int[] {4}, 1, 1, 2, 1.5f))), attr("mode", "nearest"))));
    c.add(single("Resize nearest sizes asymmetric floor", 13, new int[] {1, 1, 4, 5},
        w -> w.node("Resize", List.of("x", "", "", w.initializer("sz", Tensor.longs(1, 1, 7, 3))),
            attr("coordinate_transformation_mode", "asymmetric"), attr("nearest_mode", "floor"))));
    c.add(single("Resize nearest align_corners round_prefer_ceil", 13, new int[] {1, 1, 3, 4},
        w -> w.node("Resize", List.of("x", "", "", w.initializer("sz", Tensor.longs(1, 1, 5, 7))),
            attr("coordinate_transformation_mode", "align_corners"),
            attr("nearest_mode", "round_prefer_ceil"))));
    c.add(single("Resize opset 10", 10, new int[] {1, 2, 2, 3}, w -> w.node("Resize",
        List.of("x", w.initializer("sc", Tensor.ofFloats(new int[] {4}, 1, 1, 2, 3))))));
    c.add(single("Upsample opset 9", 9, new int[] {1, 2, 2, 3}, w -> w.node("Upsample",
        List.of("x", w.initializer("sc", Tensor.ofFloats(new int[] {4}, 1, 1, 3, 2))))));
    c.add(op("DepthToSpace DCR", 13, new int[] {1, 8, 2, 3}, "DepthToSpace",
        attr("blocksize", 2L)));
    c.add(op("DepthToSpace CRD", 13, new int[] {1, 8, 2, 3}, "DepthToSpace",
        attr("blocksize", 2L), attr("mode", "CRD")));
    c.add(op("SpaceToDepth", 13, new int[] {1, 2, 4, 6}, "SpaceToDepth", attr("blocksize", 2L)));
    c.add(single("GatherElements constant indices", 13, new int[] {3, 4}, w -> w.node(
        "GatherElements", List.of("x", w.initializer("i", ints64(new int[] {3, 2},
            3, 0, -1, 2, 1, 1))), attr("axis", 1L))));
    c.add(single("GatherND constant indices", 13, new int[] {3, 4, 2}, w -> w.node("GatherND",
        List.of("x", w.initializer("i", ints64(new int[] {2, 2}, 2, 1, 0, 3))))));
    c.add(single("GatherND batch_dims 1", 13, new int[] {2, 3, 4}, w -> w.node("GatherND",
        List.of("x", w.initializer("i", ints64(new int[] {2, 2, 1}, 2, 0, 1, 1))),
        attr("batch_dims", 1L))));
    c.add(single("NonZero of a constant mask", 13, new int[] {2, 5}, w -> {
      String nz = w.node("NonZero", List.of(w.initializer("m",
          Tensor.of(new int[] {5}, 1, 0, 1, 1, 0))));
      String idx = w.node("Squeeze", List.of(nz, w.initializer("ax", Tensor.longs(0))));
      return w.node("Gather", List.of("x", idx), attr("axis", 1L));
    }));
    return c;
  }

  /** Cases with arithmetic: constant OneHot and the recurrent operators. */
  static List<Case> recurrent() {
    List<Case> c = new ArrayList<>();
    c.add(single("OneHot of constant indices", 13, new int[] {3, 4}, w -> w.node("Add",
        List.of("x", w.node("OneHot", List.of(w.initializer("i", Tensor.longs(1, 3, -1)),
            w.initializer("d", Tensor.longs(4)), w.initializer("v",
                Tensor.of(new int[] {2}, -0.5, 2))))))));
    int in = 3;
    int h = 4;
    c.add(rnn("LSTM forward bias initial states -> Y", "LSTM", 4, 1, h, in, 0, true, true, false,
        0));
    c.add(rnn("LSTM bidirectional no bias -> Y_h", "LSTM", 4, 2, h, in, 1, false, false, false,
        0, attr("direction", "bidirectional")));
    c.add(rnn("LSTM reverse peepholes -> Y_c", "LSTM", 4, 1, h, in, 2, true, true, true, 0,
        attr("direction", "reverse")));
    c.add(rnn("GRU forward -> Y", "GRU", 3, 1, h, in, 0, true, true, false, 0));
    c.add(rnn("GRU bidirectional linear_before_reset -> Y", "GRU", 3, 2, h, in, 0, true, false,
        false, 0, attr("direction", "bidirectional"), attr("linear_before_reset", 1L)));
    c.add(rnn("GRU linear_before_reset initial h -> Y_h", "GRU", 3, 1, h, in, 1, true, true,
        false, 0, attr("linear_before_reset", 1L)));
    c.add(rnn("RNN forward -> Y", "RNN", 1, 1, h, in, 0, true, true, false, 0));
    c.add(rnn("RNN bidirectional Relu/Tanh -> Y_h", "RNN", 1, 2, h, in, 1, true, false, false, 0,
        attr("direction", "bidirectional"), strings("activations", "Relu", "Tanh")));
    c.add(rnn("LSTM HardSigmoid alpha -> Y", "LSTM", 4, 1, h, in, 0, true, false, false, 0,
        strings("activations", "HardSigmoid", "Tanh", "Tanh"), floats("activation_alpha", 0.3f),
        floats("activation_beta", 0.4f)));
    return c;
  }

  /** X [5, 2, in] (or [2, 5, in] with layout 1); output #out of the operator. */
  static Case rnn(String name, String type, int gates, int dirs, int h, int in, int out,
      boolean bias, boolean initial, boolean peep, int layout, AttributeProto... extra) {
    int seq = 5;
    int batch = 2;
    int[] xs = layout == 0 ? new int[] {seq, batch, in} : new int[] {batch, seq, in};
    return single(name, 14, xs, w -> {
      List<String> ins = new ArrayList<>();
      ins.add("x");
      ins.add(w.initializer("W", rand(dirs, gates * h, in)));
      ins.add(w.initializer("R", rand(dirs, gates * h, h)));
      ins.add(bias ? w.initializer("B", rand(dirs, 2 * gates * h)) : "");
      ins.add("");
      int[] ss = layout == 0 ? new int[] {dirs, batch, h} : new int[] {batch, dirs, h};
      ins.add(initial ? w.initializer("h0", rand(ss)) : "");
      if (gates == 4) {
        ins.add(initial ? w.initializer("c0", rand(ss)) : "");
        ins.add(peep ? w.initializer("P", rand(dirs, 3 * h)) : "");
      }
      while (ins.get(ins.size() - 1).isEmpty()) {
        ins.remove(ins.size() - 1);
      }
      List<String> outs = new ArrayList<>(List.of("", "", ""));
      outs.set(out, "out" + out);
      while (outs.get(outs.size() - 1).isEmpty()) {
        outs.remove(outs.size() - 1);
      }
      AttributeProto[] attrs = new AttributeProto[extra.length + 1];
      attrs[0] = attr("hidden_size", (long) h);
      System.arraycopy(extra, 0, attrs, 1, extra.length);
      return w.node(type, type.toLowerCase(), ins, outs, attrs).get(out);
    });
  }
}
