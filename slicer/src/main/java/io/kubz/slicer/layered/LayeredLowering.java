package io.kubz.slicer.layered;

import io.kubz.field.BadInputException;
import io.kubz.gkr.model.LayeredModel;
import io.kubz.slicer.ir.Graph;
import io.kubz.slicer.ir.ValueInfo;
import io.kubz.slicer.quant.QNode;
import io.kubz.slicer.quant.QuantizedGraph;
import io.kubz.slicer.plan.SliceSpec;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Lowers a quantized graph to a {@link LayeredModel} (see the package documentation). */
public final class LayeredLowering {
  /**
   * Real magnitude (log₂) assumed for what no check bounds: a model input, or a rescaled value whose
   * inputs' bounds allow more. Such values are range-checked to W = s + REAL_BITS signed bits (at most
   * 48): |real| &lt; 2^(REAL_BITS − 1), ample for calibrated models; beyond it the prover refuses.
   */
  static final int REAL_BITS = 24;

  private LayeredLowering() {}

  /**
   * The lowered model and how its input and output tensors map to the graph's.
   *
   * @param inputs graph input names, in the order of {@link LayeredModel#inputs()}
   * @param outputs graph output names, in the order of {@link LayeredModel#outputs()}
   * @param shapes the shape of each graph output (for dequantizing)
   */
  public record Lowered(LayeredModel model, List<String> inputs, List<String> outputs,
      Map<String, int[]> shapes, int[] committed) {
    public Lowered {
      committed = committed.clone();
    }

    /** A lowering whose inputs and outputs are all public (the whole model). */
    public Lowered(LayeredModel model, List<String> inputs, List<String> outputs, Map<String, int[]> shapes) {
      this(model, inputs, outputs, shapes, new int[0]);
    }

    /**
     * Tensor ids of the inputs and outputs that are boundaries to other slices (neither a graph input
     * nor a graph output), committed by C_T (io.kubz.gkr.model "Committed boundaries"), increasing.
     */
    @Override
    public int[] committed() {
      return committed.clone();
    }

    /** The model's inputs from the quantized graph inputs by name. */
    public long[][] inputValues(Map<String, long[]> quantized) {
      long[][] v = new long[inputs.size()][];
      for (int i = 0; i < v.length; i++) {
        v[i] = quantized.get(inputs.get(i));
        if (v[i] == null) {
          throw new IllegalArgumentException("no value for input " + inputs.get(i));
        }
      }
      return v;
    }
  }

  /**
   * Lowers {@code q}. An op the GKR back end cannot prove yet is a
   * {@link io.kubz.field.BadInputException} naming the op and the node and suggesting
   * {@code --proof-system plonkish}.
   */
  public static Lowered lower(QuantizedGraph q) {
    Graph g = q.graph();
    if (g.inputs().isEmpty()) {
      throw new BadInputException("the GKR back end needs a model with at least one input");
    }
    Lowering l = new Lowering(q);
    List<String> inputs = new ArrayList<>();
    double inputBound = Math.scalb(1.0, l.width - 1);
    for (ValueInfo v : g.inputs()) {
      l.define(v.name(), l.b.input(Math.toIntExact(v.size()), inputBound));
      inputs.add(v.name());
    }
    for (QNode qn : q.nodes()) {
      try {
        l.define(qn.node().output(), l.node(qn));
      } catch (IllegalArgumentException | ArithmeticException e) {
        // a model the layer constructors refuse (a size or width out of their range)
        throw new BadInputException(qn.node().label() + ": the GKR back end cannot lower it (" + e.getMessage()
            + "); use --proof-system plonkish");
      }
    }
    List<String> outputs = new ArrayList<>();
    Map<String, int[]> shapes = new LinkedHashMap<>();
    int[] ids = new int[g.outputs().size()];
    for (int i = 0; i < ids.length; i++) {
      ValueInfo v = g.outputs().get(i);
      ids[i] = l.tensor(v.name());
      outputs.add(v.name());
      shapes.put(v.name(), v.shape());
    }
    return new Lowered(Fusion.fuse(l.b.build(ids)), List.copyOf(inputs), List.copyOf(outputs), shapes);
  }

  /**
   * Lowers one slice of a plan: its inputs (graph inputs or earlier slices' outputs, in the spec's
   * order) become the model's inputs, its nodes are lowered as in {@link #lower(QuantizedGraph)},
   * its outputs (in the spec's order) are the model's outputs. An input produced by another slice
   * is assumed within W bits like a graph input (a bound only steers range widths; the producer's
   * proof bounds the values). A tensor that is not a graph input or output is a committed boundary
   * ({@link Lowered#committed()}); an output the lowering maps onto an input or an earlier output (a
   * re-indexing that is the identity) gets its own identity layer, so that each boundary is one
   * tensor with one commitment. A split slice is a {@code BadInputException}.
   */
  public static Lowered lower(QuantizedGraph q, SliceSpec spec) {
    Graph g = q.graph();
    if (spec.split() != null) {
      throw new BadInputException("slice " + spec.id() + " computes part of one layer: the GKR back end proves"
          + " whole layers (GKR.md: its memory is linear in the model); plan without splitting layers, or prove"
          + " with --proof-system plonkish");
    }
    if (spec.inputs().isEmpty()) {
      throw new BadInputException("slice " + spec.id() + " reads no tensor: the GKR back end needs a slice with"
          + " at least one input");
    }
    Set<String> graphInputs = new HashSet<>();
    g.inputs().forEach(v -> graphInputs.add(v.name()));
    Set<String> graphOutputs = new HashSet<>();
    g.outputs().forEach(v -> graphOutputs.add(v.name()));
    Lowering l = new Lowering(q);
    double inputBound = Math.scalb(1.0, l.width - 1);
    List<Integer> committed = new ArrayList<>();
    for (String name : spec.inputs()) {
      int t = l.b.input(Math.toIntExact(Math.multiplyExact(1L, elements(g.shape(name)))), inputBound);
      l.define(name, t);
      if (!graphInputs.contains(name)) {
        committed.add(t);
      }
    }
    Set<String> nodes = new HashSet<>(spec.nodes());
    for (QNode qn : q.nodes()) {
      if (!nodes.contains(qn.node().name())) {
        continue;
      }
      try {
        l.define(qn.node().output(), l.node(qn));
      } catch (IllegalArgumentException | ArithmeticException e) {
        throw new BadInputException(qn.node().label() + ": the GKR back end cannot lower it (" + e.getMessage()
            + "); use --proof-system plonkish");
      }
    }
    Map<String, int[]> shapes = new LinkedHashMap<>();
    int[] ids = new int[spec.outputs().size()];
    Set<Integer> taken = new HashSet<>();
    int inputs = spec.inputs().size();
    for (int i = 0; i < ids.length; i++) {
      String name = spec.outputs().get(i);
      int t = l.tensor(name);
      if (t < inputs || !taken.add(t)) {
        int n = l.b.size(t);
        int[] same = new int[n];
        for (int j = 0; j < n; j++) {
          same[j] = j;
        }
        t = l.b.linear(t, io.kubz.gkr.model.SparseMatrix.gather(n, same), null);
        taken.add(t);
      }
      ids[i] = t;
      shapes.put(name, g.shape(name));
    }
    LayeredModel built = l.b.build(ids);
    LayeredModel fused = Fusion.fuse(built);
    int[] outs = fused.outputs();
    for (int i = 0; i < ids.length; i++) {
      if (!graphOutputs.contains(spec.outputs().get(i))) {
        committed.add(outs[i]);
      }
    }
    return new Lowered(fused, List.copyOf(spec.inputs()), List.copyOf(spec.outputs()), shapes,
        committed.stream().mapToInt(Integer::intValue).sorted().toArray());
  }

  private static long elements(int[] shape) {
    long n = 1;
    for (int d : shape) {
      n = Math.multiplyExact(n, d);
    }
    return n;
  }
}
