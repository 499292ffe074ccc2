package io.kubz.slicer.json;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.core.StreamReadConstraints;
import io.kubz.field.BadInputException;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Hostile documents end in a {@link BadInputException} naming the limit, not in a
 * StackOverflowError or an exhausted heap. (The timeout only guards against a hang; it is not a
 * speed assertion.)
 */
class JsonLimitsTest {
  private static final Duration HANG = Duration.ofSeconds(30);

  private static String rejected(String text) {
    return assertTimeoutPreemptively(HANG,
        () -> assertThrows(BadInputException.class, () -> Json.parse(text)).getMessage());
  }

  @Test
  void deepNestingIsRejectedWithoutRecursing() {
    for (String open : new String[] {"[", "{\"a\":"}) {
      String m = rejected(open.repeat(100_000));
      assertTrue(m.contains("limits") && m.contains("nesting"), m);
    }
    assertEquals(1, Json.asArray(Json.parse("[".repeat(Json.MAX_DEPTH) + "]".repeat(Json.MAX_DEPTH)), "x").size());
    String m = rejected("[".repeat(Json.MAX_DEPTH + 1) + "]".repeat(Json.MAX_DEPTH + 1));
    assertTrue(m.contains("nesting"), m);
  }

  @Test
  void longNumbersAreRejected() {
    String m = rejected("[" + "9".repeat(1_000_000) + "]");
    assertTrue(m.contains("limits") && m.contains("Number"), m);
    rejected("1" + "0".repeat(Json.MAX_NUMBER_CHARS));
    rejected("0." + "5".repeat(2000));
    rejected("1e" + "9".repeat(2000));
    for (String e : new String[] {"1e9999999999", "[-1e-9999999999]"}) {
      String r = assertThrows(JsonException.class, () -> Json.parse(e)).getMessage();
      assertTrue(r.contains("out of range"), r);
    }
    String ok = "1" + "0".repeat(Json.MAX_NUMBER_CHARS - 1);
    assertEquals(ok, Json.asNumber(Json.parse(ok), "n").toPlainString());
  }

  @Test
  void longStringsAreRejectedAgainstTheLimit() {
    // The same factory with a 1 MiB string limit stands in for the 16 MiB one.
    var f = Json.factory(StreamReadConstraints.builder().maxStringLength(1 << 20).build());
    String big = "x".repeat((1 << 20) + 1);
    String m = assertThrows(JsonException.class, () -> Json.parse(f, "[\"" + big + "\"]")).getMessage();
    assertTrue(m.contains("String value length"), m);
    assertEquals(List.of(big.substring(1)), Json.parse(f, "[\"" + big.substring(1) + "\"]"));
    // Keys too are bounded.
    assertThrows(JsonException.class, () -> Json.parse("{\"" + "k".repeat(Json.MAX_NAME_CHARS + 1) + "\": 1}"));
  }

  @Test
  void documentsBeyondTheLengthLimitAreRejected() {
    var f = Json.factory(StreamReadConstraints.builder().maxDocumentLength(1000).build());
    StringBuilder sb = new StringBuilder("[0");
    while (sb.length() < 100_000) {
      sb.append(",0");
    }
    String m = assertThrows(JsonException.class, () -> Json.parse(f, sb.append(']').toString())).getMessage();
    assertTrue(m.contains("Document length"), m);
  }
}
