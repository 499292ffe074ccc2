package io.kubz.slicer.lower;

import static io.kubz.slicer.onnx.OnnxWriter.attr;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kubz.plonkish.builder.Circuit;
import io.kubz.slicer.ir.DType;
import io.kubz.slicer.ir.Tensor;
import io.kubz.slicer.onnx.OnnxWriter;
import io.kubz.slicer.onnx.proto.Onnx.ModelProto;
import io.kubz.slicer.quant.QNode;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The operators the importer expands (io.kubz.slicer.onnx.Expansion): re-indexing ops (Split,
 * Expand, Tile, nearest Resize, DepthToSpace, GatherElements with constant indices) cost no rows and
 * read only assigned cells; unrolled LSTM, GRU and RNN read only assigned cells, as one slice and
 * per node; and on small ones every assigned cell is pinned (mutation sweep).
 */
class ExpansionLoweringTest {

  /** Gemm 6 → 8, then the re-indexing ops; the output of the Gemm is the only arithmetic. */
  static ModelProto reindexing() {
    return NonlinearLoweringTest.model("reindex", 1.0, (w, x) -> {
      String r = w.node("Reshape", List.of(x, w.initializer("s", Tensor.longs(1, 2, 2, 2))));
      List<String> sp = w.node("Split", "split", List.of(r, w.initializer("sz", Tensor.longs(1, 1))),
          List.of("a", "b"), attr("axis", 1L));
      String e = w.node("Expand", List.of(sp.get(1), w.initializer("es", Tensor.longs(1, 2, 1, 1))));
      String t = w.node("Tile", List.of(sp.get(0), w.initializer("rep", Tensor.longs(1, 2, 1, 1))));
      String cat = w.node("Concat", List.of(e, t), attr("axis", 0L));
      String up = w.node("Resize", List.of(cat, "", w.initializer("sc",
          Tensor.ofFloats(new int[] {4}, 1, 1, 2, 1))), attr("mode", "nearest"));
      String d2s = w.node("DepthToSpace", List.of(w.node("Reshape", List.of(up,
          w.initializer("s2", Tensor.longs(1, 8, 2, 2))))), attr("blocksize", 2L));
      return w.node("GatherElements", List.of(d2s, w.initializer("gi", Tensor.of(DType.INT64,
          new int[] {1, 2, 4, 4}, new double[] {3, 0, 1, 2, 2, 2, 0, 1, 1, 3, 3, 0, 0, 1, 2, 3,
              1, 1, 0, 0, 2, 3, 3, 1, 0, 2, 1, 3, 3, 3, 2, 0}))), attr("axis", 3L));
    });
  }

  /** X [seq, 1, 2] → {@code type} with hidden size 2 → Y. */
  static ModelProto recurrent(String type, int seq) {
    int gates = type.equals("LSTM") ? 4 : type.equals("GRU") ? 3 : 1;
    OnnxWriter w = OnnxWriter.create(type.toLowerCase(), 14);
    w.input("x", seq, 1, 2);
    w.node(type, "rec", List.of("x", w.initializer("W", NonlinearLoweringTest.weights(21, 1, gates * 2, 2)),
        w.initializer("R", NonlinearLoweringTest.weights(22, 1, gates * 2, 2)),
        w.initializer("B", NonlinearLoweringTest.weights(23, 1, gates * 4))), List.of("y"),
        attr("hidden_size", 2L));
    w.output("y");
    return w.build();
  }

  @Test
  void reindexingCostsNoRowsAndReadsAssignedCells() {
    Models.Traced t = NonlinearLoweringTest.traced(reindexing());
    assertEquals(List.of("Gemm"), t.q().nodes().stream().map(n -> n.node().op())
        .filter(op -> !io.kubz.slicer.quant.IndexMap.isLayout(op))
        .map(op -> op.getClass().getSimpleName()).distinct().toList());
    for (Visibility v : List.of(Visibility.PUBLIC,
        new Visibility(Visibility.Mode.HASHED, Visibility.Mode.HASHED))) {
      AssignedCellsTest.assertAssigned("reindexing " + v,
          SliceCompiler.compile(t.q(), SliceCircuitTest.all(t), v).circuit(t.trace(), t.salts(3)));
    }
    assertEquals(List.of(), MutationSweepTest.survivors(MutationSweepTest.oneSlice(t, Visibility.PUBLIC)));
  }

  @Test
  void unrolledRecurrentOpsReadAssignedCellsAsOneSliceAndPerNode() {
    for (String type : List.of("LSTM", "GRU", "RNN")) {
      Models.Traced t = NonlinearLoweringTest.traced(recurrent(type, 3));
      AssignedCellsTest.assertAssigned(type, MutationSweepTest.oneSlice(t, Visibility.PUBLIC));
      for (QNode n : t.q().nodes()) {
        AssignedCellsTest.assertAssigned(type + " node " + n.name(), SliceCompiler.compile(t.q(),
            Set.of(n.name()), new Visibility(Visibility.Mode.HASHED, Visibility.Mode.HASHED))
            .circuit(t.trace(), t.salts(4)));
      }
    }
  }

  @Test
  void mutationSweepOfASmallLstm() {
    Models.Traced t = NonlinearLoweringTest.traced(recurrent("LSTM", 2));
    Circuit c = MutationSweepTest.oneSlice(t, Visibility.PUBLIC);
    assertTrue(t.q().nodes().size() > 10, "unrolled");
    assertEquals(List.of(), MutationSweepTest.survivors(c));
  }

  @Test
  void mutationSweepOfASmallGru() {
    Models.Traced t = NonlinearLoweringTest.traced(recurrent("GRU", 2));
    assertEquals(List.of(), MutationSweepTest.survivors(MutationSweepTest.oneSlice(t, Visibility.PUBLIC)));
  }
}
