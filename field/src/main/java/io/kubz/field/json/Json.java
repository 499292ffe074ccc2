package io.kubz.field.json;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A small JSON reader and writer (RFC 8259), so that fixtures, inputs, settings, plans and
 * {@code --json} output need no extra dependency.
 *
 * <p>Reading gives {@code Map<String,Object>} (insertion ordered), {@code List<Object>},
 * {@code String}, {@code BigDecimal} (numbers keep every digit), {@code Boolean} or {@code null}.
 * Writing accepts those plus any {@code Number}, arrays of {@code double}/{@code long}/{@code int}
 * and records are not supported (build a map). Malformed text raises {@link JsonException} with the
 * offset of the problem.
 */
public final class Json {
  private final String s;
  private int i;

  private Json(String s) {
    this.s = s;
  }

  /** Parses one JSON value; trailing non-blank text is an error. */
  public static Object parse(String text) {
    Json p = new Json(text);
    p.skipWs();
    Object v = p.value(0);
    p.skipWs();
    if (p.i != text.length()) {
      throw p.error("unexpected text after the value");
    }
    return v;
  }

  /** Writes a value compactly. */
  public static String write(Object value) {
    StringBuilder sb = new StringBuilder();
    write(sb, value, -1, 0);
    return sb.toString();
  }

  /** Writes a value with two-space indentation and a final newline. */
  public static String writePretty(Object value) {
    StringBuilder sb = new StringBuilder();
    write(sb, value, 2, 0);
    return sb.append('\n').toString();
  }

  // ---- typed accessors for parsed values, with messages that name the key ----

  @SuppressWarnings("unchecked")
  public static Map<String, Object> asObject(Object v, String what) {
    if (v instanceof Map) {
      return (Map<String, Object>) v;
    }
    throw new JsonException(what + " must be a JSON object");
  }

  @SuppressWarnings("unchecked")
  public static List<Object> asArray(Object v, String what) {
    if (v instanceof List) {
      return (List<Object>) v;
    }
    throw new JsonException(what + " must be a JSON array");
  }

  public static String asString(Object v, String what) {
    if (v instanceof String) {
      return (String) v;
    }
    throw new JsonException(what + " must be a string");
  }

  public static BigDecimal asNumber(Object v, String what) {
    if (v instanceof BigDecimal) {
      return (BigDecimal) v;
    }
    throw new JsonException(what + " must be a number");
  }

  public static double asDouble(Object v, String what) {
    return asNumber(v, what).doubleValue();
  }

  public static long asLong(Object v, String what) {
    try {
      return asNumber(v, what).longValueExact();
    } catch (ArithmeticException e) {
      throw new JsonException(what + " must be an integer that fits in 64 bits");
    }
  }

  public static int asInt(Object v, String what) {
    long l = asLong(v, what);
    if (l != (int) l) {
      throw new JsonException(what + " must be an integer that fits in 32 bits");
    }
    return (int) l;
  }

  /** Member {@code key} of an object; an error naming the key when it is absent. */
  public static Object get(Map<String, Object> obj, String key) {
    if (!obj.containsKey(key)) {
      throw new JsonException("missing key \"" + key + "\"");
    }
    return obj.get(key);
  }

  // ---- parser ----

  private Object value(int depth) {
    if (depth > 512) {
      throw error("nesting deeper than 512");
    }
    if (i >= s.length()) {
      throw error("unexpected end of text");
    }
    char c = s.charAt(i);
    switch (c) {
      case '{':
        return object(depth);
      case '[':
        return array(depth);
      case '"':
        return string();
      case 't':
        return literal("true", Boolean.TRUE);
      case 'f':
        return literal("false", Boolean.FALSE);
      case 'n':
        return literal("null", null);
      default:
        if (c == '-' || (c >= '0' && c <= '9')) {
          return number();
        }
        throw error("unexpected character '" + c + "'");
    }
  }

  private Map<String, Object> object(int depth) {
    Map<String, Object> m = new LinkedHashMap<>();
    i++;
    skipWs();
    if (peek() == '}') {
      i++;
      return m;
    }
    while (true) {
      skipWs();
      if (peek() != '"') {
        throw error("expected a string key");
      }
      String k = string();
      skipWs();
      expect(':');
      skipWs();
      m.put(k, value(depth + 1));
      skipWs();
      char c = next();
      if (c == '}') {
        return m;
      }
      if (c != ',') {
        throw error("expected ',' or '}'");
      }
    }
  }

  private List<Object> array(int depth) {
    List<Object> l = new ArrayList<>();
    i++;
    skipWs();
    if (peek() == ']') {
      i++;
      return l;
    }
    while (true) {
      skipWs();
      l.add(value(depth + 1));
      skipWs();
      char c = next();
      if (c == ']') {
        return l;
      }
      if (c != ',') {
        throw error("expected ',' or ']'");
      }
    }
  }

  private String string() {
    expect('"');
    StringBuilder sb = new StringBuilder();
    while (true) {
      char c = next();
      if (c == '"') {
        return sb.toString();
      }
      if (c < 0x20) {
        throw error("control character in string");
      }
      if (c != '\\') {
        sb.append(c);
        continue;
      }
      char e = next();
      switch (e) {
        case '"': sb.append('"'); break;
        case '\\': sb.append('\\'); break;
        case '/': sb.append('/'); break;
        case 'b': sb.append('\b'); break;
        case 'f': sb.append('\f'); break;
        case 'n': sb.append('\n'); break;
        case 'r': sb.append('\r'); break;
        case 't': sb.append('\t'); break;
        case 'u':
          if (i + 4 > s.length()) {
            throw error("truncated \\u escape");
          }
          try {
            sb.append((char) Integer.parseInt(s.substring(i, i + 4), 16));
          } catch (NumberFormatException ex) {
            throw error("bad \\u escape");
          }
          i += 4;
          break;
        default:
          throw error("bad escape '\\" + e + "'");
      }
    }
  }

  private BigDecimal number() {
    int start = i;
    if (peek() == '-') {
      i++;
    }
    digits();
    if (i < s.length() && s.charAt(i) == '.') {
      i++;
      digits();
    }
    if (i < s.length() && (s.charAt(i) == 'e' || s.charAt(i) == 'E')) {
      i++;
      if (i < s.length() && (s.charAt(i) == '+' || s.charAt(i) == '-')) {
        i++;
      }
      digits();
    }
    return new BigDecimal(s.substring(start, i));
  }

  private void digits() {
    int start = i;
    while (i < s.length() && s.charAt(i) >= '0' && s.charAt(i) <= '9') {
      i++;
    }
    if (i == start) {
      throw error("expected a digit");
    }
  }

  private Object literal(String word, Object v) {
    if (!s.startsWith(word, i)) {
      throw error("expected '" + word + "'");
    }
    i += word.length();
    return v;
  }

  private void skipWs() {
    while (i < s.length()) {
      char c = s.charAt(i);
      if (c != ' ' && c != '\t' && c != '\n' && c != '\r') {
        return;
      }
      i++;
    }
  }

  private char peek() {
    if (i >= s.length()) {
      throw error("unexpected end of text");
    }
    return s.charAt(i);
  }

  private char next() {
    char c = peek();
    i++;
    return c;
  }

  private void expect(char c) {
    if (next() != c) {
      i--;
      throw error("expected '" + c + "'");
    }
  }

  private JsonException error(String what) {
    return new JsonException("malformed JSON at offset " + i + ": " + what);
  }

  // ---- writer ----

  private static void write(StringBuilder sb, Object v, int indent, int level) {
    if (v == null) {
      sb.append("null");
    } else if (v instanceof String) {
      quote(sb, (String) v);
    } else if (v instanceof Boolean) {
      sb.append(v);
    } else if (v instanceof Double || v instanceof Float) {
      double d = ((Number) v).doubleValue();
      if (Double.isNaN(d) || Double.isInfinite(d)) {
        throw new JsonException("JSON has no NaN or infinity");
      }
      sb.append(d == Math.rint(d) && Math.abs(d) < 1e15 ? Long.toString((long) d) : Double.toString(d));
    } else if (v instanceof BigDecimal) {
      sb.append(((BigDecimal) v).toString());
    } else if (v instanceof Number || v instanceof BigInteger) {
      sb.append(v);
    } else if (v instanceof Map) {
      Map<?, ?> m = (Map<?, ?>) v;
      sb.append('{');
      boolean first = true;
      for (Map.Entry<?, ?> e : m.entrySet()) {
        if (!first) {
          sb.append(',');
        }
        first = false;
        newline(sb, indent, level + 1);
        quote(sb, String.valueOf(e.getKey()));
        sb.append(indent >= 0 ? ": " : ":");
        write(sb, e.getValue(), indent, level + 1);
      }
      if (!m.isEmpty()) {
        newline(sb, indent, level);
      }
      sb.append('}');
    } else if (v instanceof Iterable) {
      sb.append('[');
      boolean first = true;
      boolean scalars = true;
      for (Object o : (Iterable<?>) v) {
        scalars &= !(o instanceof Map || o instanceof Iterable);
      }
      for (Object o : (Iterable<?>) v) {
        if (!first) {
          sb.append(scalars && indent >= 0 ? ", " : ",");
        }
        if (!scalars) {
          newline(sb, indent, level + 1);
        }
        first = false;
        write(sb, o, indent, level + 1);
      }
      if (!first && !scalars) {
        newline(sb, indent, level);
      }
      sb.append(']');
    } else if (v instanceof double[]) {
      List<Object> l = new ArrayList<>();
      for (double d : (double[]) v) {
        l.add(d);
      }
      write(sb, l, indent, level);
    } else if (v instanceof long[]) {
      List<Object> l = new ArrayList<>();
      for (long d : (long[]) v) {
        l.add(d);
      }
      write(sb, l, indent, level);
    } else if (v instanceof int[]) {
      List<Object> l = new ArrayList<>();
      for (int d : (int[]) v) {
        l.add(d);
      }
      write(sb, l, indent, level);
    } else {
      throw new JsonException("cannot write " + v.getClass().getName() + " as JSON");
    }
  }

  private static void newline(StringBuilder sb, int indent, int level) {
    if (indent >= 0) {
      sb.append('\n');
      sb.append(" ".repeat(indent * level));
    }
  }

  private static void quote(StringBuilder sb, String str) {
    sb.append('"');
    for (int k = 0; k < str.length(); k++) {
      char c = str.charAt(k);
      switch (c) {
        case '"': sb.append("\\\""); break;
        case '\\': sb.append("\\\\"); break;
        case '\n': sb.append("\\n"); break;
        case '\r': sb.append("\\r"); break;
        case '\t': sb.append("\\t"); break;
        default:
          if (c < 0x20) {
            sb.append(String.format("\\u%04x", (int) c));
          } else {
            sb.append(c);
          }
      }
    }
    sb.append('"');
  }
}
