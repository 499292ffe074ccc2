package io.kubz.slicer.quant;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kubz.lookup.table.FixedPoint;
import io.kubz.slicer.ir.Graph;
import io.kubz.slicer.ir.Op;
import io.kubz.slicer.ir.Tensor;
import io.kubz.slicer.onnx.ExampleModels;
import io.kubz.slicer.onnx.OnnxImporter;
import java.util.List;
import java.util.Map;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.LongRange;

/**
 * Every Gemm and Conv of the example models, recomputed from the quantized parameters and the traced
 * input by naive loops written here (independent of the float kernels the interpreter reuses).
 */
class LinearOracleTest {

  private static Graph model(String kind, long seed) {
    switch (kind) {
      case "mlp": return OnnxImporter.convert(ExampleModels.mlp(seed, 12, 16, 8, 4), null, Map.of());
      case "cnn": return OnnxImporter.convert(ExampleModels.cnn(seed), null, Map.of());
      default: return OnnxImporter.convert(ExampleModels.lenet(seed), null, Map.of());
    }
  }

  @Property(tries = 6)
  void linearNodesEqualNaiveIntegerArithmetic(@ForAll @LongRange(min = 1, max = 1000) long seed) {
    int checked = 0;
    for (String kind : List.of("mlp", "cnn", "lenet")) {
      Graph g = model(kind, seed);
      Tensor x = ExampleModels.input(seed, g.inputs().get(0).shape());
      QuantizedGraph q = Calibrator.calibrate(g, List.of(List.of(x)), QuantPlan.defaults()).graph();
      Map<String, long[]> tr = IntegerInterpreter.trace(q, List.of(q.quantizeInput(x)));
      for (QNode n : q.nodes()) {
        long[] in = tr.get(n.node().inputs().get(0));
        long[] want;
        if (n.node().op() instanceof Op.Gemm && n.isParam(1)) {
          want = gemm((Op.Gemm) n.node().op(), in, g.shape(n.node().inputs().get(0)), n.params()[1],
              g.shape(n.node().inputs().get(1)), n.params().length > 2 ? n.params()[2] : null, n.shift());
        } else if (n.node().op() instanceof Op.Conv) {
          Op.Conv c = (Op.Conv) n.node().op();
          want = conv(c, in, g.shape(n.node().inputs().get(0)), n.params()[1], g.shape(n.node().inputs().get(1)),
              n.params().length > 2 ? n.params()[2] : null, g.shape(n.node().output()), n.shift());
        } else {
          continue;
        }
        assertArrayEquals(want, tr.get(n.node().output()), kind + " " + n.node().label());
        checked++;
      }
    }
    assertTrue(checked >= 6, "checked " + checked + " linear nodes");
  }

  /** Y = A·B' + C with B' = Bᵀ if transB; A is [m, k]; C broadcasts along rows. */
  static long[] gemm(Op.Gemm op, long[] a, int[] as, long[] b, int[] bs, long[] c, int shift) {
    int m = op.transA() ? as[1] : as[0];
    int k = op.transA() ? as[0] : as[1];
    int n = op.transB() ? bs[0] : bs[1];
    long[] y = new long[m * n];
    for (int i = 0; i < m; i++) {
      for (int j = 0; j < n; j++) {
        long acc = 0;
        for (int t = 0; t < k; t++) {
          long av = op.transA() ? a[t * m + i] : a[i * k + t];
          long bv = op.transB() ? b[j * k + t] : b[t * n + j];
          acc += av * bv;
        }
        if (c != null) {
          acc += c.length == n ? c[j] : c.length == 1 ? c[0] : c[i * n + j];
        }
        y[i * n + j] = FixedPoint.rescale(acc, shift);
      }
    }
    return y;
  }

  /** 2-d convolution, N = 1, by definition. */
  static long[] conv(Op.Conv op, long[] x, int[] xs, long[] w, int[] ws, long[] bias, int[] ys, int shift) {
    int cIn = xs[1];
    int h = xs[2];
    int wd = xs[3];
    int m = ws[0];
    int cg = ws[1];
    int kh = ws[2];
    int kw = ws[3];
    int oh = ys[2];
    int ow = ys[3];
    int groups = op.group();
    long[] y = new long[m * oh * ow];
    for (int oc = 0; oc < m; oc++) {
      int g = oc / (m / groups);
      for (int oy = 0; oy < oh; oy++) {
        for (int ox = 0; ox < ow; ox++) {
          long acc = bias == null ? 0 : bias[oc];
          for (int ic = 0; ic < cg; ic++) {
            for (int ky = 0; ky < kh; ky++) {
              for (int kx = 0; kx < kw; kx++) {
                int iy = oy * op.strides()[0] - op.pads()[0] + ky * op.dilations()[0];
                int ix = ox * op.strides()[1] - op.pads()[1] + kx * op.dilations()[1];
                if (iy < 0 || iy >= h || ix < 0 || ix >= wd) {
                  continue;
                }
                int chan = g * cg + ic;
                acc += x[(chan * h + iy) * wd + ix] * w[((oc * cg + ic) * kh + ky) * kw + kx];
              }
            }
          }
          y[(oc * oh + oy) * ow + ox] = FixedPoint.rescale(acc, shift);
        }
      }
    }
    assertTrue(cIn == cg * groups);
    return y;
  }
}
