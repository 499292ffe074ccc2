package io.kubz.slicer.quant;

import io.kubz.field.BadInputException;
import io.kubz.lookup.table.Activation;
import io.kubz.lookup.table.FixedPoint;
import io.kubz.lookup.table.FunctionTable;
import io.kubz.lookup.table.TableSpec;
import io.kubz.slicer.ir.Graph;
import io.kubz.slicer.ir.Node;
import io.kubz.slicer.ir.Op;
import io.kubz.slicer.ir.Tensor;
import io.kubz.slicer.ir.UnaryKind;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A graph in integers: every node with its scales, rescale shift, table and quantized constants
 * ({@link QNode}), and the re-indexing map of every layout node. This is what circuits are compiled
 * from and what {@link IntegerInterpreter} runs; the float graph is kept for the accuracy report.
 */
public final class QuantizedGraph {
  /** Table width used for a node the plan does not mention (calibration normally sets every one). */
  public static final int DEFAULT_TABLE_BITS = 16;

  private final Graph graph;
  private final QuantPlan plan;
  private final Map<String, QNode> nodes;
  private final Map<String, IndexMap> indexMaps;

  private QuantizedGraph(Graph graph, QuantPlan plan, Map<String, QNode> nodes, Map<String, IndexMap> maps) {
    this.graph = graph;
    this.plan = plan;
    this.nodes = Collections.unmodifiableMap(nodes);
    this.indexMaps = Collections.unmodifiableMap(maps);
  }

  public Graph graph() {
    return graph;
  }

  public QuantPlan plan() {
    return plan;
  }

  /** Nodes in topological order. */
  public List<QNode> nodes() {
    return List.copyOf(nodes.values());
  }

  public QNode node(String name) {
    QNode q = nodes.get(name);
    if (q == null) {
      throw new IllegalArgumentException("no node named " + name);
    }
    return q;
  }

  /** The re-indexing map of a layout node (Reshape, Transpose, Concat, Slice, Gather, Pad). */
  public IndexMap indexMap(String node) {
    IndexMap m = indexMaps.get(node);
    if (m == null) {
      throw new IllegalArgumentException(node + " is not a layout node");
    }
    return m;
  }

  /** Scale of every activation tensor (graph inputs, node outputs). */
  public int activationScale() {
    return plan.activationScale();
  }

  /** round(x·2^s) of each input value. */
  public long[] quantizeInput(Tensor t) {
    double[] d = t.data();
    long[] q = new long[d.length];
    for (int i = 0; i < d.length; i++) {
      q[i] = FixedPoint.toFixed(d[i], plan.activationScale());
    }
    return q;
  }

  /** The real values of an activation tensor. */
  public Tensor dequantize(long[] v, int[] shape) {
    double[] d = new double[v.length];
    for (int i = 0; i < v.length; i++) {
      d[i] = FixedPoint.toReal(v[i], plan.activationScale());
    }
    return Tensor.of(shape, d);
  }

  /** The first few values of a constant, for a message. */
  private static String preview(Tensor t) {
    double[] d = t.data();
    StringBuilder b = new StringBuilder("[");
    for (int i = 0; i < Math.min(d.length, 8); i++) {
      b.append(i > 0 ? ", " : "").append(d[i] == Math.rint(d[i]) && Math.abs(d[i]) < 1e15 ? Long.toString((long) d[i])
          : Double.toString(d[i]));
    }
    return b.append(d.length > 8 ? ", … (" + d.length + " values)]" : "]").toString();
  }

  /** Quantizes every node of {@code g} under {@code plan}. */
  public static QuantizedGraph quantize(Graph g, QuantPlan plan) {
    return quantize(g, plan, null);
  }

  /**
   * As {@link #quantize(Graph, QuantPlan)}, but when {@code problems} is not null a node that cannot
   * be quantized is recorded there (node or output name ↦ reason) and kept with a placeholder (its
   * constants at the activation scale, no table), so that the rest of the graph can still be checked
   * ({@code kubz inspect}). Such a graph must not be proved.
   */
  public static QuantizedGraph quantize(Graph g, QuantPlan plan, Map<String, String> problems) {
    for (io.kubz.slicer.ir.ValueInfo v : g.outputs()) {
      // An output folded to a constant at import (arange, eye, …) is computed by no node. Refused
      // rather than proved (issue #17): a circuit could only pin its cells to constants that the
      // verifying key, hence the model the verifier already holds, fixes; such a proof would bind no
      // input and say nothing the model file does not, while a bundle would suggest otherwise.
      if (g.isConstant(v.name()) || (g.producer(v.name()) == null && !isInput(g, v.name()))) {
        String value = g.isConstant(v.name()) ? " " + preview(g.constants().get(v.name())) : "";
        String why = "output '" + v.name() + "' is a constant" + value + " (the model computes it from no"
            + " input, e.g. arange or a folded shape computation): there is nothing to prove, since anyone who"
            + " holds the model can read the value from it; publish the value instead, or export a model whose"
            + " outputs depend on its inputs";
        if (problems == null) {
          throw new BadInputException(why);
        }
        problems.putIfAbsent(v.name(), why);
      }
    }
    Map<String, QNode> nodes = new LinkedHashMap<>();
    Map<String, IndexMap> maps = new LinkedHashMap<>();
    Map<String, Integer> normShift = NormChains.roles(g, plan);
    for (Node n : g.nodes()) {
      try {
        nodes.put(n.name(), quantizeNode(n, g, plan, normShift.getOrDefault(n.name(), 0)));
      } catch (io.kubz.field.KubzException | ArithmeticException | IllegalArgumentException e) {
        if (problems == null) {
          throw e;
        }
        problems.putIfAbsent(n.name(), e.getMessage());
        nodes.put(n.name(), placeholder(n, g, plan));
      }
      if (IndexMap.isLayout(n.op())) {
        maps.put(n.name(), IndexMap.of(n, g));
      }
    }
    return new QuantizedGraph(g, plan, nodes, maps);
  }

  private static QNode placeholder(Node n, Graph g, QuantPlan plan) {
    int k = n.inputs().size();
    int[] sc = new int[k];
    long[][] params = new long[k][];
    Tensor[] c = new Tensor[k];
    for (int i = 0; i < k; i++) {
      sc[i] = plan.activationScale();
      c[i] = g.constants().get(n.inputs().get(i));
    }
    constantsAt(c, params, sc, plan.activationScale());
    return new QNode(n, sc, plan.activationScale(), 0, null, params);
  }

  private static boolean isInput(Graph g, String tensor) {
    return g.inputs().stream().anyMatch(v -> v.name().equals(tensor));
  }

  /** @param ns the shift of the normalisation chain {@code n} belongs to ({@link NormChains}), or 0 */
  private static QNode quantizeNode(Node n, Graph g, QuantPlan plan, int ns) {
    int s = plan.activationScale();
    int p = plan.paramScale();
    int k = n.inputs().size();
    int[] sc = new int[k];
    long[][] params = new long[k][];
    Tensor[] c = new Tensor[k];
    for (int i = 0; i < k; i++) {
      sc[i] = s;
      if (g.isConstant(n.inputs().get(i))) {
        c[i] = g.constants().get(n.inputs().get(i));
      }
    }
    Op op = n.op();
    int shift = 0;
    TableSpec table = null;
    if (op instanceof Op.Gemm) {
      Op.Gemm gm = (Op.Gemm) op;
      double alphaA = c[0] != null ? gm.alpha() : 1;
      double alphaB = c[0] == null && c[1] != null ? gm.alpha() : 1;
      if (c[0] == null && c[1] == null && gm.alpha() != 1) {
        throw unsupported(n, "alpha ≠ 1 with two activation operands");
      }
      quantizeParam(c, params, sc, 0, p, alphaA);
      quantizeParam(c, params, sc, 1, p, alphaB);
      if (k > 2) {
        if (c[2] == null && gm.beta() != 1) {
          throw unsupported(n, "beta ≠ 1 with an activation bias");
        }
        quantizeParam(c, params, sc, 2, c[2] != null ? sc[0] + sc[1] : s, gm.beta());
      }
      shift = sc[0] + sc[1] - s;
    } else if (op instanceof Op.MatMul) {
      quantizeParam(c, params, sc, 0, p, 1);
      quantizeParam(c, params, sc, 1, p, 1);
      shift = sc[0] + sc[1] - s;
    } else if (op instanceof Op.Conv || op instanceof Op.ConvTranspose) {
      if (c[1] == null) {
        throw unsupported(n, "weights that are not constants");
      }
      quantizeParam(c, params, sc, 1, p, 1);
      if (k > 2) {
        quantizeParam(c, params, sc, 2, s + p, 1);
      }
      shift = p;
    } else if (op instanceof Op.Binary) {
      Op.BinaryKind kind = ((Op.Binary) op).kind();
      switch (kind) {
        case ADD:
        case SUB:
          // a normalisation's ε is held as 4^ns·ε, like the shifted variance it is added to
          quantizeParam(c, params, sc, 0, s, Math.scalb(1.0, 2 * ns));
          quantizeParam(c, params, sc, 1, s, Math.scalb(1.0, 2 * ns));
          break;
        case MUL:
          quantizeParam(c, params, sc, 0, p, 1);
          quantizeParam(c, params, sc, 1, p, 1);
          shift = sc[0] + sc[1] - s;
          break;
        case DIV:
          if (c[1] == null) {
            // a / b = a·T(b), T(b) = round(2^t/b) from a table over b's quantized range (at the wider
            // scale t = s + p so that large divisors keep precision), then rescaled by t
            int t = Math.min(40, s + p);
            quantizeParam(c, params, sc, 0, s, 1);
            // dividing by a normalisation's shifted σ' = 2^ns·σ: T(σ') = round(2^(t+ns)/σ') = round(2^t/σ)
            table = new FunctionTable(new Activation.Inverse(), bits(plan, n), s, t + ns);
            shift = t;
            break;
          }
          quantizeParam(c, params, sc, 0, s, 1);
          // 1/c at scale p + ⌈log2 max|c|⌉ (at most 40): round(2^r/c) keeps p significant bits even
          // for a large divisor (at r = p, 1/100 became 3/256, 17 % off, and 1/10000 became 0)
          int r = Math.min(40, p + divisorBits(c[1]));
          params[1] = fixed(reciprocal(c[1], n), r);
          sc[1] = r;
          shift = sc[0] + r - s;
          break;
        case POW: {
          // one side constant (the same value everywhere), the other an activation of the output's shape:
          // x^e or b^x as a table over the activation
          int x = c[0] == null ? 0 : 1;
          if ((c[0] == null) == (c[1] == null)
              || !java.util.Arrays.equals(g.shape(n.inputs().get(x)), g.shape(n.output()))) {
            throw unsupported(n, "a power of two activations, or one that broadcasts its activation,");
          }
          double e = exponent(c[1 - x], n);
          Activation f = x == 0 ? new Activation.Pow(e) : new Activation.Exponential(e);
          // a normalisation's d² is tabulated as (2^ns·d)²: the table reads its input at scale s − ns
          table = new FunctionTable(f, bits(plan, n), s - ns, s);
          quantizeParam(c, params, sc, 1 - x, s, 1);
          break;
        }
        default:
          if (kind.isPredicate() || kind == Op.BinaryKind.MAX || kind == Op.BinaryKind.MIN) {
            constantsAt(c, params, sc, s); // booleans are 0 or 1.0 at the activation scale (LogicKernels)
            break;
          }
          throw unsupported(n, "element-wise " + kind);
      }
    } else if (op instanceof Op.Unary) {
      Op.Unary u = (Op.Unary) op;
      if (u.kind() != UnaryKind.NEG && u.kind() != UnaryKind.ABS && u.kind() != UnaryKind.NOT) {
        table = new FunctionTable(activation(u, n, s), bits(plan, n), s, s);
      }
      constantsAt(c, params, sc, s);
    } else if (op instanceof Op.Softmax) {
      table = new FunctionTable(new Activation.Exp(), bits(plan, n), s, s);
      constantsAt(c, params, sc, s);
    } else if (op instanceof Op.PRelu) {
      quantizeParam(c, params, sc, 1, p, 1);
      shift = p;
    } else if (op instanceof Op.BatchNorm) {
      batchNorm(n, c, params, sc, s, p, ((Op.BatchNorm) op).epsilon());
      shift = p;
    } else if (op instanceof Op.Where) {
      constantsAt(c, params, sc, s);
      saturateFill(c, params, s);
    } else if (op instanceof Op.Cast) {
      if (!((Op.Cast) op).to().isFloating() && !integral(g, n.inputs().get(0))) {
        // ONNX truncates toward zero: a table of trunc(x); a cast of whole values stays the identity
        table = new FunctionTable(new Activation.Trunc(quotientNudge(g, n.inputs().get(0))), bits(plan, n), s, s);
      }
      constantsAt(c, params, sc, s);
    } else {
      constantsAt(c, params, sc, s);
    }
    if (shift < 0) {
      throw unsupported(n, "a product at a lower scale than the activations (param_scale too small)");
    }
    return new QNode(n, sc, s, shift, table, params);
  }

  /** Smallest |fill| of Where read as a mask (−inf, finfo.min, −1e9, −1e4). */
  static final double MASK_FILL = 1e4;

  /**
   * A masking fill of Where (a constant with |v| ≥ {@link #MASK_FILL}, −inf included) is held as
   * ±32.0 (±2^(s+5)): a Softmax after it then looks x − max up in an exp table of about s + 7 bits,
   * not 2^62 wide, and the masked weight exp(−32 − max) rounds to 0 at any scale s ≤ 44 whenever the
   * row's largest unmasked value is ≥ −32 + (s + 1)·ln 2 (−25.8 at s = 8), as in attention scores.
   */
  static void saturateFill(Tensor[] c, long[][] params, int s) {
    for (int i = 1; i < params.length; i++) {
      if (c[i] == null) {
        continue;
      }
      double[] d = c[i].data();
      for (int j = 0; j < d.length; j++) {
        if (Math.abs(d[j]) >= MASK_FILL) {
          params[i][j] = d[j] > 0 ? 1L << (s + 5) : -(1L << (s + 5));
        }
      }
    }
  }

  /**
   * Whether every value of a tensor is an integer by construction (a comparison or boolean, an
   * index, a rounded or truncated value, an integer model input, or sums, differences, products and
   * re-indexings of such values, and their products by integer constants: quantized, all of these
   * are exact multiples of 2^s), so that a Cast of it to an integer type is the identity on its
   * quantized values.
   */
  static boolean integral(Graph g, String tensor) {
    return integral(g, tensor, 0);
  }

  /**
   * 1/(2·max|c|) when {@code tensor} is a whole number divided by whole constants c (ONNX's integer Div
   * written out), else 0: see {@link Activation.Trunc}.
   */
  static double quotientNudge(Graph g, String tensor) {
    Node p = g.producer(tensor);
    if (p == null || !(p.op() instanceof Op.Binary b) || b.kind() != Op.BinaryKind.DIV
        || !g.isConstant(p.inputs().get(1)) || !integral(g, p.inputs().get(0))) {
      return 0;
    }
    double max = 0;
    for (double c : g.constants().get(p.inputs().get(1)).data()) {
      if (c == 0 || c != Math.rint(c)) {
        return 0;
      }
      max = Math.max(max, Math.abs(c));
    }
    return max < 2 ? 0 : 1 / (2 * max);
  }

  /** Beyond this depth a tensor counts as fractional (the answer is then only pessimistic). */
  private static final int INTEGRAL_DEPTH = 48;

  private static boolean integral(Graph g, String tensor, int depth) {
    if (g.isConstant(tensor)) {
      return wholeValues(g.constants().get(tensor));
    }
    Node p = g.producer(tensor);
    if (p == null) {
      return g.inputs().stream().anyMatch(v -> v.name().equals(tensor) && !v.dtype().isFloating());
    }
    if (depth > INTEGRAL_DEPTH) {
      return false;
    }
    Op op = p.op();
    if (op instanceof Op.Binary b) {
      return switch (b.kind()) {
        case ADD, SUB, MUL, MAX, MIN -> allIntegral(g, p.inputs(), depth);
        default -> b.kind().isPredicate();
      };
    }
    if (op instanceof Op.Unary u) {
      return switch (u.kind()) {
        case NOT, FLOOR, CEIL, ROUND, SIGN -> true;
        case NEG, ABS, RELU -> allIntegral(g, p.inputs(), depth);
        default -> false;
      };
    }
    if (op instanceof Op.Cast c) {
      return !c.to().isFloating() || integral(g, p.inputs().get(0), depth + 1);
    }
    if (op instanceof Op.MatMul || op instanceof Op.Where || IndexMap.isLayout(op)
        || (op instanceof Op.Reduce r && r.kind() != Op.ReduceKind.MEAN)) {
      // MatMul of two activations rescales by s a product of multiples of 2^s: still exact
      return allIntegral(g, op instanceof Op.Where ? p.inputs().subList(1, 3) : p.inputs(), depth);
    }
    if (op instanceof Op.Gemm gm) {
      return gm.alpha() == 1 && gm.beta() == 1 && allIntegral(g, p.inputs(), depth);
    }
    return op instanceof Op.ArgExtreme;
  }

  private static boolean allIntegral(Graph g, List<String> tensors, int depth) {
    for (String t : tensors) {
      if (!integral(g, t, depth + 1)) {
        return false;
      }
    }
    return true;
  }

  /** Whole numbers small enough that every scale holds them exactly. */
  private static boolean wholeValues(Tensor t) {
    for (double v : t.data()) {
      if (v != Math.rint(v) || Math.abs(v) > (1L << 20)) {
        return false;
      }
    }
    return true;
  }

  private static void constantsAt(Tensor[] c, long[][] params, int[] sc, int scale) {
    for (int i = 0; i < c.length; i++) {
      quantizeParam(c, params, sc, i, scale, 1);
    }
  }

  private static void quantizeParam(Tensor[] c, long[][] params, int[] sc, int i, int scale, double factor) {
    if (i < c.length && c[i] != null) {
      double[] d = c[i].data();
      long[] q = new long[d.length];
      for (int j = 0; j < d.length; j++) {
        q[j] = FixedPoint.toFixed(d[j] * factor, scale);
      }
      params[i] = q;
      sc[i] = scale;
    }
  }

  /** The one exponent of a constant exponent tensor (every element equal). */
  private static double exponent(Tensor e, Node n) {
    double[] d = e.data();
    if (d.length == 0) {
      throw unsupported(n, "an empty exponent");
    }
    for (double v : d) {
      if (v != d[0]) {
        throw unsupported(n, "a power with a different constant per element");
      }
    }
    return d[0];
  }

  private static long[] fixed(double[] d, int scale) {
    long[] q = new long[d.length];
    for (int j = 0; j < d.length; j++) {
      q[j] = FixedPoint.toFixed(d[j], scale);
    }
    return q;
  }

  /** ⌈log2 max|c|⌉ for max|c| &gt; 1, else 0. */
  static int divisorBits(Tensor t) {
    double max = 0;
    for (double v : t.data()) {
      max = Math.max(max, Math.abs(v));
    }
    return max <= 1 || !Double.isFinite(max) ? 0 : Math.getExponent(max - Math.ulp(max)) + 1;
  }

  private static double[] reciprocal(Tensor t, Node n) {
    double[] d = t.data().clone();
    for (int i = 0; i < d.length; i++) {
      if (d[i] == 0) {
        throw new BadInputException(n.label() + ": division by a constant that contains 0");
      }
      d[i] = 1 / d[i];
    }
    return d;
  }

  /** Unfolded batch norm: y = x·a + b per channel, a = γ/√(σ² + ε) at P, b = β − μ·a at S + P. */
  private static void batchNorm(Node n, Tensor[] c, long[][] params, int[] sc, int s, int p, double eps) {
    for (int i = 1; i < 5; i++) {
      if (c[i] == null) {
        throw unsupported(n, "batch-norm statistics that are not constants");
      }
    }
    double[] gamma = c[1].data();
    double[] beta = c[2].data();
    double[] mean = c[3].data();
    double[] var = c[4].data();
    double[] a = new double[gamma.length];
    double[] b = new double[gamma.length];
    for (int ch = 0; ch < a.length; ch++) {
      a[ch] = gamma[ch] / Math.sqrt(var[ch] + eps);
      b[ch] = beta[ch] - mean[ch] * a[ch];
    }
    params[1] = fixed(a, p);
    params[2] = fixed(b, s + p);
    params[3] = new long[0];
    params[4] = new long[0];
    sc[1] = p;
    sc[2] = s + p;
  }

  private static int bits(QuantPlan plan, Node n) {
    return plan.tableBits().getOrDefault(n.name(), DEFAULT_TABLE_BITS);
  }

  /** The tabulated function of an element-wise op (StrictMath-based, so tables are reproducible). */
  static Activation activation(Op.Unary u, Node n, int s) {
    switch (u.kind()) {
      case RELU: return new Activation.Relu();
      case LEAKY_RELU: return new Activation.LeakyRelu(u.alpha());
      case SIGMOID: return new Activation.Sigmoid();
      case TANH: return new Activation.Tanh();
      case ERF: return new Activation.Erf();
      case GELU: return new Activation.Gelu();
      case GELU_TANH: return new Activation.GeluTanh();
      case EXP: return new Activation.Exp();
      case RECIPROCAL: return new Activation.Inverse();
      case LOG: return new Activation.Log(Math.scalb(1.0, -s));
      case SQRT: return new Activation.Sqrt();
      case SOFTPLUS: return new Activation.Softplus();
      case SOFTSIGN: return new Activation.Softsign();
      case MISH: return new Activation.Mish();
      case ELU: return new Activation.Elu(u.alpha());
      case CELU: return new Activation.Celu(u.alpha());
      case SELU: return new Activation.Selu(u.alpha(), u.beta());
      case HARD_SIGMOID: return new Activation.HardSigmoid(u.alpha(), u.beta());
      case HARD_SWISH: return new Activation.HardSwish();
      case FLOOR: return new Activation.Floor();
      case CEIL: return new Activation.Ceil();
      case ROUND: return new Activation.Round();
      case SIGN: return new Activation.Sign();
      case SIN: return new Activation.Trig("sin");
      case COS: return new Activation.Trig("cos");
      case TAN: return new Activation.Trig("tan");
      case ASIN: return new Activation.Trig("asin");
      case ACOS: return new Activation.Trig("acos");
      case ATAN: return new Activation.Trig("atan");
      default: throw unsupported(n, "the element-wise function " + u.kind());
    }
  }

  static BadInputException unsupported(Node n, String what) {
    return new BadInputException(n.label() + ": " + what
        + " is not supported by the quantizer yet");
  }
}
