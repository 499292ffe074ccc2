package io.kubz.slicer.passes;

import static io.kubz.slicer.onnx.OnnxWriter.attr;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kubz.slicer.interp.FloatInterpreter;
import io.kubz.slicer.ir.Graph;
import io.kubz.slicer.ir.Node;
import io.kubz.slicer.ir.Op;
import io.kubz.slicer.ir.Tensor;
import io.kubz.slicer.ir.UnaryKind;
import io.kubz.slicer.onnx.ExampleModels;
import io.kubz.slicer.onnx.OnnxImporter;
import io.kubz.slicer.onnx.OnnxWriter;
import io.kubz.slicer.onnx.proto.Onnx.ModelProto;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The GELU patterns exporters write are fused, lookalikes are not, and values are kept. */
public class GeluFusionTest {

  private static int constants;

  /** A scalar float initializer with a fresh name. */
  private static String c(OnnxWriter w, double v) {
    return w.initializer("c" + constants++, Tensor.of(new int[] {}, (float) v));
  }

  /** PyTorch's exact GELU: Gemm → x; 0.5·x·(1 + erf(x / √2)) in one of two orders. */
  static ModelProto erfPattern(boolean halfFirst, double half) {
    OnnxWriter w = OnnxWriter.create("gelu_erf", 13);
    w.input("in", 1, 6);
    String x = w.node("Mul", List.of("in", c(w, 2.0)));
    String d = w.node("Div", List.of(x, c(w, 1.4142135381698608)));
    String e = w.node("Erf", List.of(d));
    String a = w.node("Add", List.of(e, c(w, 1.0)));
    String y;
    if (halfFirst) {
      String h = w.node("Mul", List.of(x, c(w, half)));
      y = w.node("Mul", List.of(h, a));
    } else {
      String m = w.node("Mul", List.of(x, a));
      y = w.node("Mul", List.of(m, c(w, half)));
    }
    String out = w.node("Relu", List.of(y));
    w.output(out);
    return w.build();
  }

  /** The tanh approximation: 0.5·x·(1 + tanh(√(2/π)·(x + 0.044715·x³))), x³ by Pow. */
  static ModelProto tanhPattern() {
    OnnxWriter w = OnnxWriter.create("gelu_tanh", 13);
    w.input("x", 1, 6);
    String p = w.node("Pow", List.of("x", c(w, 3.0)));
    String m = w.node("Mul", List.of(p, c(w, 0.044715)));
    String s = w.node("Add", List.of("x", m));
    String k = w.node("Mul", List.of(s, c(w, Math.sqrt(2 / Math.PI))));
    String t = w.node("Tanh", List.of(k));
    String a = w.node("Add", List.of(c(w, 1.0), t));
    String h = w.node("Mul", List.of(c(w, 0.5), "x"));
    String y = w.node("Mul", List.of(h, a), attr("unused", 0L));
    w.output(y);
    return w.build();
  }

  private static long count(Graph g, UnaryKind k) {
    return g.nodes().stream().map(Node::op).filter(o -> o instanceof Op.Unary
        && ((Op.Unary) o).kind() == k).count();
  }

  @Test
  void erfPatternsFuse() {
    for (boolean halfFirst : new boolean[] {true, false}) {
      Graph g = OnnxImporter.convert(erfPattern(halfFirst, 0.5), null, Map.of());
      assertEquals(1, count(g, UnaryKind.GELU), "fused: " + g.nodes());
      assertEquals(3, g.nodes().size(), g.nodes().toString()); // Mul, Gelu, Relu
      Tensor x = ExampleModels.input(3, 1, 6);
      Tensor got = FloatInterpreter.run(g, List.of(x)).values().iterator().next();
      for (int i = 0; i < 6; i++) {
        double v = 2 * (float) x.get(i);
        double want = Math.max(0, 0.5 * v * (1 + erfRef(v / Math.sqrt(2))));
        assertEquals(want, got.get(i), 1e-6);
      }
    }
  }

  @Test
  void tanhPatternFuses() {
    Graph g = OnnxImporter.convert(tanhPattern(), null, Map.of());
    assertEquals(1, g.nodes().size(), g.nodes().toString());
    assertEquals(1, count(g, UnaryKind.GELU_TANH));
  }

  @Test
  void ezklTanhApproximationFuses() {
    var dir = io.kubz.field.Fixtures.resolve("onnx/ezkl-examples/1l_gelu_tanh_appx/network.onnx");
    org.junit.jupiter.api.Assumptions.assumeTrue(dir.isPresent(), "fixtures absent");
    Graph g = OnnxImporter.read(dir.get());
    assertEquals(1, count(g, UnaryKind.GELU_TANH), g.nodes().toString());
    assertEquals(0, count(g, UnaryKind.TANH));
  }

  @Test
  void lookalikeIsLeftAlone() {
    Graph g = OnnxImporter.convert(erfPattern(true, 0.6), null, Map.of());
    assertEquals(0, count(g, UnaryKind.GELU));
    assertEquals(1, count(g, UnaryKind.ERF));
  }

  /** erf by numerical integration of 2/√π·e^(−t²) (Simpson, 2000 panels): an independent oracle. */
  public static double erfRef(double x) {
    int n = 2000;
    double h = x / n;
    double s = 0;
    for (int i = 0; i <= n; i++) {
      double t = i * h;
      double w = i == 0 || i == n ? 1 : (i % 2 == 1 ? 4 : 2);
      s += w * Math.exp(-t * t);
    }
    return 2 / Math.sqrt(Math.PI) * s * h / 3;
  }
}
