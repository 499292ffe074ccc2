package io.kubz.slicer.input;

import io.kubz.field.BadInputException;
import io.kubz.slicer.ir.Graph;
import io.kubz.slicer.ir.Shapes;
import io.kubz.slicer.ir.Tensor;
import io.kubz.slicer.ir.ValueInfo;
import io.kubz.slicer.json.Json;
import io.kubz.slicer.json.JsonException;
import java.io.IOException;
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
 *       {@code output_data}; when it lists more arrays than the model has inputs and the inputs are
 *       named by position, {@code input2, input3}, as torch's exporter names the arguments it keeps
 *       after dropping unused ones, each input reads the array of its position and a warning names
 *       the arrays dropped);
 *   <li>a plain JSON array: the values of the only input (flat or nested), or, for a model with
 *       several inputs, one array per input.
 * </ul>
 *
 * Booleans read as 1 and 0. Values are converted to each input's element type. The text is read
 * in one bounded streaming pass ({@link InputText}): numbers go straight into {@code double[]},
 * correctly rounded from their decimal text.
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

  /** Parses JSON text; {@code what} names the source in errors; warnings go to standard error. */
  public static List<Tensor> parse(String json, Graph g, String what) {
    return parse(json, g, what, w -> System.err.println("kubz: warning: " + w));
  }

  /**
   * Parses JSON text; {@code what} names the source in errors, {@code warnings} receives what was
   * accepted but dropped (arrays of inputs the exporter removed, see {@link #positions}).
   */
  public static List<Tensor> parse(String json, Graph g, String what, java.util.function.Consumer<String> warnings) {
    List<ValueInfo> ins = g.inputs();
    // A plain array is the only input's values when the model has one input.
    InputText.Parsed root = InputText.read(json, ins.size() == 1);
    List<InputText.Entry> perInput;
    List<Object> shapes = null;
    if (root.root() == InputText.Root.OBJECT) {
      if (!root.hasData()) {
        throw new BadInputException(what + " has no \"input_data\": give {\"input_data\": [[…]]} "
            + "(ezkl's format) or a plain array of numbers");
      }
      if (root.entries() == null) {
        throw new JsonException(what + " input_data must be a JSON array");
      }
      perInput = root.entries();
      if (root.shapes() != null) {
        shapes = Json.asArray(root.shapes(), what + " input_shapes");
      }
    } else if (root.root() == InputText.Root.ARRAY) {
      perInput = root.entries();
    } else {
      throw new BadInputException(what + " must be a JSON object with \"input_data\" or an array");
    }
    // ezkl writes [[]] for a model without inputs: trailing empty lists stand for nothing.
    while (perInput.size() > ins.size() && perInput.get(perInput.size() - 1).emptyList()) {
      perInput = perInput.subList(0, perInput.size() - 1);
    }
    int[] at = new int[ins.size()];
    Arrays.setAll(at, i -> i);
    if (perInput.size() > ins.size() && positions(ins, perInput.size()) != null) {
      at = positions(ins, perInput.size());
      List<Integer> dropped = new ArrayList<>();
      for (int i = 0, j = 0; i < perInput.size(); i++) {
        if (j < at.length && at[j] == i) {
          j++;
        } else {
          dropped.add(i);
        }
      }
      warnings.accept(what + " gives " + perInput.size() + " input arrays, the model has " + ins.size() + " ("
          + names(ins) + "): reading arrays " + Arrays.toString(at) + " by the inputs' positional names and"
          + " dropping arrays " + dropped + " (inputs the exporter removed because the model does not use them)");
    } else if (perInput.size() != ins.size()) {
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
        Object shape = shapes.get(at[i] < shapes.size() ? at[i] : i);
        checkShape(v, toInts(Json.asArray(shape, what + " input_shapes"), name), what);
      }
      InputText.Entry e = perInput.get(at[i]);
      if (e.problem() != null) {
        throw new BadInputException(e.problem().equals(InputText.TOO_DEEP)
            ? name + " is nested too deeply"
            : name + " holds " + e.problem() + ", which is not a number");
      }
      if (e.count() != v.size()) {
        throw new BadInputException(what + ": " + name + " needs " + v.size() + " values (shape "
            + Shapes.str(v.shape()) + "), got " + e.count());
      }
      double[] d = new double[e.count()];
      for (int k = 0; k < d.length; k++) {
        double x = e.values()[k];
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

  /** NaN or ±∞ for the usual spellings ("NaN", "inf", "-Infinity"), else null. */
  static Double nonFinite(String s) {
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

  private static int[] toInts(List<Object> l, String what) {
    int[] r = new int[l.size()];
    for (int k = 0; k < r.length; k++) {
      r[k] = Json.asInt(l.get(k), what);
    }
    return r;
  }

  /**
   * The array of {@code input_data} each model input reads when the file lists more arrays than the
   * model has inputs, or null when the inputs' names do not say. ezkl's files hold one array per
   * argument of the exported function, and torch's exporter drops the arguments the model does not
   * use but names the others after their position: {@code input}, {@code input1}, {@code input2}, …
   * (ezkl's bitwise_ops: inputs input2 and input3 of four arrays). The names must share one stem,
   * their positions increase and fall inside the file, and skip one (inputs 0 … n − 1 of more
   * arrays are more likely a wrong file than inputs the exporter dropped).
   */
  static int[] positions(List<ValueInfo> ins, int arrays) {
    int[] at = new int[ins.size()];
    String stem = null;
    int last = -1;
    for (int i = 0; i < at.length; i++) {
      java.util.regex.Matcher m = java.util.regex.Pattern.compile("(.*?)(\\d{0,6})").matcher(ins.get(i).name());
      if (!m.matches() || m.group(1).isEmpty() || (stem != null && !stem.equals(m.group(1)))) {
        return null;
      }
      stem = m.group(1);
      at[i] = m.group(2).isEmpty() ? 0 : Integer.parseInt(m.group(2));
      if (at[i] <= last || at[i] >= arrays) {
        return null;
      }
      last = at[i];
    }
    // positions 0 … n − 1 drop only trailing arrays: nothing says the exporter removed those inputs
    return last == at.length - 1 ? null : at;
  }

  private static String names(List<ValueInfo> ins) {
    List<String> n = new ArrayList<>();
    for (ValueInfo v : ins) {
      n.add(v.name() + " " + Shapes.str(v.shape()));
    }
    return String.join(", ", n);
  }
}
