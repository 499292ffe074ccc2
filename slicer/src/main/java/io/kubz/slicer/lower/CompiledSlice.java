package io.kubz.slicer.lower;

import io.kubz.field.BadInputException;
import io.kubz.field.Fr;
import io.kubz.merkle.TensorCommitment;
import io.kubz.plonkish.builder.AssignedCell;
import io.kubz.plonkish.builder.Circuit;
import io.kubz.plonkish.ir.CircuitDescription;
import io.kubz.plonkish.ir.Witness;
import io.kubz.slicer.plan.Part;
import io.kubz.slicer.plan.Partial;
import io.kubz.slicer.plan.Split;
import io.kubz.slicer.quant.QNode;
import io.kubz.slicer.quant.QuantizedGraph;
import java.util.List;
import java.util.Map;

/**
 * One slice compiled to a Plonkish circuit. The circuit's shape depends only on the quantized graph,
 * the node set, the visibility and the lane count, never on values: {@link #description()} is
 * synthesized with all-zero values (for keygen, cached by the verifying-key digest), and
 * {@link #circuit} re-synthesizes the same layout with the interpreter's values.
 *
 * <p>Instance column 0 holds the public values at the rows {@link #layout()} gives: per boundary
 * input, then per boundary output, either the values (PUBLIC) or one commitment (HASHED).
 */
public final class CompiledSlice {
  private final QuantizedGraph graph;
  private final List<QNode> nodes;
  private final List<Boundary> inputs;
  private final List<Boundary> outputs;
  private final InstanceLayout layout;
  private final RowEstimator.Estimate estimate;
  private final int lanes;
  private final Map<String, java.util.BitSet> needs;
  private final Split partial;
  private CircuitDescription description;

  CompiledSlice(QuantizedGraph graph, List<QNode> nodes, List<Boundary> inputs, List<Boundary> outputs,
      InstanceLayout layout, RowEstimator.Estimate estimate, int lanes, Map<String, java.util.BitSet> needs,
      Split partial) {
    this.needs = Map.copyOf(needs);
    this.partial = partial;
    this.graph = graph;
    this.nodes = List.copyOf(nodes);
    this.inputs = List.copyOf(inputs);
    this.outputs = List.copyOf(outputs);
    this.layout = layout;
    this.estimate = estimate;
    this.lanes = lanes;
  }

  /** The slice's nodes in topological order. */
  public List<String> nodeNames() {
    return nodes.stream().map(QNode::name).toList();
  }

  /** Tensors the slice reads that it does not compute (model inputs, other slices' outputs). */
  public List<Boundary> inputs() {
    return inputs;
  }

  /** Tensors the slice computes that leave it (model outputs, inputs of other slices). */
  public List<Boundary> outputs() {
    return outputs;
  }

  public InstanceLayout layout() {
    return layout;
  }

  /** The cost model's estimate for this slice (rows before blinding, and k). */
  /** Products per multiply-accumulate row of this slice's circuit ({@link SliceCompiler#AUTO_LANES}). */
  public int lanes() {
    return lanes;
  }

  public RowEstimator.Estimate estimate() {
    return estimate;
  }

  /** The circuit without a witness: what keygen needs. Synthesized once. */
  public synchronized CircuitDescription description() {
    if (description == null) {
      description = synthesize(null, null).description();
    }
    return description;
  }

  /** Drops the synthesized circuit to free its columns; {@link #description()} synthesizes it again. */
  public synchronized void release() {
    description = null;
  }

  /**
   * The circuit with its witness from the integer interpreter's tensors (every tensor the slice
   * reads or computes, by name: {@code IntegerInterpreter.trace}) and one salt per HASHED boundary
   * tensor.
   */
  public Circuit circuit(Map<String, long[]> tensors, Map<String, Fr> salts) {
    return circuit(tensors, salts, Map.of());
  }

  /**
   * As above for a slice with bridged boundaries: {@code points} holds each bridged tensor's point
   * r ({@link Bridge#point}) by tensor name.
   */
  public Circuit circuit(Map<String, long[]> tensors, Map<String, Fr> salts, Map<String, Fr[]> points) {
    if (tensors == null || salts == null || points == null) {
      throw new IllegalArgumentException("tensors, salts and points are required for a witness");
    }
    return synthesize(tensors, salts, points);
  }

  /** The tensors whose bridge this slice proves (package documentation, "Bridged boundaries"). */
  public List<String> bridged() {
    return layout.entries().stream().filter(e -> Bridge.isEntry(e.tensor())).map(e -> Bridge.tensor(e.tensor()))
        .distinct().toList();
  }

  /** The witness alone (its circuit equals {@link #description()}). */
  public Witness witness(Map<String, long[]> tensors, Map<String, Fr> salts) {
    return circuit(tensors, salts).witness();
  }

  /**
   * The public instance the verifier expects, computed natively: values of PUBLIC tensors, the
   * commitments of HASHED ones (instance column 0).
   */
  public Fr[][] instance(Map<String, long[]> tensors, Map<String, Fr> salts) {
    return instance(tensors, salts, Map.of());
  }

  /** As above, with the bridges' r and y = Σ v_i·eq(i, r) ({@code points} by tensor name). */
  public Fr[][] instance(Map<String, long[]> tensors, Map<String, Fr> salts, Map<String, Fr[]> points) {
    Fr[] col = new Fr[layout.rows()];
    java.util.Arrays.fill(col, Fr.ZERO);
    for (InstanceLayout.Entry e : layout.entries()) {
      if (Bridge.isEntry(e.tensor())) {
        String t = Bridge.tensor(e.tensor());
        Fr[] r = point(points, t, e.length() - 1);
        System.arraycopy(r, 0, col, e.row(), r.length);
        col[e.row() + r.length] = Bridge.evaluate(tensors.get(t), r);
        continue;
      }
      String base = Part.base(e.tensor());
      Partial sum = partialSum(graph, base);
      long[] whole = sum == null ? tensors.get(base) : Contraction.values(graph, sum, tensors);
      if (whole == null) {
        throw new IllegalArgumentException("no values for boundary tensor '" + e.tensor() + "'");
      }
      long[] v = Part.slice(e.tensor(), whole);
      if (e.commitment()) {
        col[e.row()] = commitment(salt(salts, e.tensor()), v);
      } else {
        for (int i = 0; i < e.length(); i++) {
          col[e.row() + i] = Fr.of(v[i]);
        }
      }
    }
    return new Fr[][] {col};
  }

  /** TensorCommitment(salt, v) of integer values (held as v mod r). */
  public static Fr commitment(Fr salt, long[] values) {
    long[] m = new long[4 * values.length];
    for (int i = 0; i < values.length; i++) {
      Fr.set(m, 4 * i, values[i]);
    }
    return TensorCommitment.commit(salt, m, values.length);
  }

  private static Fr salt(Map<String, Fr> salts, String tensor) {
    Fr s = salts.get(tensor);
    if (s == null) {
      throw new BadInputException("no salt for the committed tensor '" + tensor + "'");
    }
    return s;
  }

  /**
   * Runs the lowering of every node without a witness and without building the circuit (no fixed
   * columns, no permutation argument) and without hashing its committed boundaries (the sponge cannot
   * refuse a tensor the slice computes): what {@code kubz inspect} needs to know that the slice can be
   * proved, at a fraction of {@link #description()}'s cost. A slice the estimate puts above 2^28 rows
   * is refused as {@link #description()} would refuse it.
   */
  public void checkSynthesis() {
    if (estimate.k() > 28) {
      throw new io.kubz.field.BadInputException("circuit needs " + estimate.rows()
          + " rows: more than 2^28 − blinding; split it");
    }
    lowerAll(null, null, null, false);
  }

  private static Fr[] point(Map<String, Fr[]> points, String tensor, int vars) {
    Fr[] r = points.get(tensor);
    if (r == null || r.length != vars) {
      throw new IllegalArgumentException("no bridge point of " + vars + " coordinates for '" + tensor + "'");
    }
    return r;
  }

  private Circuit synthesize(Map<String, long[]> tensors, Map<String, Fr> salts) {
    return synthesize(tensors, salts, null);
  }

  /** {@code points} null: the keygen circuit (bridge points zero). */
  private Circuit synthesize(Map<String, long[]> tensors, Map<String, Fr> salts, Map<String, Fr[]> points) {
    return lowerAll(tensors, salts, points, true).cb.build();
  }

  private Synth lowerAll(Map<String, long[]> tensors, Map<String, Fr> salts, Map<String, Fr[]> points,
      boolean expose) {
    java.util.Set<String> names = new java.util.HashSet<>(nodeNames());
    Synth s = new Synth(tensors, lanes, t -> Bounds.bits(graph, names, t), needs);
    s.partial = partial;
    s.k = estimate.k();
    for (Boundary b : inputs) {
      Part p = Part.parse(b.tensor());
      String base = Part.base(b.tensor());
      Partial sum = partialSum(graph, base);
      int full = Lowering.size(graph, sum == null ? base : sum.tensor());
      if (sum != null) {
        if (tensors != null) {
          s.derive(base, Contraction.values(graph, sum, tensors));
        }
        List<Partial> l = s.sums.computeIfAbsent(sum.tensor(), t -> new java.util.ArrayList<>());
        if (!l.contains(sum)) {
          l.add(sum);
        }
      }
      long[] v = Part.slice(b.tensor(), s.values(base, full));
      AssignedCell[] w = s.arith.store("input " + b.tensor(), Synth.frs(v));
      if (p == null) {
        s.wires.put(base, w);
      } else {
        System.arraycopy(w, 0, s.wires.computeIfAbsent(base, t -> new AssignedCell[full]), p.from(), w.length);
      }
      if (expose) {
        expose(s, layout.find(b.tensor(), false), w, salts, points);
      }
    }
    for (QNode n : nodes) {
      Lowering.lower(s, graph, n);
    }
    for (Boundary b : outputs) {
      Part p = Part.parse(b.tensor());
      AssignedCell[] w = s.wires.get(Part.base(b.tensor()));
      if (p != null) {
        w = java.util.Arrays.copyOfRange(w, p.from(), p.to());
      }
      for (AssignedCell c : w) {
        if (c == null) {
          throw new IllegalStateException("boundary " + b.tensor() + " has elements the slice does not compute");
        }
      }
      if (expose) {
        expose(s, layout.find(b.tensor(), true), w, salts, points);
      }
    }
    return s;
  }

  /** The partial-sum tensor a boundary's base name denotes, or null for a tensor of the graph. */
  static Partial partialSum(QuantizedGraph graph, String base) {
    return graph.graph().values().containsKey(base) ? null : Partial.parse(base);
  }

  private void expose(Synth s, InstanceLayout.Entry e, AssignedCell[] w, Map<String, Fr> salts,
      Map<String, Fr[]> ps) {
    if (e == null) {
      return;
    }
    if (e.commitment()) {
      Fr salt = salts == null ? Fr.ZERO : salt(salts, e.tensor());
      AssignedCell saltCell = s.arith.store("salt " + e.tensor(), new Fr[] {salt})[0];
      AssignedCell c = s.sponge().commit(saltCell, w);
      s.cb.constrainInstance(c, s.instance, e.row());
      s.cb.setInstance(s.instance, e.row(), c.value());
      InstanceLayout.Entry bridge = layout.find(Bridge.entry(e.tensor()), e.output());
      if (bridge != null) { // y = Σ w_i·eq(i, r) over the cells the commitment just read
        int v = bridge.length() - 1;
        Fr[] r = ps == null ? new Fr[v] : point(ps, e.tensor(), v);
        if (ps == null) {
          java.util.Arrays.fill(r, Fr.ZERO);
        }
        AssignedCell[] rc = s.arith.store("bridge r " + e.tensor(), r);
        AssignedCell y = Bridge.evaluate(s.arith, w, rc);
        for (int j = 0; j < v; j++) {
          s.cb.constrainInstance(rc[j], s.instance, bridge.row() + j);
          s.cb.setInstance(s.instance, bridge.row() + j, r[j]);
        }
        s.cb.constrainInstance(y, s.instance, bridge.row() + v);
        s.cb.setInstance(s.instance, bridge.row() + v, y.value());
      }
    } else {
      for (int i = 0; i < w.length; i++) {
        s.cb.constrainInstance(w[i], s.instance, e.row() + i);
        s.cb.setInstance(s.instance, e.row() + i, w[i].value());
      }
    }
  }
}
