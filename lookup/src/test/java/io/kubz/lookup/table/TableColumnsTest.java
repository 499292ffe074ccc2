package io.kubz.lookup.table;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.kubz.field.Fr;
import java.math.BigInteger;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

class TableColumnsTest {

  @Property(tries = 30)
  void columnsAreTheSignedEntriesModR(@ForAll @IntRange(min = 1, max = 9) int bits,
      @ForAll @IntRange(min = 0, max = 4) int inScale, @ForAll @IntRange(min = 0, max = 4) int outScale) {
    TableSpec[] specs = {new RangeTable(bits), new SignedRangeTable(bits),
        new FunctionTable(new Activation.Sigmoid(), bits, inScale, outScale),
        new FunctionTable(new Activation.LeakyRelu(0.25), bits, inScale, outScale)};
    for (TableSpec t : specs) {
      for (int c = 0; c < t.arity(); c++) {
        long[] ints = t.column(c);
        long[] fr = TableColumns.of(t, c);
        assertEquals(4 * ints.length, fr.length);
        for (int i = 0; i < ints.length; i++) {
          assertEquals(BigInteger.valueOf(ints[i]).mod(Fr.MODULUS), Fr.toBigInteger(fr, 4 * i), t.id() + " row " + i);
        }
      }
    }
  }

  @Test
  void paddingRepeatsTheFirstEntry() {
    TableSpec t = new SignedRangeTable(3);
    long[][] cols = TableColumns.all(t, 11);
    assertEquals(1, cols.length);
    for (int i = 8; i < 11; i++) {
      assertEquals(Fr.of(-4), Fr.readFrom(cols[0], 4 * i));
    }
    assertEquals(Fr.of(3), Fr.readFrom(cols[0], 4 * 7));
    assertThrows(IllegalArgumentException.class, () -> TableColumns.all(t, 7));
    assertThrows(IllegalArgumentException.class, () -> TableColumns.of(t, 1));
  }
}
