package io.kubz.slicer.json;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Builds the plain-Java tree of one value from a parser. Recursion is bounded by the factory's
 * nesting limit ({@link Json#MAX_DEPTH}), which the parser enforces before any frame is added.
 */
final class JsonTree {
  private JsonTree() {}

  /** The value starting at the current token; leaves the parser on the value's last token. */
  static Object read(JsonParser p) throws IOException {
    JsonToken t = p.currentToken();
    if (t == null) {
      throw new JsonException("malformed JSON at offset " + p.currentLocation().getCharOffset()
          + ": unexpected end of text");
    }
    switch (t) {
      case START_OBJECT:
        Map<String, Object> m = new LinkedHashMap<>();
        for (String k = p.nextFieldName(); k != null; k = p.nextFieldName()) {
          p.nextToken();
          m.put(k, read(p));
        }
        return m;
      case START_ARRAY:
        List<Object> l = new ArrayList<>();
        while (p.nextToken() != JsonToken.END_ARRAY) {
          l.add(read(p));
        }
        return l;
      case VALUE_STRING:
        return p.getText();
      case VALUE_NUMBER_INT:
      case VALUE_NUMBER_FLOAT:
        return number(p);
      case VALUE_TRUE:
        return Boolean.TRUE;
      case VALUE_FALSE:
        return Boolean.FALSE;
      case VALUE_NULL:
        return null;
      default:
        throw new JsonException("malformed JSON at offset " + p.currentLocation().getCharOffset()
            + ": unexpected " + t);
    }
  }

  /**
   * A number as {@code new BigDecimal(text)} would give it (integers with scale 0); an exponent
   * beyond BigDecimal's range (1e9999999999) is malformed input, not a NumberFormatException.
   */
  static BigDecimal number(JsonParser p) throws IOException {
    try {
      if (p.currentToken() == JsonToken.VALUE_NUMBER_FLOAT) {
        return p.getDecimalValue();
      }
      JsonParser.NumberType nt = p.getNumberType();
      if (nt == JsonParser.NumberType.INT || nt == JsonParser.NumberType.LONG) {
        return BigDecimal.valueOf(p.getLongValue());
      }
      return new BigDecimal(p.getBigIntegerValue());
    } catch (NumberFormatException e) {
      throw new JsonException("malformed JSON at offset " + p.currentLocation().getCharOffset()
          + ": the number " + p.getText() + " is out of range");
    }
  }
}
