package io.kubz.slicer.input;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import io.kubz.slicer.json.Json;
import io.kubz.slicer.json.JsonException;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * One streaming pass over an input.json: each per-input list of {@code input_data} (or of a plain
 * array) goes straight into a {@code double[]} without a tree of boxed numbers, everything else the
 * reader needs ({@code input_shapes}) is kept as a small tree, other keys are skipped. Nothing is
 * judged here beyond well-formedness and the parser's limits: {@link InputData} checks the result,
 * in the order it always did.
 */
final class InputText {
  /** How deep one input's values may nest (the batch axis and a few more). */
  static final int MAX_VALUE_DEPTH = 32;
  /** The problem of values nested deeper than that (quoted strings cannot be equal to it). */
  static final String TOO_DEEP = "nested too deeply";

  /** The root was an object, an array or anything else. */
  enum Root { OBJECT, ARRAY, OTHER }

  /**
   * One input's values, flattened in document order; {@code problem} is the first value that is
   * not a number (as the error should show it) or {@link #TOO_DEEP}; {@code emptyList} for
   * {@code []}.
   */
  record Entry(double[] values, int count, String problem, boolean emptyList) {}

  /**
   * What the document holds. For an object: {@code hasData} tells whether {@code input_data} is
   * present; when it is an array, {@code entries} holds one entry per element, else {@code data}
   * is its value as a tree. {@code shapes} is {@code input_shapes} as a tree (or null). For an
   * array: {@code entries} holds one entry per element, or a single entry for the whole array
   * when {@code wholeArray}.
   */
  record Parsed(Root root, boolean hasData, Object data, List<Entry> entries, Object shapes) {}

  private InputText() {}

  /** Reads {@code json}; a plain array is one input's values when {@code wholeArray}. */
  static Parsed read(String json, boolean wholeArray) {
    try (JsonParser p = Json.parser(json)) {
      try {
        JsonToken t = p.nextToken();
        if (t == null) {
          throw new JsonException("malformed JSON at offset 0: no value (the text is empty)");
        }
        Parsed r;
        if (t == JsonToken.START_OBJECT) {
          r = object(p);
        } else if (t == JsonToken.START_ARRAY) {
          r = new Parsed(Root.ARRAY, false, null, wholeArray ? List.of(entry(p)) : entries(p), null);
        } else {
          Json.readValue(p);
          r = new Parsed(Root.OTHER, false, null, List.of(), null);
        }
        if (p.nextToken() != null) {
          throw new JsonException("malformed JSON at offset " + p.currentLocation().getCharOffset()
              + ": unexpected text after the value");
        }
        return r;
      } catch (IOException e) {
        throw Json.malformed(p, e);
      }
    } catch (IOException e) {
      throw new JsonException("cannot read JSON: " + e.getMessage());
    }
  }

  private static Parsed object(JsonParser p) throws IOException {
    boolean hasData = false;
    Object data = null;
    List<Entry> entries = null;
    Object shapes = null;
    for (String k = p.nextFieldName(); k != null; k = p.nextFieldName()) {
      JsonToken t = p.nextToken();
      if (k.equals("input_data")) {
        hasData = true;
        if (t == JsonToken.START_ARRAY) {
          entries = entries(p);
        } else {
          data = Json.readValue(p);
        }
      } else if (k.equals("input_shapes")) {
        shapes = Json.readValue(p);
      } else {
        p.skipChildren();
      }
    }
    return new Parsed(Root.OBJECT, hasData, data, entries, shapes);
  }

  /** One entry per element of the array at the current token. */
  private static List<Entry> entries(JsonParser p) throws IOException {
    List<Entry> out = new ArrayList<>();
    while (p.nextToken() != JsonToken.END_ARRAY) {
      out.add(entry(p));
    }
    return out;
  }

  /** The value at the current token, flattened. */
  private static Entry entry(JsonParser p) throws IOException {
    Flat f = new Flat();
    boolean empty = false;
    if (p.currentToken() != JsonToken.START_ARRAY) {
      f.value(p, 0);
    } else if (p.nextToken() == JsonToken.END_ARRAY) {
      empty = true;
    } else {
      f.array(p, 0);
    }
    return new Entry(f.values, f.count, f.problem, empty);
  }

  /** A growing double[] and the first problem met. */
  private static final class Flat {
    double[] values = new double[64];
    int count;
    String problem;

    /** The rest of an array whose first element is the current token, at {@code depth}. */
    void array(JsonParser p, int depth) throws IOException {
      for (JsonToken t = p.currentToken(); t != JsonToken.END_ARRAY; t = p.nextToken()) {
        value(p, depth + 1);
      }
    }

    void value(JsonParser p, int depth) throws IOException {
      JsonToken t = p.currentToken();
      if (depth > MAX_VALUE_DEPTH) {
        note(TOO_DEEP);
        p.skipChildren();
        return;
      }
      switch (t) {
        case VALUE_NUMBER_FLOAT:
        case VALUE_NUMBER_INT:
          // + 0.0 turns -0.0 into 0.0, as BigDecimal's doubleValue did.
          add(p.getDoubleValue() + 0.0);
          break;
        case VALUE_TRUE:
          add(1);
          break;
        case VALUE_FALSE:
          add(0);
          break;
        case START_ARRAY:
          if (p.nextToken() != JsonToken.END_ARRAY) {
            array(p, depth);
          }
          break;
        case VALUE_STRING:
          Double d = InputData.nonFinite(p.getText());
          if (d != null) {
            add(d);
          } else {
            note("\"" + p.getText() + "\"");
          }
          break;
        case VALUE_NULL:
          note("null");
          break;
        default:
          note("\"" + Json.readValue(p) + "\"");
      }
    }

    private void add(double x) {
      if (count == values.length) {
        values = Arrays.copyOf(values, 2 * count);
      }
      values[count++] = x;
    }

    private void note(String what) {
      if (problem == null) {
        problem = what;
      }
    }
  }
}
