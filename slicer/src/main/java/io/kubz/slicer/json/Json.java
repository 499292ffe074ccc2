package io.kubz.slicer.json;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import java.io.IOException;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/**
 * Reads and writes JSON (RFC 8259) with one shared, bounded Jackson factory.
 *
 * <p>Reading gives {@code Map<String,Object>} (insertion ordered), {@code List<Object>},
 * {@code String}, {@code BigDecimal} (numbers keep every digit), {@code Boolean} or {@code null}.
 * Writing accepts those plus any {@code Number} and arrays of {@code double}/{@code long}/{@code
 * int} (records are not supported: build a map). Malformed text, text beyond the limits below and
 * values of the wrong type raise {@link JsonException}; malformed text names the offset.
 */
public final class Json {
  /** Deepest nesting accepted; the deepest real document (nested input lists) needs about 8. */
  public static final int MAX_DEPTH = 64;
  /** Longest number in characters; a BN254 element has 77 digits. */
  public static final int MAX_NUMBER_CHARS = 1000;
  /** Longest string value in characters (plans and settings are far smaller). */
  public static final int MAX_STRING_CHARS = 16 << 20;
  /** Longest key in characters. */
  public static final int MAX_NAME_CHARS = 64 << 10;
  /** Longest document in characters: some 10 million input numbers. */
  public static final long MAX_DOCUMENT_CHARS = 256L << 20;

  private static final JsonFactory FACTORY = factory(StreamReadConstraints.builder()
      .maxNestingDepth(MAX_DEPTH)
      .maxNumberLength(MAX_NUMBER_CHARS)
      .maxStringLength(MAX_STRING_CHARS)
      .maxNameLength(MAX_NAME_CHARS)
      .maxDocumentLength(MAX_DOCUMENT_CHARS)
      .build());

  private Json() {}

  /** The factory with the given read bounds and the strict features every reader here uses. */
  static JsonFactory factory(StreamReadConstraints limits) {
    return JsonFactory.builder()
        .streamReadConstraints(limits)
        .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
        .enable(StreamReadFeature.USE_FAST_DOUBLE_PARSER)
        .enable(StreamReadFeature.USE_FAST_BIG_NUMBER_PARSER)
        .disable(StreamReadFeature.INCLUDE_SOURCE_IN_LOCATION)
        .build();
  }

  /** Parses one JSON value; trailing non-blank text is an error. */
  public static Object parse(String text) {
    return parse(FACTORY, text);
  }

  static Object parse(JsonFactory f, String text) {
    try (JsonParser p = f.createParser(text)) {
      try {
        if (p.nextToken() == null) {
          throw new JsonException("malformed JSON at offset 0: no value (the text is empty)");
        }
        Object v = JsonTree.read(p);
        if (p.nextToken() != null) {
          throw new JsonException("malformed JSON at offset " + offset(p)
              + ": unexpected text after the value");
        }
        return v;
      } catch (IOException e) {
        throw malformed(p, e);
      }
    } catch (IOException e) {
      throw new JsonException("cannot read JSON: " + e.getMessage());
    }
  }

  /**
   * A bounded parser over {@code text}, for readers that stream large documents (numeric arrays
   * straight into {@code double[]}); map its {@code IOException}s with {@link #malformed}.
   */
  public static JsonParser parser(String text) {
    try {
      return FACTORY.createParser(text);
    } catch (IOException e) {
      throw new JsonException("cannot read JSON: " + e.getMessage());
    }
  }

  /** The value at {@code p}'s current token as a tree (see the class comment), leaving p on its last token. */
  public static Object readValue(JsonParser p) throws IOException {
    return JsonTree.read(p);
  }

  /** The {@link JsonException} for a failure of {@code p}: where, what, and for a limit, which. */
  public static JsonException malformed(JsonParser p, IOException e) {
    String what = e instanceof JacksonException ? ((JacksonException) e).getOriginalMessage() : e.getMessage();
    if (e instanceof StreamConstraintsException) {
      return new JsonException("JSON beyond kubz's limits at offset " + offset(p) + ": " + what
          + " (kubz reads at most " + MAX_DEPTH + " levels of nesting, numbers of "
          + MAX_NUMBER_CHARS + " characters and strings of " + MAX_STRING_CHARS
          + " characters; check that this is the intended file)");
    }
    return new JsonException("malformed JSON at offset " + offset(p) + ": " + what);
  }

  private static long offset(JsonParser p) {
    return Math.max(0, p.currentLocation().getCharOffset());
  }

  /** Writes a value compactly. */
  public static String write(Object value) {
    return JsonWrite.write(value, false);
  }

  /** Writes a value with two-space indentation (lists of scalars on one line) and a final newline. */
  public static String writePretty(Object value) {
    return JsonWrite.write(value, true) + "\n";
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
}
