package io.kubz.field.json;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.junit.jupiter.api.Test;

class JsonTest {
  @Test
  void parsesNestedValuesKeepingEveryDigit() {
    Object v = Json.parse(" {\"a\": [1, -2.5e3, \"x\\n\\u0041\"], \"b\": {\"c\": null, \"d\": true},"
        + " \"big\": 21888242871839275222246405745257275088548364400416034343698204186575808495617}");
    Map<String, Object> m = Json.asObject(v, "root");
    List<Object> a = Json.asArray(m.get("a"), "a");
    assertEquals(new BigDecimal("1"), a.get(0));
    assertEquals(-2500.0, Json.asDouble(a.get(1), "a[1]"));
    assertEquals("x\nA", a.get(2));
    assertEquals(Boolean.TRUE, Json.asObject(m.get("b"), "b").get("d"));
    assertEquals("21888242871839275222246405745257275088548364400416034343698204186575808495617",
        Json.asNumber(m.get("big"), "big").toBigInteger().toString());
  }

  @Test
  void rejectsMalformedTextWithItsOffset() {
    for (String bad : new String[] {"", "{", "[1,]", "{\"a\" 1}", "tru", "1 2", "\"abc", "-", "01x"}) {
      JsonException e = assertThrows(JsonException.class, () -> Json.parse(bad), bad);
      assertTrue(e.getMessage().contains("offset"), e.getMessage());
    }
  }

  @Test
  void missingKeyIsNamed() {
    Map<String, Object> m = Json.asObject(Json.parse("{\"a\":1}"), "root");
    JsonException e = assertThrows(JsonException.class, () -> Json.get(m, "input_data"));
    assertTrue(e.getMessage().contains("input_data"));
  }

  @Property(tries = 200)
  void stringsRoundTrip(@ForAll String s) {
    assertEquals(s, Json.parse(Json.write(s)));
    assertEquals(List.of(s), Json.parse(Json.writePretty(List.of(s))));
  }

  @Property(tries = 200)
  void doublesRoundTrip(@ForAll double d) {
    if (Double.isFinite(d)) {
      assertEquals(d, Json.asDouble(Json.parse(Json.write(List.of(d))) instanceof List<?> l ? l.get(0) : null, "d"));
    }
  }
}
