package io.kubz.slicer.lower;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kubz.plonkish.ir.CircuitDescription;
import io.kubz.slicer.quant.QNode;
import java.util.LinkedHashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Slices take the fewest product lanes that keep their size: never larger, fewer columns. */
class AutoLanesTest {

  @Test
  void narrowerProductsKeepTheSizeAndDropColumns() {
    Models.Traced t = Models.cnn(21);
    boolean narrowed = false;
    for (QNode n : t.q().nodes()) {
      Set<String> one = new LinkedHashSet<>(Set.of(n.name()));
      CompiledSlice auto = SliceCompiler.compile(t.q(), one, Visibility.PUBLIC);
      CompiledSlice wide = SliceCompiler.compile(t.q(), one, Visibility.PUBLIC, SliceCompiler.DEFAULT_LANES);
      assertTrue(auto.lanes() >= 1 && auto.lanes() <= SliceCompiler.DEFAULT_LANES, n.name());
      assertEquals(wide.estimate().k(), auto.estimate().k(), n.name() + ": the choice keeps the estimated size");
      CircuitDescription a = auto.description();
      CircuitDescription w = wide.description();
      assertTrue(a.k() <= w.k(), n.name() + ": not larger");
      assertTrue(a.numAdvice() <= w.numAdvice(), n.name() + ": not more advice columns");
      if (auto.lanes() < SliceCompiler.DEFAULT_LANES && w.numAdvice() > a.numAdvice()) {
        narrowed = true;
      }
    }
    assertTrue(narrowed, "some product of the example CNN proves with fewer lanes and columns");
  }

  @Test
  void autoChosenSlicesAreSatisfiedAndEstimatedFromAbove() {
    Models.Traced t = Models.cnn(22);
    for (QNode n : t.q().nodes()) {
      // check() compiles with the automatic choice, mock-proves and holds the estimate to the rows used
      SliceCircuitTest.check(t, new LinkedHashSet<>(Set.of(n.name())), Visibility.PUBLIC);
    }
  }
}
