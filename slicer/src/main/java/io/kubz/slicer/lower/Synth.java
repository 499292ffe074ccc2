package io.kubz.slicer.lower;

import io.kubz.field.Fr;
import io.kubz.plonkish.builder.AssignedCell;
import io.kubz.plonkish.builder.CircuitBuilder;
import io.kubz.plonkish.ir.Column;
import io.kubz.slicer.plan.Partial;
import io.kubz.slicer.plan.Split;
import java.math.BigInteger;
import java.util.HashMap;
import java.util.Map;

/**
 * The state of one synthesis of a slice: the builder, the gadgets (configured on first use, in a
 * fixed order for a given slice, so that every synthesis yields the same circuit), the cells of
 * every tensor lowered so far and the integer values the witness is assigned from (all zero when
 * the circuit is synthesized for keygen only).
 */
final class Synth {
  final CircuitBuilder cb = new CircuitBuilder();
  final Column.Instance instance = cb.instance();
  final Arith arith = new Arith(cb);
  private final Map<String, long[]> values;
  private final int lanes;
  private Range range;
  private Mac mac;
  private Sponge sponge;
  private Freivalds freivalds;
  private Tables tables;
  /** The k the slice is expected to take (its estimate's), which sizes the range table; 0: the least. */
  int k;
  final Map<String, AssignedCell[]> wires = new HashMap<>();
  /** The contraction split this slice proves the partial sums of (null: none). */
  Split partial;
  /** Partial-sum tensors the slice reads, by the product output they add up to. */
  final Map<String, java.util.List<Partial>> sums = new HashMap<>();
  /** Values of tensors that are not the interpreter's (partial sums), computed from its tensors. */
  private final Map<String, long[]> derived = new HashMap<>();
  /** Sign bits (1 iff x ≥ 0) of tensors whose elements a signed range check already covers. */
  final Map<String, AssignedCell[]> signs = new HashMap<>();
  /** Gadget results shared by several nodes of the slice (a gather's index one-hots), by key. */
  final Map<String, Object> memo = new HashMap<>();

  private final java.util.function.ToIntFunction<String> bounds;
  /** Elements each tensor must hold in a split slice ({@code io.kubz.slicer.plan.Fields}); absent: all. */
  private final Map<String, java.util.BitSet> needed;

  Synth(Map<String, long[]> values, int lanes, java.util.function.ToIntFunction<String> bounds) {
    this(values, lanes, bounds, Map.of());
  }

  Synth(Map<String, long[]> values, int lanes, java.util.function.ToIntFunction<String> bounds,
      Map<String, java.util.BitSet> needed) {
    this.values = values;
    this.lanes = lanes;
    this.bounds = bounds;
    this.needed = needed;
  }

  /** Whether element i of the tensor is computed in this slice (always, unless the slice is split). */
  boolean needs(String tensor, int i) {
    java.util.BitSet b = needed.get(tensor);
    return b == null || b.get(i);
  }

  /** The elements of a tensor this slice computes, or null for all. */
  java.util.BitSet needed(String tensor) {
    return needed.get(tensor);
  }

  /** Signed width a rescaled tensor is range-checked to ({@link Bounds}; 0: not at all). */
  int bound(String tensor) {
    return bounds.applyAsInt(tensor);
  }

  int lanes() {
    return lanes;
  }

  boolean hasWitness() {
    return values != null;
  }

  /** The integer values of a tensor (zeros without a witness). */
  long[] values(String tensor, int size) {
    if (values == null) {
      return new long[size];
    }
    long[] v = values.get(tensor);
    if (v == null) {
      v = derived.get(tensor);
    }
    if (v == null) {
      throw new IllegalArgumentException("the witness has no tensor '" + tensor + "'");
    }
    if (v.length != size) {
      throw new IllegalArgumentException("tensor '" + tensor + "' has " + v.length + " values, expected " + size);
    }
    return v;
  }

  /** Records the values of a derived tensor (a partial sum) for {@link #values}. */
  void derive(String tensor, long[] v) {
    derived.put(tensor, v);
  }

  Range range() {
    if (range == null) {
      range = new Range(Lanes.forK(cb, k));
    }
    return range;
  }

  Mac mac() {
    if (mac == null) {
      mac = new Mac(cb, lanes);
    }
    return mac;
  }

  Freivalds freivalds() {
    if (freivalds == null) {
      freivalds = new Freivalds(cb, arith, lanes);
    }
    return freivalds;
  }

  Tables tables() {
    if (tables == null) {
      tables = new Tables(cb);
    }
    return tables;
  }

  Sponge sponge() {
    if (sponge == null) {
      sponge = new Sponge(cb, arith);
    }
    return sponge;
  }

  static Fr pow2(int k) {
    return Fr.of(BigInteger.ONE.shiftLeft(k));
  }

  static Fr[] frs(long[] v) {
    Fr[] f = new Fr[v.length];
    for (int i = 0; i < v.length; i++) {
      f[i] = Fr.of(v[i]);
    }
    return f;
  }
}
