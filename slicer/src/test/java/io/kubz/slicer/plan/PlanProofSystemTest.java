package io.kubz.slicer.plan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kubz.field.BadInputException;
import io.kubz.slicer.ir.Graph;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A plan slice's "proof_system": written only when set, read back, validated on load. */
class PlanProofSystemTest {
  @Test
  void proofSystemRoundTripsAndIsAbsentWhenUnset() {
    Graph g = SlicerTest.lenet();
    SlicePlan p = Slicer.maxLayers(g, 2, SliceCost.DEFAULT);
    assertFalse(p.toJson().contains("proof_system"), "an unset system leaves the plan JSON as before");
    List<SlicePlan.Group> groups = new ArrayList<>();
    for (int i = 0; i < p.slices().size(); i++) {
      groups.add(new SlicePlan.Group(p.slices().get(i).nodes(), null, i % 2 == 0 ? "gkr" : null));
    }
    SlicePlan marked = SlicePlan.of("mixed", g, groups, SliceCost.DEFAULT);
    SlicePlan back = SlicePlan.fromJson(marked.toJson(), g, SliceCost.DEFAULT);
    assertEquals(marked, back);
    assertEquals("gkr", back.slices().get(0).proofSystem());
    assertNull(back.slices().get(1).proofSystem());
    assertEquals("plonkish", back.slices().get(1).system("plonkish"));
    assertEquals(marked.groups(), back.groups());
  }

  @Test
  void anUnknownProofSystemIsRefusedWithWhatToUse() {
    Graph g = SlicerTest.lenet();
    String json = Slicer.maxLayers(g, 2, SliceCost.DEFAULT).toJson()
        .replaceFirst("\"id\" *: *0,", "\"id\": 0, \"proof_system\": \"stark\",");
    assertTrue(json.contains("stark"), json);
    BadInputException e = assertThrows(BadInputException.class, () -> SlicePlan.fromJson(json, g, SliceCost.DEFAULT));
    assertTrue(e.getMessage().contains("plonkish") && e.getMessage().contains("gkr"), e.getMessage());
  }
}
