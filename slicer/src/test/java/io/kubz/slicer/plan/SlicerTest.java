package io.kubz.slicer.plan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kubz.field.BadInputException;
import io.kubz.field.UsageException;
import io.kubz.slicer.ir.Graph;
import io.kubz.slicer.ir.Node;
import io.kubz.slicer.onnx.ExampleModels;
import io.kubz.slicer.onnx.OnnxImporter;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SlicerTest {
  static Graph lenet() {
    return OnnxImporter.convert(ExampleModels.lenet(1), null, Map.of());
  }

  /** A wide MLP: its 256×512 Gemm alone exceeds 2^15 rows, the ReLU after it does not. */
  static Graph wideMlp() {
    return OnnxImporter.convert(ExampleModels.mlp(4, 256, 512, 10), null, Map.of());
  }

  static Graph residual() {
    return OnnxImporter.convert(ExampleModels.residual(2, 8), null, Map.of()); // width 8
  }

  /** Every node is in exactly one slice (or tiled by splits), and inputs come from earlier slices. */
  static void assertWellFormed(Graph g, SlicePlan p) {
    Set<String> seen = new HashSet<>();
    Set<String> available = new HashSet<>();
    g.inputs().forEach(v -> available.add(v.name()));
    for (SliceSpec s : p.slices()) {
      for (String in : s.inputs()) {
        assertTrue(available.contains(in), "slice " + s.id() + " input " + in + " produced earlier");
      }
      available.addAll(s.outputs());
      if (s.split() != null && s.split().partial()) {
        assertEquals(List.of(s.split().node()), s.nodes(), "partial sums: the product node alone");
      } else if (s.split() == null) {
        for (String n : s.nodes()) {
          assertTrue(seen.add(n), n + " appears once");
        }
      } else {
        assertEquals(s.split().node(), s.nodes().get(s.nodes().size() - 1), "a split node is its slice's last");
        assertEquals(1, s.outputs().size(), "a split slice produces one part");
        seen.addAll(s.nodes());
      }
    }
    for (Node n : g.nodes()) {
      assertTrue(seen.contains(n.name()), n.name() + " covered");
    }
    g.outputs().forEach(v -> assertTrue(available.stream().anyMatch(t -> t.equals(v.name()) || t.startsWith(v.name() + "#")),
        "model output " + v.name() + " produced"));
  }

  @Test
  void perLayerPutsOneWeightedOpInEachSlice() {
    Graph g = lenet();
    SlicePlan p = Slicer.perLayer(g, SliceCost.DEFAULT);
    assertWellFormed(g, p);
    long weighted = g.nodes().stream().filter(n -> Slicer.weighted(n.op())).count();
    assertEquals(weighted, p.slices().size());
    for (SliceSpec s : p.slices()) {
      assertEquals(1, s.nodes().stream().filter(n -> Slicer.weighted(nodeOp(g, n))).count());
      assertTrue(s.estimatedRows() > 0);
    }
    assertEquals(List.of(g.inputs().get(0).name()), p.slices().get(0).inputs());
  }

  @Test
  void residualSlicesTakeSeveralInputs() {
    Graph g = residual();
    SlicePlan p = Slicer.perLayer(g, SliceCost.DEFAULT);
    assertWellFormed(g, p);
    assertTrue(p.slices().stream().anyMatch(s -> s.inputs().size() >= 2),
        "the residual add consumes two earlier tensors: " + p.toJson());
  }

  @Test
  void maxLayersGroupsLayers() {
    Graph g = lenet();
    int layers = Slicer.perLayer(g, SliceCost.DEFAULT).slices().size();
    SlicePlan p = Slicer.maxLayers(g, 2, SliceCost.DEFAULT);
    assertWellFormed(g, p);
    assertEquals((layers + 1) / 2, p.slices().size());
    assertThrows(UsageException.class, () -> Slicer.maxLayers(g, 0, SliceCost.DEFAULT));
  }

  @Test
  void budgetKeepsEverySliceUnderItsRowsAndSplitsBigLayers() {
    Graph g = wideMlp();
    for (int k : new int[] {15, 16, 18, 20}) {
      SlicePlan p = Slicer.budget(g, k, 0, SliceCost.DEFAULT);
      assertWellFormed(g, p);
      for (SliceSpec s : p.slices()) {
        assertTrue(s.estimatedRows() <= (1L << k), "k=" + k + " slice " + s.id() + " rows " + s.estimatedRows());
      }
    }
    SlicePlan tight = Slicer.budget(g, 15, 0, SliceCost.DEFAULT);
    assertTrue(tight.slices().stream().anyMatch(s -> s.split() != null), "2^15 rows forces a split: " + tight.toJson());
    assertTrue(Slicer.budget(g, 20, 0, SliceCost.DEFAULT).slices().size() < tight.slices().size());
  }

  @Test
  void memoryBudgetShrinksSlices() {
    Graph g = wideMlp();
    SlicePlan roomy = Slicer.budget(g, 20, 0, SliceCost.DEFAULT);
    SlicePlan tight = Slicer.budget(g, 20, 4096L * 30000, SliceCost.DEFAULT);
    assertWellFormed(g, tight);
    assertTrue(tight.slices().size() > roomy.slices().size());
  }

  @Test
  void budgetTooSmallForOneOutputIsAClearError() {
    BadInputException e = assertThrows(BadInputException.class, () -> Slicer.budget(wideMlp(), 9, 0, SliceCost.DEFAULT));
    assertTrue(e.getMessage().matches("budget 2\\^9 too small: the smallest slice of node .+ needs 2\\^\\d+ rows.*"
        + "raise --max-rows.*"), e.getMessage());
    assertThrows(UsageException.class, () -> Slicer.budget(lenet(), 40, 0, SliceCost.DEFAULT));
  }

  @Test
  void aLayerWhosePoolingDoesNotFitIsCutWithItsPooling() {
    // lenet's first layer (conv, relu, average pool) alone exceeds 2^15 rows: its slices compute
    // ranges of the pooled output, and the next layer reads the parts it needs
    Graph g = lenet();
    SlicePlan p = Slicer.budget(g, 15, 0, SliceCost.DEFAULT);
    assertWellFormed(g, p);
    for (SliceSpec s : p.slices()) {
      assertTrue(s.estimatedRows() <= (1L << 15) - Slicer.RESERVED_ROWS, "slice " + s.id() + " " + s.estimatedRows());
    }
    assertTrue(p.slices().stream().anyMatch(s -> s.split() != null && s.nodes().size() > 1), p.toJson());
    assertEquals(p, SlicePlan.fromJson(p.toJson(), g, SliceCost.DEFAULT));
  }

  @Test
  void splitFamiliesAreValidatedOnLoad() {
    Graph g = residual(); // fc1, relu, fc2, add, relu, head(, identity)
    List<String> names = g.nodes().stream().map(Node::name).toList();
    List<String> first = names.subList(0, 2); // block.fc1, its relu
    String relu = first.get(1);
    int width = 8;
    List<String> rest = names.subList(2, names.size());
    SlicePlan ok = SlicePlan.of("x", g, List.of(new SlicePlan.Group(first, new Split(relu, 0, 3)),
        new SlicePlan.Group(first, new Split(relu, 3, width)), new SlicePlan.Group(rest, null)), SliceCost.DEFAULT);
    assertWellFormed(g, ok);
    String part = g.nodes().get(1).output() + "#0:3";
    assertTrue(ok.slices().get(2).inputs().contains(part), ok.toJson());
    assertEquals(ok, SlicePlan.fromJson(ok.toJson(), g, SliceCost.DEFAULT));
    // a gap, an overlap, different node sets, a split node that is not last
    assertThrows(BadInputException.class, () -> SlicePlan.of("x", g, List.of(
        new SlicePlan.Group(first, new Split(relu, 0, 3)), new SlicePlan.Group(first, new Split(relu, 4, width)),
        new SlicePlan.Group(rest, null)), SliceCost.DEFAULT));
    assertThrows(BadInputException.class, () -> SlicePlan.fromJson(ok.toJson().replace("\"from\": 3", "\"from\": 2"), g,
        SliceCost.DEFAULT));
    assertTrue(assertThrows(BadInputException.class, () -> SlicePlan.of("x", g, List.of(
        new SlicePlan.Group(first, new Split(relu, 0, 3)), new SlicePlan.Group(List.of(relu), new Split(relu, 3, width)),
        new SlicePlan.Group(List.of(first.get(0)), null), new SlicePlan.Group(rest, null)), SliceCost.DEFAULT))
        .getMessage().contains("same nodes"));
    assertTrue(assertThrows(BadInputException.class, () -> SlicePlan.of("x", g, List.of(
        new SlicePlan.Group(first, new Split(first.get(0), 0, width)), new SlicePlan.Group(rest, null)),
        SliceCost.DEFAULT)).getMessage().contains("last node"));
  }

  @Test
  void contractionSplitsAreValidatedOnLoad() {
    Graph g = residual(); // block.fc1 is x·W₁ᵀ + b₁ with K = 8
    List<String> names = g.nodes().stream().map(Node::name).toList();
    String fc1 = names.get(0);
    String y = g.nodes().get(0).output();
    List<String> first = names.subList(0, 2);
    List<String> rest = names.subList(2, names.size());
    SlicePlan.Group a = new SlicePlan.Group(List.of(fc1), new Split(fc1, 0, 8, 0, 3));
    SlicePlan.Group b1 = new SlicePlan.Group(List.of(fc1), new Split(fc1, 0, 5, 3, 8));
    SlicePlan.Group b2 = new SlicePlan.Group(List.of(fc1), new Split(fc1, 5, 8, 3, 8));
    SlicePlan.Group combine = new SlicePlan.Group(first, null);
    SlicePlan.Group tail = new SlicePlan.Group(rest, null);
    SlicePlan ok = SlicePlan.of("x", g, List.of(a, b1, b2, combine, tail), SliceCost.DEFAULT);
    assertWellFormed(g, ok);
    assertEquals(List.of(y + "@k0:3#0:8"), ok.slices().get(0).outputs());
    assertEquals(List.of(y + "@k0:3#0:8", y + "@k3:8#0:5", y + "@k3:8#5:8"), ok.slices().get(3).inputs(),
        "the combining slice reads every partial sum, not the node's input");
    assertTrue(ok.toJson().contains("\"k_to\": 3"), ok.toJson());
    assertEquals(ok, SlicePlan.fromJson(ok.toJson(), g, SliceCost.DEFAULT));
    // a plan saved before contraction splits (no k_from / k_to) still loads as an output split
    SlicePlan old = SlicePlan.of("x", g, List.of(new SlicePlan.Group(first, new Split(names.get(1), 0, 8)), tail),
        SliceCost.DEFAULT);
    assertTrue(!old.toJson().contains("k_from"));
    assertEquals(old, SlicePlan.fromJson(old.toJson(), g, SliceCost.DEFAULT));
    // a missing range, an output gap, partial sums after the combining slice, two nodes, a non-product
    assertTrue(assertThrows(BadInputException.class, () -> SlicePlan.of("x", g, List.of(a, combine, tail),
        SliceCost.DEFAULT)).getMessage().contains("cover [0, 3)"));
    assertTrue(assertThrows(BadInputException.class, () -> SlicePlan.of("x", g, List.of(a, b1, combine, tail),
        SliceCost.DEFAULT)).getMessage().contains("cover [0, 5)"));
    assertTrue(assertThrows(BadInputException.class, () -> SlicePlan.of("x", g, List.of(a, combine, b1, b2, tail),
        SliceCost.DEFAULT)).getMessage().contains("must come first"));
    assertTrue(assertThrows(BadInputException.class, () -> SlicePlan.of("x", g, List.of(b1, b2, a, combine, tail),
        SliceCost.DEFAULT)).getMessage().contains("in order"));
    assertTrue(assertThrows(BadInputException.class, () -> SlicePlan.of("x", g, List.of(
        new SlicePlan.Group(first, new Split(fc1, 0, 8, 0, 8)), combine, tail), SliceCost.DEFAULT))
        .getMessage().contains("alone"));
    assertThrows(BadInputException.class, () -> SlicePlan.of("x", g, List.of(
        new SlicePlan.Group(List.of(names.get(1)), new Split(names.get(1), 0, 8, 0, 8)), combine, tail),
        SliceCost.DEFAULT));
    assertThrows(BadInputException.class, () -> SlicePlan.fromJson(ok.toJson().replace("\"k_from\": 3", "\"k_from\": 9"),
        g, SliceCost.DEFAULT));
  }

  @Test
  void plansRoundTripThroughJsonAndEditsAreRevalidated() {
    Graph g = wideMlp();
    SlicePlan p = Slicer.budget(g, 15, 0, SliceCost.DEFAULT);
    assertTrue(p.slices().stream().anyMatch(s -> s.split() != null));
    SlicePlan back = SlicePlan.fromJson(p.toJson(), g, SliceCost.DEFAULT);
    assertEquals(p, back);
    // merging two slices by editing the JSON is allowed
    g = lenet();
    SlicePlan per = Slicer.perLayer(g, SliceCost.DEFAULT);
    List<SlicePlan.Group> groups = new ArrayList<>();
    List<String> first = new ArrayList<>(per.slices().get(0).nodes());
    first.addAll(per.slices().get(1).nodes());
    groups.add(new SlicePlan.Group(first, null));
    per.slices().stream().skip(2).forEach(s -> groups.add(new SlicePlan.Group(s.nodes(), null)));
    SlicePlan merged = SlicePlan.of("edited", g, groups, SliceCost.DEFAULT);
    assertWellFormed(g, SlicePlan.fromJson(merged.toJson(), g, SliceCost.DEFAULT));
  }

  @Test
  void badPlansAreClearErrors() {
    Graph g = lenet();
    SlicePlan per = Slicer.perLayer(g, SliceCost.DEFAULT);
    String missing = per.toJson().replaceFirst("\"" + per.slices().get(0).nodes().get(0) + "\"", "\"nope\"");
    assertTrue(assertThrows(BadInputException.class, () -> SlicePlan.fromJson(missing, g, SliceCost.DEFAULT))
        .getMessage().contains("nope"));
    List<SlicePlan.Group> dropLast = new ArrayList<>();
    per.slices().stream().limit(per.slices().size() - 1).forEach(s -> dropLast.add(new SlicePlan.Group(s.nodes(), null)));
    assertTrue(assertThrows(BadInputException.class, () -> SlicePlan.of("x", g, dropLast, SliceCost.DEFAULT))
        .getMessage().contains("does not cover"));
    List<SlicePlan.Group> reversed = new ArrayList<>();
    for (int i = per.slices().size() - 1; i >= 0; i--) {
      reversed.add(new SlicePlan.Group(per.slices().get(i).nodes(), null));
    }
    assertTrue(assertThrows(BadInputException.class, () -> SlicePlan.of("x", g, reversed, SliceCost.DEFAULT))
        .getMessage().contains("before any earlier slice"));
    assertThrows(BadInputException.class, () -> SlicePlan.fromJson("{\"format_version\": 9}", g, SliceCost.DEFAULT));
  }

  /**
   * [1, 256] → Gemm to 512 → Mul by a constant → Gelu → Gemm to 512 → Gemm to 10: each of the
   * first two Gemms alone exceeds 2^15 rows; the scale and the GELU are cheap element-wise
   * successors that do not fit with the next layer either.
   */
  static Graph scaledGelu() {
    java.util.SplittableRandom rnd = new java.util.SplittableRandom(7);
    io.kubz.slicer.onnx.OnnxWriter w = io.kubz.slicer.onnx.OnnxWriter.create("scaled", 13);
    String x = w.input("input", 1, 256);
    x = w.node("Gemm", "fc1", List.of(x, w.initializer("w1", weights(rnd, 512, 256))), "fc1_out",
        io.kubz.slicer.onnx.OnnxWriter.attr("transB", 1L));
    x = w.node("Mul", "scale", List.of(x, w.initializer("s", io.kubz.slicer.ir.Tensor.scalar(
        io.kubz.slicer.ir.DType.FLOAT, 0.125))), "scaled");
    x = w.node("Gelu", "gelu", List.of(x), "gelu_out");
    x = w.node("Gemm", "fc2", List.of(x, w.initializer("w2", weights(rnd, 512, 512))), "fc2_out",
        io.kubz.slicer.onnx.OnnxWriter.attr("transB", 1L));
    x = w.node("Gemm", "fc3", List.of(x, w.initializer("w3", weights(rnd, 10, 512))), "output",
        io.kubz.slicer.onnx.OnnxWriter.attr("transB", 1L));
    w.output(x, 1, 10);
    return OnnxImporter.convert(w.build(), null, Map.of());
  }

  private static io.kubz.slicer.ir.Tensor weights(java.util.SplittableRandom rnd, int rows, int cols) {
    io.kubz.slicer.ir.Tensor t = io.kubz.slicer.ir.Tensor.zeros(io.kubz.slicer.ir.DType.FLOAT, rows, cols);
    for (int i = 0; i < t.data().length; i++) {
      t.data()[i] = (float) (rnd.nextDouble() * 2 - 1) / 16;
    }
    return t;
  }

  @Test
  void cheapSuccessorsRideInTheSplitFamilyOfTheNodeBeforeThem() {
    Graph g = scaledGelu();
    SlicePlan p = Slicer.budget(g, 15, 0, SliceCost.DEFAULT);
    assertWellFormed(g, p);
    assertEquals(p, SlicePlan.fromJson(p.toJson(), g, SliceCost.DEFAULT), "the plan validates on load");
    List<SliceSpec> family = p.slices().stream().filter(s -> s.nodes().contains("fc1")).toList();
    assertTrue(family.size() >= 2, "fc1 is split: " + p.toJson());
    for (SliceSpec s : family) {
      assertEquals(List.of("fc1", "scale", "gelu"), s.nodes(), "the scale and the GELU ride with fc1: " + p.toJson());
      assertEquals("gelu", s.split().node());
      assertTrue(s.estimatedRows() <= (1L << 15) - Slicer.RESERVED_ROWS, "slice " + s.id() + " " + s.estimatedRows());
    }
    assertTrue(p.slices().stream().noneMatch(s -> s.nodes().get(0).equals("scale")), p.toJson());
    // the plan without riding (as before issue #17): fc1's family alone, then the successors in a
    // slice of their own, since they do not fit with fc2's layer; it commits fc1's output once more
    List<SlicePlan.Group> alone = new ArrayList<>();
    for (SliceSpec s : family) {
      alone.add(new SlicePlan.Group(List.of("fc1"), new Split("fc1", s.split().from(), s.split().to())));
    }
    alone.add(new SlicePlan.Group(List.of("scale", "gelu"), null));
    p.slices().stream().skip(family.size()).forEach(s -> alone.add(new SlicePlan.Group(s.nodes(), s.split())));
    SlicePlan old = SlicePlan.of("alone", g, alone, SliceCost.DEFAULT);
    assertWellFormed(g, old);
    assertEquals(old.slices().size() - 1, p.slices().size(), p.toJson());
    assertTrue(total(p) < total(old), total(p) + " rows riding, " + total(old) + " without");
  }

  private static long total(SlicePlan p) {
    return p.slices().stream().mapToLong(SliceSpec::estimatedRows).sum();
  }

  private static io.kubz.slicer.ir.Op nodeOp(Graph g, String name) {
    return g.nodes().stream().filter(n -> n.name().equals(name)).findFirst().orElseThrow().op();
  }
}
