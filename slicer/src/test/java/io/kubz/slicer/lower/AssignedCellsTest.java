package io.kubz.slicer.lower;

import static io.kubz.slicer.onnx.OnnxWriter.attr;
import static io.kubz.slicer.onnx.OnnxWriter.ints;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kubz.field.Fr;
import io.kubz.plonkish.builder.Circuit;
import io.kubz.plonkish.mock.MockProver;
import io.kubz.slicer.ir.DType;
import io.kubz.slicer.ir.Tensor;
import io.kubz.slicer.onnx.ExampleModels;
import io.kubz.slicer.onnx.OnnxWriter;
import io.kubz.slicer.onnx.proto.Onnx.ModelProto;
import io.kubz.slicer.quant.QNode;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Issue #16: no constraint of a lowered slice reads a cell that synthesis never assigned (the
 * MockProver's cell-not-assigned check, {@code io.kubz.plonkish.mock.Unassigned}), for every op
 * kind the slicer lowers: products on the multiply-accumulate and Freivalds paths (pads, strides,
 * dilations, groups), ConvTranspose, pooling, ReLU and table functions, softmax, reductions,
 * element-wise and re-indexing ops, as one slice with public and with committed boundaries, then
 * per node (linked slices), and the split slices of budget plans (partial sums, row parts).
 */
class AssignedCellsTest {

  record Case(String name, ModelProto model, String path) {
    @Override
    public String toString() {
      return name;
    }
  }

  /** An image model: input x of {@code shape}, then the body. */
  static ModelProto image(String name, int[] shape, Function<OnnxWriter, String> body) {
    OnnxWriter w = OnnxWriter.create(name, ExampleModels.OPSET);
    w.input("x", shape);
    w.output(body.apply(w));
    return w.build();
  }

  static String conv(OnnxWriter w, String x, int seed, int[] wshape,
      io.kubz.slicer.onnx.proto.Onnx.AttributeProto... a) {
    return w.node("Conv", List.of(x, w.initializer("w" + seed, NonlinearLoweringTest.weights(seed, wshape)),
        w.initializer("b" + seed, NonlinearLoweringTest.weights(seed + 1, wshape[0]))), a);
  }

  static Case gemmThen(String name, BiFunction<OnnxWriter, String, String> op) {
    return new Case(name, NonlinearLoweringTest.model(name, 1.0, op), null);
  }

  static Stream<Case> cases() {
    List<Case> c = new ArrayList<>();
    c.add(new Case("Conv pads (Freivalds)", image("conv_pads", new int[] {1, 2, 6, 6},
        w -> conv(w, "x", 1, new int[] {4, 2, 3, 3}, ints("pads", 1, 1, 1, 1))), "X·r"));
    c.add(new Case("Conv strides, dilations, asymmetric pads (Freivalds)", image("conv_sd", new int[] {1, 2, 9, 9},
        w -> conv(w, "x", 2, new int[] {4, 2, 3, 3}, ints("strides", 2, 1), ints("dilations", 2, 1),
            ints("pads", 2, 0, 1, 2))), "X·r"));
    c.add(new Case("Conv groups, pads (multiply-accumulate)", image("conv_groups", new int[] {1, 4, 5, 5},
        w -> conv(w, "x", 3, new int[] {4, 2, 3, 3}, attr("group", 2L), ints("pads", 1, 1, 1, 1))), "mac"));
    c.add(new Case("Conv 1-d stride (any path)", image("conv1d", new int[] {1, 2, 10},
        w -> conv(w, "x", 4, new int[] {3, 2, 3}, ints("strides", 2), ints("pads", 1, 1))), null));
    c.add(new Case("ConvTranspose strides, pads, output padding", image("deconv", new int[] {1, 2, 3, 3},
        w -> w.node("ConvTranspose", List.of("x", w.initializer("w", NonlinearLoweringTest.weights(5, 2, 3, 3, 3)),
            w.initializer("b", NonlinearLoweringTest.weights(6, 3))), ints("strides", 2, 2), ints("pads", 1, 1, 1, 1),
            ints("output_padding", 1, 1))), null));
    c.add(new Case("MaxPool pads, ceil", image("maxpool", new int[] {1, 2, 5, 5}, w -> w.node("MaxPool",
        List.of("x"), ints("kernel_shape", 3, 3), ints("strides", 2, 2), ints("pads", 1, 1, 1, 1),
        attr("ceil_mode", 1L))), null));
    c.add(new Case("AveragePool counting pads", image("avgpool_in", new int[] {1, 2, 5, 5}, w -> w.node("AveragePool",
        List.of("x"), ints("kernel_shape", 3, 3), ints("strides", 2, 2), ints("pads", 1, 1, 1, 1),
        attr("count_include_pad", 1L))), null));
    c.add(new Case("AveragePool excluding pads", image("avgpool_ex", new int[] {1, 2, 5, 5}, w -> w.node("AveragePool",
        List.of("x"), ints("kernel_shape", 3, 2), ints("strides", 2, 2), ints("pads", 1, 0, 1, 1))), null));
    c.add(new Case("GlobalAveragePool", image("gap", new int[] {1, 2, 4, 4},
        w -> w.node("GlobalAveragePool", List.of("x"))), null));
    c.add(new Case("Pad, Transpose, Slice, Concat, Reshape", image("layout", new int[] {1, 2, 3, 4}, w -> {
      String p = w.node("Pad", List.of("x", w.initializer("p", Tensor.longs(0, 0, 1, 0, 0, 0, 0, 2)),
          w.initializer("v", Tensor.of(new int[] {}, 0.25))));
      String t = w.node("Transpose", List.of(p), ints("perm", 0, 3, 1, 2));
      String s = w.node("Slice", List.of(t, w.initializer("st", Tensor.longs(1)), w.initializer("en",
          Tensor.longs(5)), w.initializer("ax", Tensor.longs(1))));
      String cat = w.node("Concat", List.of(s, s), attr("axis", 1L));
      return w.node("Reshape", List.of(cat, w.initializer("shape", Tensor.longs(1, -1))));
    }), null));
    c.add(new Case("Gather, Flatten", image("gather", new int[] {1, 3, 2, 2}, w -> w.node("Flatten",
        List.of(w.node("Gather", List.of("x", w.initializer("i", Tensor.of(DType.INT64, new int[] {2},
            new double[] {2, 0}))), attr("axis", 1L))), attr("axis", 1L))), null));
    c.add(new Case("BatchNormalization", image("bn", new int[] {1, 2, 3, 3}, w -> w.node("BatchNormalization",
        List.of("x", w.initializer("s", NonlinearLoweringTest.weights(11, 2)),
            w.initializer("b", NonlinearLoweringTest.weights(12, 2)),
            w.initializer("m", NonlinearLoweringTest.weights(13, 2)),
            w.initializer("v", Tensor.of(new int[] {2}, new double[] {1.5, 2.0}))))), null));
    c.add(new Case("MatMul", image("matmul", new int[] {2, 6},
        w -> w.node("MatMul", List.of("x", w.initializer("w", NonlinearLoweringTest.weights(7, 6, 4))))), null));
    c.add(gemmThen("Relu", (w, x) -> w.node("Relu", List.of(x))));
    c.add(gemmThen("Sigmoid", (w, x) -> w.node("Sigmoid", List.of(x))));
    c.add(gemmThen("LeakyRelu", (w, x) -> w.node("LeakyRelu", List.of(x), attr("alpha", 0.1f))));
    c.add(gemmThen("Neg, Abs", (w, x) -> w.node("Abs", List.of(w.node("Neg", List.of(x))))));
    c.add(gemmThen("Clip", (w, x) -> w.node("Clip", List.of(x, w.initializer("lo", Tensor.of(new int[] {}, -0.3)),
        w.initializer("hi", Tensor.of(new int[] {}, 0.4))))));
    c.add(gemmThen("PRelu", (w, x) -> w.node("PRelu", List.of(x,
        w.initializer("slope", Tensor.of(new int[] {8}, new double[] {0.25, -0.5, 1.5, 0.1, 0, 2, 0.3, 0.01}))))));
    c.add(gemmThen("Softmax", NonlinearLoweringTest.grouped((w, x) -> w.node("Softmax", List.of(x),
        attr("axis", 1L)))));
    c.add(gemmThen("ReduceSum", NonlinearLoweringTest.grouped((w, x) -> w.node("ReduceSum",
        List.of(x, w.initializer("axes", Tensor.longs(1)))))));
    c.add(gemmThen("ReduceMean", NonlinearLoweringTest.grouped((w, x) -> w.node("ReduceMean", List.of(x),
        ints("axes", 1), attr("keepdims", 0L)))));
    c.add(gemmThen("ReduceMax", NonlinearLoweringTest.grouped((w, x) -> w.node("ReduceMax", List.of(x),
        ints("axes", 1)))));
    c.add(gemmThen("Add, Mul, Sub by constants and Add of activations", (w, x) -> {
      String a = w.node("Add", List.of(x, w.initializer("k", NonlinearLoweringTest.weights(8, 8))));
      String m = w.node("Mul", List.of(a, w.initializer("m", NonlinearLoweringTest.weights(9, 8))));
      String s = w.node("Sub", List.of(m, w.initializer("s", NonlinearLoweringTest.weights(10, 8))));
      return w.node("Add", List.of(s, x));
    }));
    return c.stream();
  }

  /** Mock-proves the circuit: no cell read but never assigned, and everything else satisfied. */
  static void assertAssigned(String what, Circuit c) {
    MockProver mp = MockProver.run(c, 1);
    assertEquals(List.of(), mp.unassignedFailures(), what);
    mp.assertSatisfied();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void everyReadCellIsAssigned(Case k) {
    Models.Traced t = NonlinearLoweringTest.traced(k.model());
    Set<String> all = SliceCircuitTest.all(t);
    for (Visibility v : List.of(Visibility.PUBLIC, new Visibility(Visibility.Mode.HASHED, Visibility.Mode.HASHED))) {
      CompiledSlice cs = SliceCompiler.compile(t.q(), all, v);
      Circuit c = cs.circuit(t.trace(), t.salts(3));
      assertAssigned(k.name() + " " + v, c);
      if ("X·r".equals(k.path())) {
        assertTrue(c.description().regions().stream().anyMatch(r -> r.name().endsWith(" X·r")), "Freivalds path");
      } else if ("mac".equals(k.path())) {
        assertTrue(c.description().regions().stream().noneMatch(r -> r.name().endsWith(" X·r")), "MAC path");
      }
    }
    if (all.size() > 1) {
      for (QNode n : t.q().nodes()) {
        Set<String> one = new LinkedHashSet<>(Set.of(n.name()));
        CompiledSlice cs = SliceCompiler.compile(t.q(), one, new Visibility(Visibility.Mode.HASHED,
            Visibility.Mode.HASHED));
        assertAssigned(k.name() + " node " + n.name(), cs.circuit(t.trace(), t.salts(4)));
      }
    }
  }

  @Test
  void exampleModelsAsOneSliceAndPerNode() {
    for (Models.Traced t : List.of(Models.cnn(31), Models.residual(32), Models.mlp(33))) {
      Map<String, Fr> salts = t.salts(5);
      assertAssigned(t.q().graph().name(), SliceCompiler.compile(t.q(), SliceCircuitTest.all(t), Visibility.PUBLIC)
          .circuit(t.trace(), salts));
      for (QNode n : t.q().nodes()) {
        assertAssigned(t.q().graph().name() + " " + n.name(), SliceCompiler.compile(t.q(), Set.of(n.name()),
            new Visibility(Visibility.Mode.HASHED, Visibility.Mode.HASHED)).circuit(t.trace(), salts));
      }
    }
  }

  /** SplitCircuitTest.checkPlan mock-proves every slice, which includes the cell-not-assigned check. */
  @Test
  void splitSlicesOfBudgetPlans() {
    // partial sums: the output layer's contraction is split across slices
    assertTrue(SplitCircuitTest.checkPlan(Models.traced(ExampleModels.mlp(1, 8, 64, 4), 3), 8) >= 1);
    // row parts: the first conv layer is split by pooled channels
    assertTrue(SplitCircuitTest.checkPlan(Models.cnn(5), 10) >= 2);
  }
}
