package io.kubz.slicer.input;

import io.kubz.field.BadInputException;
import io.kubz.slicer.ir.Graph;
import io.kubz.slicer.ir.Shapes;
import io.kubz.slicer.ir.Tensor;
import io.kubz.slicer.ir.ValueInfo;
import io.kubz.slicer.json.Json;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * Model inputs from JSON, checked against the graph: count, number of values, shape and
 * finiteness. Two forms are read:
 *
 * <ul>
 *   <li>ezkl's input.json: {@code {"input_data": [[…], …], "input_shapes": [[…], …]}} with one
 *       list per model input (flat or nested); {@code input_shapes} is optional and may omit the
 *       batch dimension (ezkl's files sometimes list more shapes than inputs: the extra ones are
 *       ignored, as are trailing empty lists in {@code input_data} and other keys such as
 *       {@code output_data});
 *   <li>a plain JSON array: the values of the only input (flat or nested), or, for a model with
 *       several inputs, one array per input.
 * </ul>
 *
 * Booleans read as 1 and 0. Values are converted to each input's element type.
 */
public final class InputData {
  private InputData() {}

  /** Reads a file. */
  public static List<Tensor> read(Path file, Graph g) {
    String text;
    try {
      text = Files.readString(file);
    } catch (IOException e) {
      throw new BadInputException("cannot read the input " + file + ": " + e.getMessage()
          + " (check the path)", e);
    }
    return parse(text, g, file.getFileName().toString());
  }

  /** Parses JSON text; {@code what} names the source in errors. */
  public static List<Tensor> parse(String json, Graph g, String what) {
    Object root = Json.parse(json);
    List<ValueInfo> ins = g.inputs();
    List<Object> perInput;
    List<Object> shapes = null;
    if (root instanceof Map) {
      Map<String, Object> m = Json.asObject(root, what);
      if (!m.containsKey("input_data")) {
        throw new BadInputException(what + " has no \"input_data\": give {\"input_data\": [[…]]} "
            + "(ezkl's format) or a plain array of numbers");
      }
      perInput = Json.asArray(m.get("input_data"), what + " input_data");
      if (m.get("input_shapes") != null) {
        shapes = Json.asArray(m.get("input_shapes"), what + " input_shapes");
      }
    } else if (root instanceof List) {
      List<Object> l = Json.asArray(root, what);
      perInput = ins.size() == 1 ? List.of(l) : l;
    } else {
      throw new BadInputException(what + " must be a JSON object with \"input_data\" or an array");
    }
    // ezkl writes [[]] for a model without inputs: trailing empty lists stand for nothing.
    while (perInput.size() > ins.size() && isEmptyList(perInput.get(perInput.size() - 1))) {
      perInput = perInput.subList(0, perInput.size() - 1);
    }
    if (perInput.size() != ins.size()) {
      throw new BadInputException(what + " gives " + perInput.size() + " input(s), the model has "
          + ins.size() + " (" + names(ins) + ")");
    }
    if (shapes != null && shapes.size() < ins.size()) {
      throw new BadInputException(what + " gives " + shapes.size() + " input shape(s), the model "
          + "has " + ins.size() + " input(s)");
    }
    List<Tensor> out = new ArrayList<>();
    for (int i = 0; i < ins.size(); i++) {
      ValueInfo v = ins.get(i);
      String name = "input '" + v.name() + "'";
      if (shapes != null) {
        checkShape(v, toInts(Json.asArray(shapes.get(i), what + " input_shapes"), name), what);
      }
      List<Double> flat = new ArrayList<>();
      flatten(perInput.get(i), flat, name, 0);
      if (flat.size() != v.size()) {
        throw new BadInputException(what + ": " + name + " needs " + v.size() + " values (shape "
            + Shapes.str(v.shape()) + "), got " + flat.size());
      }
      double[] d = new double[flat.size()];
      for (int k = 0; k < d.length; k++) {
        double x = flat.get(k);
        if (!Double.isFinite(x)) {
          throw new BadInputException(what + ": " + name + " value #" + k + " is " + x
              + "; inputs must be finite numbers");
        }
        d[k] = v.dtype().convert(x);
      }
      out.add(Tensor.of(v.dtype(), v.shape(), d));
    }
    return out;
  }

  /**
   * Writes inputs in ezkl's input.json form ({@code input_data} flat per input, {@code
   * input_shapes} in full), which {@link #parse} reads back exactly (values as shortest doubles).
   */
  public static String toJson(List<Tensor> inputs) {
    List<Object> data = new ArrayList<>();
    List<Object> shapes = new ArrayList<>();
    for (Tensor t : inputs) {
      List<Object> d = new ArrayList<>();
      for (double v : t.data()) {
        d.add(t.dtype().isFloating() ? (Object) v : (Object) (long) v);
      }
      data.add(d);
      List<Object> s = new ArrayList<>();
      for (int x : t.shape()) {
        s.add(x);
      }
      shapes.add(s);
    }
    Map<String, Object> m = new java.util.LinkedHashMap<>();
    m.put("input_data", data);
    m.put("input_shapes", shapes);
    return Json.writePretty(m);
  }

  /** A declared shape must equal the model's, possibly without the leading batch axis. */
  private static void checkShape(ValueInfo v, int[] given, String what) {
    int[] s = v.shape();
    boolean same = Arrays.equals(given, s);
    boolean noBatch = s.length == given.length + 1 && s[0] == 1
        && Arrays.equals(given, Arrays.copyOfRange(s, 1, s.length));
    if (!same && !noBatch) {
      throw new BadInputException(what + ": input_shapes gives " + Shapes.str(given) + " for input '"
          + v.name() + "', the model expects " + Shapes.str(s));
    }
  }

  private static void flatten(Object o, List<Double> out, String name, int depth) {
    if (depth > 32) {
      throw new BadInputException(name + " is nested too deeply");
    }
    if (o instanceof List) {
      for (Object e : (List<?>) o) {
        flatten(e, out, name, depth + 1);
      }
    } else if (o instanceof BigDecimal) {
      out.add(((BigDecimal) o).doubleValue());
    } else if (o instanceof Boolean) {
      out.add((Boolean) o ? 1.0 : 0.0);
    } else if (o instanceof String && nonFinite((String) o) != null) {
      // Python's json module writes NaN/Infinity; some tools quote them. Read them to reject them.
      out.add(nonFinite((String) o));
    } else {
      throw new BadInputException(name + " holds " + (o == null ? "null" : "\"" + o + "\"")
          + ", which is not a number");
    }
  }

  /** NaN or ±∞ for the usual spellings ("NaN", "inf", "-Infinity"), else null. */
  private static Double nonFinite(String s) {
    String t = s.trim().toLowerCase();
    boolean neg = t.startsWith("-");
    t = t.replaceFirst("^[+-]", "");
    if (t.equals("nan")) {
      return Double.NaN;
    }
    if (t.equals("inf") || t.equals("infinity")) {
      return neg ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY;
    }
    return null;
  }

  private static boolean isEmptyList(Object o) {
    return o instanceof List && ((List<?>) o).isEmpty();
  }

  private static int[] toInts(List<Object> l, String what) {
    int[] r = new int[l.size()];
    for (int k = 0; k < r.length; k++) {
      r[k] = Json.asInt(l.get(k), what);
    }
    return r;
  }

  private static String names(List<ValueInfo> ins) {
    List<String> n = new ArrayList<>();
    for (ValueInfo v : ins) {
      n.add(v.name() + " " + Shapes.str(v.shape()));
    }
    return String.join(", ", n);
  }
}
