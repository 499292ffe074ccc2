package io.kubz.slicer.json;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.PrettyPrinter;
import com.fasterxml.jackson.core.SerializableString;
import com.fasterxml.jackson.core.io.CharacterEscapes;
import com.fasterxml.jackson.core.json.JsonWriteFeature;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.List;
import java.util.Map;

/**
 * Writes plain-Java values through a Jackson generator, in the layout kubz has always written
 * (plans and settings are embedded in bundles as text, so the text stays stable): compact, or two
 * spaces per level with {@code ": "} after keys and lists of scalars kept on one line as
 * {@code [1, 2, 3]}. Integral doubles below 10^15 are written without a fraction, other doubles as
 * {@link Double#toString}; control characters other than \n, \r, \t are written as lower-case
 * {@code \}{@code u00xx}.
 */
final class JsonWrite {
  private static final JsonFactory FACTORY = JsonFactory.builder()
      .disable(JsonWriteFeature.WRITE_HEX_UPPER_CASE)
      .disable(JsonWriteFeature.ESCAPE_FORWARD_SLASHES)
      .build();

  private static final CharacterEscapes ESCAPES = new CharacterEscapes() {
    private static final long serialVersionUID = 1L;
    private final int[] ascii = escapes();

    @Override
    public int[] getEscapeCodesForAscii() {
      return ascii;
    }

    @Override
    public SerializableString getEscapeSequence(int ch) {
      return null;
    }
  };

  private JsonWrite() {}

  /** Jackson's standard escapes, but \b and \f as \u0008 and \u000c. */
  private static int[] escapes() {
    int[] e = CharacterEscapes.standardAsciiEscapesForJSON();
    e['\b'] = CharacterEscapes.ESCAPE_STANDARD;
    e['\f'] = CharacterEscapes.ESCAPE_STANDARD;
    return e;
  }

  static String write(Object value, boolean pretty) {
    StringWriter out = new StringWriter();
    Layout layout = new Layout(pretty);
    try (JsonGenerator g = FACTORY.createGenerator(out)) {
      g.setCharacterEscapes(ESCAPES);
      g.setPrettyPrinter(layout);
      value(g, layout, value);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toString();
  }

  private static void value(JsonGenerator g, Layout layout, Object v) throws IOException {
    if (v == null) {
      g.writeNull();
    } else if (v instanceof String) {
      g.writeString((String) v);
    } else if (v instanceof Boolean) {
      g.writeBoolean((Boolean) v);
    } else if (v instanceof Double || v instanceof Float) {
      double d = ((Number) v).doubleValue();
      if (!Double.isFinite(d)) {
        throw new JsonException("JSON has no NaN or infinity");
      }
      g.writeNumber(d == Math.rint(d) && Math.abs(d) < 1e15 ? Long.toString((long) d) : Double.toString(d));
    } else if (v instanceof BigDecimal || v instanceof Number || v instanceof BigInteger) {
      g.writeNumber(v.toString());
    } else if (v instanceof Map) {
      g.writeStartObject();
      for (Map.Entry<?, ?> e : ((Map<?, ?>) v).entrySet()) {
        g.writeFieldName(String.valueOf(e.getKey()));
        value(g, layout, e.getValue());
      }
      g.writeEndObject();
    } else if (v instanceof Iterable) {
      boolean scalars = true;
      for (Object o : (Iterable<?>) v) {
        scalars &= !(o instanceof Map || o instanceof Iterable);
      }
      layout.nextArray(scalars);
      g.writeStartArray();
      for (Object o : (Iterable<?>) v) {
        value(g, layout, o);
      }
      g.writeEndArray();
    } else if (v instanceof double[]) {
      List<Object> l = new ArrayList<>();
      for (double d : (double[]) v) {
        l.add(d);
      }
      value(g, layout, l);
    } else if (v instanceof long[]) {
      value(g, layout, Arrays.asList(Arrays.stream((long[]) v).boxed().toArray()));
    } else if (v instanceof int[]) {
      value(g, layout, Arrays.asList(Arrays.stream((int[]) v).boxed().toArray()));
    } else {
      throw new JsonException("cannot write " + v.getClass().getName() + " as JSON");
    }
  }

  /** The whitespace between tokens; knows whether each open array holds only scalars. */
  private static final class Layout implements PrettyPrinter {
    private final boolean pretty;
    private final Deque<Boolean> scalarArrays = new ArrayDeque<>();
    private boolean nextScalars;
    private int level;

    Layout(boolean pretty) {
      this.pretty = pretty;
    }

    void nextArray(boolean scalars) {
      nextScalars = scalars;
    }

    private void newline(JsonGenerator g) throws IOException {
      if (pretty) {
        g.writeRaw('\n');
        g.writeRaw(" ".repeat(2 * level));
      }
    }

    @Override
    public void writeRootValueSeparator(JsonGenerator g) {}

    @Override
    public void writeStartObject(JsonGenerator g) throws IOException {
      g.writeRaw('{');
      level++;
    }

    @Override
    public void beforeObjectEntries(JsonGenerator g) throws IOException {
      newline(g);
    }

    @Override
    public void writeObjectFieldValueSeparator(JsonGenerator g) throws IOException {
      g.writeRaw(pretty ? ": " : ":");
    }

    @Override
    public void writeObjectEntrySeparator(JsonGenerator g) throws IOException {
      g.writeRaw(',');
      newline(g);
    }

    @Override
    public void writeEndObject(JsonGenerator g, int entries) throws IOException {
      level--;
      if (entries > 0) {
        newline(g);
      }
      g.writeRaw('}');
    }

    @Override
    public void writeStartArray(JsonGenerator g) throws IOException {
      g.writeRaw('[');
      scalarArrays.push(nextScalars);
      level++;
    }

    @Override
    public void beforeArrayValues(JsonGenerator g) throws IOException {
      if (!scalarArrays.peek()) {
        newline(g);
      }
    }

    @Override
    public void writeArrayValueSeparator(JsonGenerator g) throws IOException {
      if (scalarArrays.peek()) {
        g.writeRaw(pretty ? ", " : ",");
      } else {
        g.writeRaw(',');
        newline(g);
      }
    }

    @Override
    public void writeEndArray(JsonGenerator g, int values) throws IOException {
      level--;
      if (!scalarArrays.pop() && values > 0) {
        newline(g);
      }
      g.writeRaw(']');
    }
  }
}
