package io.kubz.slicer.json;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.junit.jupiter.api.Test;

/** The reader against hand-written documents and BigDecimal, the writer's layout byte for byte. */
class JsonTest {
  @Test
  void parsesNestedValuesKeepingEveryDigit() {
    Object v = Json.parse(" {\"a\": [1, -2.5e3, \"x\\n\\u0041\\/\"], \"b\": {\"c\": null, \"d\": true},"
        + " \"big\": 21888242871839275222246405745257275088548364400416034343698204186575808495617,"
        + " \"dec\": 1.50, \"neg\": -0, \"long\": 9223372036854775807}");
    Map<String, Object> m = Json.asObject(v, "root");
    assertEquals(List.of("a", "b", "big", "dec", "neg", "long"), List.copyOf(m.keySet()), "document order");
    List<Object> a = Json.asArray(m.get("a"), "a");
    assertEquals(new BigDecimal("1"), a.get(0));
    assertEquals(-2500.0, Json.asDouble(a.get(1), "a[1]"));
    assertEquals("x\nA/", a.get(2));
    assertEquals(Boolean.TRUE, Json.asObject(m.get("b"), "b").get("d"));
    assertTrue(Json.asObject(m.get("b"), "b").containsKey("c"));
    assertEquals(null, Json.asObject(m.get("b"), "b").get("c"));
    assertEquals("21888242871839275222246405745257275088548364400416034343698204186575808495617",
        Json.asNumber(m.get("big"), "big").toBigInteger().toString());
    // Scale is kept: 1.50 is not 1.5 to BigDecimal.equals, exactly as new BigDecimal("1.50").
    assertEquals(new BigDecimal("1.50"), m.get("dec"));
    assertEquals(new BigDecimal("-0"), m.get("neg"));
    assertEquals(Long.MAX_VALUE, Json.asLong(m.get("long"), "long"));
  }

  @Test
  void rejectsMalformedTextWithItsOffset() {
    for (String bad : new String[] {"", "  ", "{", "[1,]", "{\"a\" 1}", "tru", "1 2", "\"abc", "-", "01x",
        "[1 2]", "{\"a\":1,}", "NaN", "[Infinity]", "'a'", "{a:1}", "[1] x", "\"\\x\"", "\"\\u12\"",
        "// c\n1", "\"tab\there\""}) {
      JsonException e = assertThrows(JsonException.class, () -> Json.parse(bad), bad);
      assertTrue(e.getMessage().startsWith("malformed JSON at offset "), e.getMessage());
    }
  }

  @Test
  void duplicateKeysAreRejected() {
    JsonException e = assertThrows(JsonException.class, () -> Json.parse("{\"a\": 1, \"b\": {\"a\": 2, \"a\": 3}}"));
    assertTrue(e.getMessage().contains("'a'") && e.getMessage().contains("offset"), e.getMessage());
    assertEquals(2, Json.asObject(Json.parse("{\"a\": 1, \"b\": {\"a\": 2}}"), "x").size());
  }

  @Test
  void typedAccessorsNameWhatIsWrong() {
    Map<String, Object> m = Json.asObject(Json.parse("{\"a\":1, \"s\":\"x\", \"f\":1.5, \"big\":1e30}"), "root");
    JsonException e = assertThrows(JsonException.class, () -> Json.get(m, "input_data"));
    assertTrue(e.getMessage().contains("input_data"));
    assertTrue(assertThrows(JsonException.class, () -> Json.asArray(m.get("a"), "the a")).getMessage()
        .contains("the a must be a JSON array"));
    assertThrows(JsonException.class, () -> Json.asNumber(m.get("s"), "s"));
    assertThrows(JsonException.class, () -> Json.asString(m.get("a"), "a"));
    assertThrows(JsonException.class, () -> Json.asObject(m.get("a"), "a"));
    assertThrows(JsonException.class, () -> Json.asLong(m.get("f"), "f"));
    assertThrows(JsonException.class, () -> Json.asLong(m.get("big"), "big"));
    assertThrows(JsonException.class, () -> Json.asInt(Json.parse("4294967296"), "i"));
    assertEquals(1, Json.asInt(m.get("a"), "a"));
  }

  @Test
  void writerKeepsItsLayout() {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("name", "n\"\\\n\r\t\b\f\u0001/é");
    m.put("shape", List.of(1, 28L, new BigInteger("123456789012345678901234567890")));
    m.put("rows", List.of(List.of(1.5, 2.0), List.of()));
    m.put("empty", Map.of());
    m.put("flat", new double[] {0.1, -3, 1e20, 1e-7});
    m.put("longs", new long[] {Long.MIN_VALUE});
    m.put("ints", new int[] {});
    m.put("dec", new BigDecimal("1.50E+3"));
    m.put("f", 0.5f);
    m.put("none", null);
    m.put("yes", true);
    String s = "\"n\\\"\\\\\\n\\r\\t\\u0008\\u000c\\u0001/é\"";
    assertEquals("{\n"
        + "  \"name\": " + s + ",\n"
        + "  \"shape\": [1, 28, 123456789012345678901234567890],\n"
        + "  \"rows\": [\n    [1.5, 2],\n    []\n  ],\n"
        + "  \"empty\": {},\n"
        + "  \"flat\": [0.1, -3, 1.0E20, 1.0E-7],\n"
        + "  \"longs\": [-9223372036854775808],\n"
        + "  \"ints\": [],\n"
        + "  \"dec\": 1.50E+3,\n"
        + "  \"f\": 0.5,\n"
        + "  \"none\": null,\n"
        + "  \"yes\": true\n"
        + "}\n", Json.writePretty(m));
    assertEquals("{\"name\":" + s + ",\"shape\":[1,28,123456789012345678901234567890],\"rows\":[[1.5,2],[]],"
        + "\"empty\":{},\"flat\":[0.1,-3,1.0E20,1.0E-7],\"longs\":[-9223372036854775808],\"ints\":[],"
        + "\"dec\":1.50E+3,\"f\":0.5,\"none\":null,\"yes\":true}", Json.write(m));
    assertEquals(m.get("name"), Json.asObject(Json.parse(Json.write(m)), "m").get("name"));
    assertEquals("[]\n", Json.writePretty(List.of()));
    assertEquals("\"x\"", Json.write("x"));
  }

  @Test
  void writerRejectsWhatJsonCannotSay() {
    assertThrows(JsonException.class, () -> Json.write(List.of(Double.NaN)));
    assertThrows(JsonException.class, () -> Json.write(Map.of("x", Double.POSITIVE_INFINITY)));
    assertThrows(JsonException.class, () -> Json.write(new Object()));
  }

  @Property(tries = 200)
  void stringsRoundTrip(@ForAll String s) {
    assertEquals(s, Json.parse(Json.write(s)));
    assertEquals(List.of(s), Json.parse(Json.writePretty(List.of(s))));
    assertEquals(Map.of(s, s), Json.parse(Json.write(Map.of(s, s))));
  }

  @Property(tries = 200)
  void doublesRoundTrip(@ForAll double d) {
    if (Double.isFinite(d)) {
      Object back = Json.asArray(Json.parse(Json.write(List.of(d))), "l").get(0);
      assertEquals(d == 0 ? 0.0 : d, Json.asDouble(back, "d"));
    }
  }

  /** The oracle is BigDecimal itself: its text read back is the same value with the same scale. */
  @Property(tries = 300)
  void decimalsRoundTripExactly(@ForAll BigInteger unscaled, @ForAll int scale) {
    BigDecimal x = new BigDecimal(unscaled, scale % 400);
    assertEquals(x, Json.parse(Json.write(x)));
    assertEquals(x, Json.parse(Json.writePretty(List.of(x))) instanceof List<?> l ? l.get(0) : null);
  }
}
