package io.kubz.plonkish.builder;

import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kubz.field.Fr;
import io.kubz.plonkish.ir.Column;
import java.lang.ref.WeakReference;
import org.junit.jupiter.api.Test;

/**
 * Issue #16, finding 7: a built circuit's witness keeps its later-phase value functions, which hold
 * cells, which hold their regions; the regions once held every assignment and the builder, so a
 * 2^17-row slice kept about half a GiB of builder alive for its whole proof.
 */
class BuilderRetentionTest {
  @Test
  void aBuiltCircuitDoesNotKeepItsBuilderAlive() {
    CircuitBuilder b = new CircuitBuilder();
    Column.Advice early = b.advice();
    Column.Advice late = b.advice(1);
    b.challenge(0);
    AssignedCell x = b.region("early", r -> r.assignAdvice(early, 0, Fr.of(5)));
    AssignedCell y = b.region("late", r -> r.assignAdvice(late, 0, ch -> x.value().add(ch[0])));
    WeakReference<CircuitBuilder> builder = new WeakReference<>(b);
    Circuit c = b.build();
    b = null;
    for (int i = 0; i < 20 && builder.get() != null; i++) {
      System.gc();
    }
    assertNull(builder.get(), "the builder was collected while its circuit is alive");
    // the value function still works on the sealed cells
    long[][] advice = {new long[4 * c.description().n()], new long[4 * c.description().n()]};
    c.witness().fillers().get(0).fill(1, new Fr[] {Fr.of(2)}, advice);
    long[] seven = new long[4];
    Fr.of(7).writeTo(seven, 0);
    assertTrue(Fr.equal(advice[late.index()], 4 * y.row(), seven, 0), "5 + challenge 2");
  }

  @Test
  void aBuilderBuildsOnce() {
    CircuitBuilder b = new CircuitBuilder();
    Column.Advice a = b.advice();
    b.region("r", r -> r.assignAdvice(a, 0, Fr.ONE));
    b.build();
    assertThrows(IllegalStateException.class, b::build);
  }
}
