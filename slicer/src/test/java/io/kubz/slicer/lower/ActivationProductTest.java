package io.kubz.slicer.lower;

import static io.kubz.slicer.lower.NonlinearLoweringTest.assertForced;
import static io.kubz.slicer.lower.NonlinearLoweringTest.traced;
import static io.kubz.slicer.onnx.OnnxWriter.attr;
import static io.kubz.slicer.onnx.OnnxWriter.ints;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kubz.slicer.ir.Op;
import io.kubz.slicer.onnx.AttentionModels;
import io.kubz.slicer.onnx.OnnxWriter;
import io.kubz.slicer.onnx.proto.Onnx.ModelProto;
import io.kubz.slicer.quant.QNode;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Gemm and MatMul of two activations ({@link ActivationProduct}): satisfied on the interpreter's
 * trace, every output forced (a moved output fails), no unassigned cell read, no assigned cell free
 * (mutation sweep), and close to float.
 */
class ActivationProductTest {

  /** Two products of activations on x [1, 2, 3]: Concat(A, A)[2, 2, 3] · Bᵀ[1, 3, 2] broadcasts the batch. */
  static ModelProto batched() {
    OnnxWriter w = OnnxWriter.create("batched", 13);
    String x = w.input("x", 1, 2, 3);
    String a = w.node("MatMul", List.of(x, w.initializer("w1", AttentionModels.weights(1, 3, 3))));
    String b = w.node("MatMul", List.of(x, w.initializer("w2", AttentionModels.weights(2, 3, 3))));
    String aa = w.node("Concat", List.of(a, a), attr("axis", 0L));
    w.output(w.node("MatMul", List.of(aa, w.node("Transpose", List.of(b), ints("perm", 0, 2, 1)))));
    return w.build();
  }

  /** Gemm(x, P, C) with P, C activations, transB: x[2, 3]·Pᵀ + C. */
  static ModelProto gemm() {
    OnnxWriter w = OnnxWriter.create("gemm2", 13);
    String x = w.input("x", 2, 3);
    String p = w.node("MatMul", List.of(x, w.initializer("w1", AttentionModels.weights(3, 3, 3))));
    String c = w.node("MatMul", List.of(x, w.initializer("w2", AttentionModels.weights(4, 3, 2))));
    w.output(w.node("Gemm", List.of(x, p, c), attr("transB", 1L)));
    return w.build();
  }

  @Test
  void attentionIsForcedAndAccurate() {
    Models.Traced t = traced(AttentionModels.attention(7, 1, 3, 4));
    assertEquals(2, t.q().nodes().stream().filter(n -> n.node().op() instanceof Op.MatMul && !n.isParam(0)
        && !n.isParam(1)).count(), "Q·Kᵀ and A·V are products of activations");
    assertForced(t);
    double err = ElementwiseFunctionsTest.maxError(t.q());
    System.out.printf("attention: max |quantized - float| = %.4g%n", err);
    assertTrue(err < 0.05, "error " + err);
  }

  @Test
  void batchedBroadcastAndGemmWithAnActivationBias() {
    for (ModelProto m : List.of(batched(), gemm())) {
      Models.Traced t = traced(m);
      assertForced(t);
      double err = ElementwiseFunctionsTest.maxError(t.q());
      assertTrue(err < 0.02, m.getGraph().getName() + " error " + err);
    }
  }

  @Test
  void theCircuitReadsOnlyAssignedCellsAsOneSliceAndPerNode() {
    for (ModelProto m : List.of(AttentionModels.attention(8, 2, 2, 3), batched(), gemm())) {
      Models.Traced t = traced(m);
      for (Visibility v : List.of(Visibility.PUBLIC, new Visibility(Visibility.Mode.HASHED, Visibility.Mode.HASHED))) {
        AssignedCellsTest.assertAssigned(m.getGraph().getName() + " " + v,
            SliceCompiler.compile(t.q(), SliceCircuitTest.all(t), v).circuit(t.trace(), t.salts(3)));
      }
      for (QNode n : t.q().nodes()) {
        AssignedCellsTest.assertAssigned(n.name(), SliceCompiler.compile(t.q(), Set.of(n.name()),
            new Visibility(Visibility.Mode.HASHED, Visibility.Mode.HASHED)).circuit(t.trace(), t.salts(4)));
      }
    }
  }

  @Test
  void noAssignedCellIsFree() {
    Models.Traced t = traced(gemm());
    String product = t.q().nodes().get(t.q().nodes().size() - 1).name();
    assertEquals(List.of(), MutationSweepTest.survivors(MutationSweepTest.oneSlice(t, Visibility.PUBLIC)));
    assertEquals(List.of(), MutationSweepTest.survivors(SliceCompiler.compile(t.q(), Set.of(product),
        new Visibility(Visibility.Mode.HASHED, Visibility.Mode.HASHED)).circuit(t.trace(), t.salts(9))));
  }

  @Test
  void pairsFollowNumpyMatmul() {
    Models.Traced t = traced(batched());
    QNode last = t.q().nodes().get(t.q().nodes().size() - 1);
    ActivationProduct.Pairs p = ActivationProduct.pairs(t.q(), last.node());
    long[] a = t.trace().get(last.node().inputs().get(0));
    long[] b = t.trace().get(last.node().inputs().get(1));
    long[] naive = new long[8];
    for (int bt = 0; bt < 2; bt++) { // A [2, 2, 3], B [1, 3, 2]: batch 0 of B for both
      for (int i = 0; i < 2; i++) {
        for (int j = 0; j < 2; j++) {
          for (int k = 0; k < 3; k++) {
            naive[(bt * 2 + i) * 2 + j] += a[(bt * 2 + i) * 3 + k] * b[k * 2 + j];
          }
        }
      }
    }
    long[] got = new long[p.outputs()];
    for (int o = 0; o < got.length; o++) {
      for (int k = 0; k < p.k(); k++) {
        got[o] += a[p.a()[o * p.k() + k]] * b[p.b()[o * p.k() + k]];
      }
    }
    assertArrayEquals(naive, got);
  }
}
