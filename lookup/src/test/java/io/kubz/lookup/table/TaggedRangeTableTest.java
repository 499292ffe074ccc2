package io.kubz.lookup.table;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;
import org.junit.jupiter.api.Test;

/** The tagged range table against its definition: (l + t, t) is a row iff t = 2^r and 0 ≤ l &lt; 2^r. */
class TaggedRangeTableTest {
  private static Set<List<Long>> rows(TaggedRangeTable t) {
    long[] x = t.column(0);
    long[] tag = t.column(1);
    Set<List<Long>> out = new HashSet<>();
    for (int i = 0; i < x.length; i++) {
      out.add(List.of(x[i], tag[i]));
    }
    return out;
  }

  @Test
  void holdsEveryWidthOnce() {
    TaggedRangeTable t = new TaggedRangeTable(8);
    assertEquals(512, t.size());
    assertEquals(2, t.arity());
    assertEquals("tagged_range(8)", t.id());
    assertEquals(0, t.output(0));
    assertEquals(1, t.output(1));
    assertEquals(256, t.output(511));
    assertEquals(128, t.output(255));
    assertThrows(IllegalArgumentException.class, () -> new TaggedRangeTable(0));
    assertThrows(IllegalArgumentException.class, () -> new TaggedRangeTable(TableSpec.MAX_BITS));
  }

  /** Membership of (l + 2^r, 2^r), and of (l, 0), equals the range statement, for l around the bounds. */
  @Property(tries = 300)
  void lookupOfShiftedLimbIsRangeCheck(@ForAll @IntRange(min = 1, max = 10) int bits,
      @ForAll @IntRange(min = 0, max = 10) int r0, @ForAll @LongRange(min = -3, max = 3) long delta,
      @ForAll boolean nearTop) {
    TaggedRangeTable t = new TaggedRangeTable(bits);
    Set<List<Long>> rows = rows(t);
    int r = Math.min(r0, bits);
    long tag = 1L << r;
    long l = (nearTop ? tag : 0) + delta;
    boolean inRange = l >= 0 && l < tag;
    assertEquals(inRange, rows.contains(List.of(l + tag, tag)), "l=" + l + " r=" + r);
    assertEquals(l == 0, rows.contains(List.of(l, 0L)), "untagged l=" + l);
  }
}
