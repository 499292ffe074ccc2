package io.kubz.slicer.input;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kubz.field.BadInputException;
import io.kubz.slicer.ir.DType;
import io.kubz.slicer.ir.Graph;
import io.kubz.slicer.ir.ValueInfo;
import io.kubz.slicer.json.Json;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

/**
 * The streaming reader of input.json against the plain oracle it replaced: parse the JSON tree,
 * flatten it, and convert each number with {@code BigDecimal.doubleValue} (correctly rounded).
 */
class InputTextTest {
  private static Graph oneInput(DType t, int n) {
    ValueInfo in = new ValueInfo("x", t, new int[] {1, n});
    return new Graph("g", Map.of(), List.of(in), List.of(), Map.of(), List.of(), Map.of("x", in));
  }

  /** The oracle: the tree's numbers in document order, each BigDecimal read as a double. */
  private static void flatten(Object o, List<Double> out) {
    if (o instanceof List<?> l) {
      l.forEach(e -> flatten(e, out));
    } else if (o instanceof Boolean b) {
      out.add(b ? 1.0 : 0.0);
    } else {
      out.add(((BigDecimal) o).doubleValue());
    }
  }

  /** Random numbers in the spellings tools write: long decimals, exponents, integers, booleans. */
  private static String number(Random r) {
    switch (r.nextInt(6)) {
      case 0:
        return Long.toString(r.nextLong() >> r.nextInt(64));
      case 1:
        return Double.toString((r.nextDouble() - 0.5) * Math.pow(10, r.nextInt(40) - 20));
      case 2:
        // 17 to 40 significant digits: rounding to double must be exact at every digit.
        StringBuilder sb = new StringBuilder(r.nextBoolean() ? "-" : "").append(1 + r.nextInt(9));
        for (int i = 16 + r.nextInt(24); i > 0; i--) {
          sb.append(r.nextInt(10));
        }
        return sb.append("e").append(r.nextInt(80) - 60).toString();
      case 3:
        return r.nextBoolean() ? "true" : "false";
      case 4:
        return (r.nextInt(2000) - 1000) + "." + r.nextInt(1000);
      default:
        return new BigDecimal(r.nextLong()).pow(2).toString();
    }
  }

  @Property(tries = 60)
  void streamingEqualsTheTreeOracle(@ForAll long seed, @ForAll @IntRange(min = 1, max = 400) int n,
      @ForAll @IntRange(min = 1, max = 5) int rows) {
    Random r = new Random(seed);
    StringBuilder sb = new StringBuilder("{\"note\": {\"a\": [1, {\"b\": null}]}, \"input_data\": [[");
    for (int i = 0; i < n; i++) {
      // Rows of n / rows numbers, nested one level inside the input's list.
      boolean rowStart = i % Math.max(1, n / rows) == 0;
      sb.append(i == 0 ? "[" : rowStart ? "], [" : ", ").append(number(r));
    }
    String text = sb.append("]]], \"output_data\": [[1e999999]]}").toString();
    List<Double> want = new ArrayList<>();
    flatten(Json.asArray(Json.asObject(Json.parse(text), "x").get("input_data"), "d").get(0), want);
    double[] got = InputData.parse(text, oneInput(DType.DOUBLE, n), "in.json").get(0).data();
    assertEquals(want.size(), got.length);
    for (int i = 0; i < got.length; i++) {
      assertEquals(want.get(i), got[i], "value #" + i);
    }
  }

  @Test
  void negativeZeroReadsAsZeroAsBefore() {
    double[] d = InputData.parse("[-0, -0.0, -0e5]", oneInput(DType.DOUBLE, 3), "x").get(0).data();
    for (double x : d) {
      assertEquals(0.0, x);
    }
  }

  @Test
  void problemsAreReportedInTheOldOrder() {
    Graph g = oneInput(DType.FLOAT, 3);
    // A value that is not a number wins over a wrong count; the first one is named.
    String m = assertThrows(BadInputException.class,
        () -> InputData.parse("[1, null, \"x\"]", g, "in.json")).getMessage();
    assertTrue(m.contains("holds null"), m);
    m = assertThrows(BadInputException.class,
        () -> InputData.parse("[1, {\"a\": 2}]", g, "in.json")).getMessage();
    assertTrue(m.contains("holds \"{a=2}\", which is not a number"), m);
    m = assertThrows(BadInputException.class,
        () -> InputData.parse("[" + "[".repeat(33) + "1" + "]".repeat(33) + "]", g, "in.json")).getMessage();
    assertTrue(m.contains("nested too deeply"), m);
    assertArrayEquals(new double[] {1, 2, 3}, InputData.parse("[" + "[".repeat(31) + "1, 2, 3"
        + "]".repeat(31) + "]", g, "in.json").get(0).data());
    // Malformed text anywhere wins over everything, as when the whole tree was built first.
    m = assertThrows(BadInputException.class,
        () -> InputData.parse("{\"input_data\": [[1, null]], \"x\": [1,]}", g, "in.json")).getMessage();
    assertTrue(m.contains("malformed JSON"), m);
    m = assertThrows(BadInputException.class,
        () -> InputData.parse("{\"input_data\": 5}", g, "in.json")).getMessage();
    assertTrue(m.contains("input_data must be a JSON array"), m);
    m = assertThrows(BadInputException.class, () -> InputData.parse("\"abc\"", g, "in.json")).getMessage();
    assertTrue(m.contains("must be a JSON object"), m);
    m = assertThrows(BadInputException.class,
        () -> InputData.parse("{\"input_data\": [[1,2,3]], \"input_data\": [[4,5,6]]}", g, "in.json"))
        .getMessage();
    assertTrue(m.contains("input_data") && m.contains("malformed"), m);
  }

  @Test
  void hostileInputsFailCleanly() {
    Graph g = oneInput(DType.FLOAT, 3);
    assertThrows(BadInputException.class, () -> InputData.parse("[".repeat(100_000), g, "in.json"));
    assertThrows(BadInputException.class,
        () -> InputData.parse("{\"input_data\": [[" + "7".repeat(1_000_000) + ", 1, 2]]}", g, "in.json"));
    assertThrows(BadInputException.class,
        () -> InputData.parse("{\"x\": " + "{\"a\":".repeat(100_000) + "}", g, "in.json"));
    for (String e : new String[] {"1e9999999999", "{\"a\": 1e9999999999}"}) {
      assertThrows(BadInputException.class, () -> InputData.parse("[1, 2, " + e + "]", g, "in.json"), e);
    }
    // Below the smallest double a value is 0, as a cast would make it.
    assertArrayEquals(new double[] {1, 2, 0},
        InputData.parse("[1, 2, -1e-9999999999]", oneInput(DType.DOUBLE, 3), "in.json").get(0).data());
  }
}
