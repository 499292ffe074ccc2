package io.kubz.slicer.lower;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kubz.slicer.api.LoweredCost;
import io.kubz.slicer.api.Strategy;
import io.kubz.slicer.plan.SlicePlan;
import io.kubz.slicer.plan.SliceSpec;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A causal attention block under a budget that splits its layers (issue #17): the scale, the mask,
 * the softmax and the GELU ride in the split family of the product before them, so none of them
 * has a slice of its own, and every slice's circuit, which computes only the softmax rows and
 * GELU elements of its range, is satisfied by the trace within its estimate.
 */
class AttentionSplitTest {
  @Test
  void cheapSuccessorsRideInTheirProducersFamilyAndTheCircuitsHold() {
    Models.Traced t = Models.traced(AttentionModel.of(5, 64, 16), 3);
    int k = 16;
    SlicePlan plan = Strategy.budget(k, 0).plan(t.q().graph(), new LoweredCost(t.q()));
    System.out.println(plan.toJson());
    for (String rider : List.of("scale_mul", "mask_where", "attn_softmax", "gelu")) {
      for (SliceSpec s : plan.slices()) {
        assertTrue(!s.nodes().equals(List.of(rider)), rider + " has a slice of its own: " + plan.toJson());
      }
    }
    List<SliceSpec> scores = plan.slices().stream().filter(s -> s.nodes().contains("scores")).toList();
    assertTrue(scores.size() >= 2 && scores.stream().allMatch(s -> s.split() != null), "the scores are split");
    for (SliceSpec s : scores) {
      assertEquals("attn_softmax", s.split().node(), "the softmax ends the family: " + s.nodes());
    }
    assertEquals(4, SplitCircuitTest.checkPlan(t, k, s -> s.nodes().contains("scores") || s.nodes().contains("attend")));
  }
}
