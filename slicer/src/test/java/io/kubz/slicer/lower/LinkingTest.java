package io.kubz.slicer.lower;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kubz.slicer.ir.Graph;
import io.kubz.slicer.ir.Node;
import io.kubz.slicer.lower.Visibility.Mode;
import io.kubz.slicer.onnx.ExampleModels;
import io.kubz.slicer.onnx.OnnxImporter;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The linking rule on the residual model: h = fc2(Relu(fc1(x))), y = Relu(h + x), out = head(y). */
class LinkingTest {
  static final Graph G = OnnxImporter.convert(ExampleModels.residual(3, 4), null, Map.of());

  /** Slices of the residual model: [fc1, Relu], [fc2, Add, Relu], [head, Identity]. */
  static List<Set<String>> perLayer() {
    List<String> names = new ArrayList<>();
    for (Node n : G.nodes()) {
      names.add(n.name());
    }
    assertEquals(7, names.size(), names.toString());
    return List.of(new LinkedHashSet<>(names.subList(0, 2)), new LinkedHashSet<>(names.subList(2, 5)),
        new LinkedHashSet<>(names.subList(5, 7)));
  }

  static String out(int node) {
    return G.nodes().get(node).output();
  }

  @Test
  void aPrivateInputReadByTwoSlicesIsHashedAndOneReadByOneSliceStaysPrivate() {
    Visibility priv = new Visibility(Mode.PRIVATE, Mode.PRIVATE);
    Linking split = Linking.of(G, perLayer(), priv);
    assertTrue(split.crosses("input"));
    assertEquals(Mode.HASHED, split.mode("input"));
    List<Set<String>> whole = List.of(new LinkedHashSet<>(G.nodes().stream().map(Node::name).toList()));
    Linking one = Linking.of(G, whole, priv);
    assertFalse(one.crosses("input"));
    assertEquals(Mode.PRIVATE, one.mode("input"));
    assertEquals(Mode.PRIVATE, split.mode("output"), "an output nobody else reads stays private");
    assertFalse(split.crosses("output"));
    assertEquals(Mode.HASHED, split.mode(out(1)), "the cut between slices 0 and 1");
    assertTrue(split.crosses(out(1)));
    assertFalse(split.crosses(out(0)), "read inside its own slice only");
    for (Visibility v : List.of(Visibility.PUBLIC, new Visibility(Mode.HASHED, Mode.HASHED))) {
      assertEquals(v.input(), Linking.of(G, perLayer(), v).mode("input"), "public and hashed keep their mode");
    }
  }

  @Test
  void theCompiledSlicesOfAPlanShareTheTensorsMode() {
    List<Set<String>> slices = perLayer();
    Linking links = Linking.of(G, slices, new Visibility(Mode.PRIVATE, Mode.PUBLIC));
    io.kubz.slicer.quant.QuantizedGraph q = Models.traced(ExampleModels.residual(3, 4), 1).q();
    CompiledSlice first = SliceCompiler.compile(q, slices.get(0), links);
    CompiledSlice second = SliceCompiler.compile(q, slices.get(1), links);
    InstanceLayout.Entry a = first.layout().find("input", false);
    InstanceLayout.Entry b = second.layout().find("input", false);
    assertTrue(a != null && a.commitment() && b != null && b.commitment(), "both readers commit to the input");
    assertTrue(second.layout().find(out(1), false).commitment());
    CompiledSlice last = SliceCompiler.compile(q, slices.get(2), links);
    assertNull(last.layout().find("input", false));
    assertFalse(last.layout().find("output", true).commitment(), "public output values");
  }
}
