package io.kubz.slicer.layered;

import io.kubz.field.BadInputException;
import io.kubz.gkr.model.SparseMatrix;
import io.kubz.gkr.model.TableDef;
import io.kubz.slicer.ir.Node;
import io.kubz.slicer.ir.Op;
import io.kubz.slicer.ir.Shapes;
import io.kubz.slicer.quant.QNode;

/**
 * Comparisons, booleans and Where with the integer interpreter's semantics (LogicKernels): a boolean
 * is 0 or one = 2^s. Every comparison is a sign test [x ≥ 0] of an integer linear form x, proved by
 * one rescale ({@link #nonNegative}); the 0/1 result (its "bit", kept in {@link Lowering#bits}) is
 * what logical operations and Where multiply, and the boolean itself is one·bit.
 * <ul>
 *   <li>a &lt; b = [b − a − 1 ≥ 0], a ≤ b = [b − a ≥ 0], a &gt; b = [a − b − 1 ≥ 0], a ≥ b = [a − b ≥ 0],
 *       a = b = [a − b ≥ 0] + [b − a ≥ 0] − 1;
 *   <li>And = a·b, Or = a + b − a·b, Xor = a + b − 2·a·b, Not = 1 − a on bits;
 *   <li>Where(c, x, y) = y + c·(x − y) with c the bit of the condition (a product, no rescale).
 * </ul>
 * A boolean that is no comparison's output (a model input, a reshaped mask) gets its bit from a
 * two-row table {0 ↦ 0, one ↦ 1}: the lookup refuses any other value, as the interpreter does.
 */
final class Logic {
  private Logic() {}

  /**
   * [x ≥ 0] ∈ {0, 1} per entry: r = ⌊((x − 2^(k−1)) + 2^(k−1)) / 2^k⌋ = ⌊x / 2^k⌋ checked to one
   * signed bit (r ∈ {−1, 0}), and the bit is 1 + r. The rescale's remainder check (in [0, 2^k)) and
   * range check force r for every x with −2^k ≤ x &lt; 2^k, and no r exists for any other x (the prover
   * refuses); 2^k exceeds x's bound (k ≤ 48, beyond which a real value would be ≥ 2^24 anyway).
   */
  static int nonNegative(LayerBuilder b, int x) {
    int k = Math.min(LayerBuilder.MAX_BITS, LayerBuilder.bitsAbove(b.bound(x)));
    int size = b.size(x);
    int shifted = b.linear(x, identity(size, 1), filled(size, -(1L << (k - 1))));
    int r = b.rescale(shifted, k, 1);
    int bit = b.linear(r, identity(size, 1), filled(size, 1));
    b.tighten(bit, 1);
    return bit;
  }

  /** A comparison or logical operation of two inputs. */
  static int binary(Lowering l, QNode qn, Op.BinaryKind kind) {
    Node n = qn.node();
    if (qn.isParam(0) && qn.isParam(1)) {
      throw Lowering.unsupported(n);
    }
    int[] out = l.shape(n.output());
    int size = (int) Shapes.size(out);
    int bit = switch (kind) {
      case LESS -> nonNegative(l.b, difference(l, qn, out, 1, 0, -1));
      case LESS_OR_EQUAL -> nonNegative(l.b, difference(l, qn, out, 1, 0, 0));
      case GREATER -> nonNegative(l.b, difference(l, qn, out, 0, 1, -1));
      case GREATER_OR_EQUAL -> nonNegative(l.b, difference(l, qn, out, 0, 1, 0));
      case EQUAL -> {
        int both = nonNegative(l.b, l.b.linear(2 * size, new int[] {difference(l, qn, out, 0, 1, 0),
            difference(l, qn, out, 1, 0, 0)}, new SparseMatrix[] {stacked(size, 0), stacked(size, size)}, null));
        SparseMatrix.Builder mb = new SparseMatrix.Builder(size, 2 * size);
        for (int i = 0; i < size; i++) {
          mb.add(i, i, 1).add(i, size + i, 1);
        }
        yield l.b.linear(both, mb.build(), filled(size, -1));
      }
      case AND, OR, XOR -> {
        int a = bit(l, qn, 0, out);
        int c = bit(l, qn, 1, out);
        int p = l.b.product(a, c);
        if (kind == Op.BinaryKind.AND) {
          yield p;
        }
        long twice = kind == Op.BinaryKind.OR ? -1 : -2;
        yield l.b.linear(size, new int[] {a, c, p},
            new SparseMatrix[] {identity(size, 1), identity(size, 1), identity(size, twice)}, null);
      }
      default -> throw Lowering.unsupported(n);
    };
    l.b.tighten(bit, 1);
    return fromBit(l, qn, bit);
  }

  static int not(Lowering l, QNode qn) {
    int[] out = l.shape(qn.node().output());
    if (qn.isParam(0)) {
      throw Lowering.unsupported(qn.node());
    }
    int x = bit(l, qn, 0, out);
    int bit = l.b.linear(x, identity(l.b.size(x), -1), filled(l.b.size(x), 1));
    l.b.tighten(bit, 1);
    return fromBit(l, qn, bit);
  }

  /** Where(c, x, y) = y + c·(x − y): a re-indexing when c is constant, a product otherwise. */
  static int where(Lowering l, QNode qn) {
    Node n = qn.node();
    int[] out = l.shape(n.output());
    int size = (int) Shapes.size(out);
    int x = l.broadcast(qn, 1, out);
    int y = l.broadcast(qn, 2, out);
    int result;
    if (qn.isParam(0)) {
      long[] c = constantBits(l, qn, 0, out);
      SparseMatrix.Builder mx = new SparseMatrix.Builder(size, size);
      SparseMatrix.Builder my = new SparseMatrix.Builder(size, size);
      for (int o = 0; o < size; o++) {
        (c[o] == 1 ? mx : my).add(o, o, 1);
      }
      result = l.b.linear(size, new int[] {x, y}, new SparseMatrix[] {mx.build(), my.build()}, null);
    } else {
      int c = bit(l, qn, 0, out);
      int d = l.b.linear(size, new int[] {x, y}, new SparseMatrix[] {identity(size, 1), identity(size, -1)}, null);
      result = l.b.linear(size, new int[] {y, l.b.product(c, d)},
          new SparseMatrix[] {identity(size, 1), identity(size, 1)}, null);
    }
    l.b.tighten(result, Math.max(l.b.bound(x), l.b.bound(y)));
    return result;
  }

  /** The boolean one·bit of a 0/1 tensor, remembered as having that bit. */
  private static int fromBit(Lowering l, QNode qn, int bit) {
    int size = l.b.size(bit);
    long one = 1L << qn.outScale();
    int v = l.b.linear(bit, identity(size, one), null);
    l.bits.put(v, new Lowering.Bit(bit, one));
    return v;
  }

  /** in_plus − in_minus + c, both inputs broadcast to {@code out}. */
  private static int difference(Lowering l, QNode qn, int[] out, int plus, int minus, long c) {
    int size = (int) Shapes.size(out);
    int p = l.broadcast(qn, plus, out);
    int m = l.broadcast(qn, minus, out);
    return l.b.linear(size, new int[] {p, m}, new SparseMatrix[] {identity(size, 1), identity(size, -1)},
        c == 0 ? null : filled(size, c));
  }

  /** Input i's bit broadcast to {@code out}: remembered, looked up in the boolean table, or constant. */
  private static int bit(Lowering l, QNode qn, int i, int[] out) {
    if (qn.isParam(i)) {
      return l.b.constant(constantBits(l, qn, i, out));
    }
    int[] idx = Shapes.broadcastIndex(l.shape(qn.node().inputs().get(i)), out);
    int t = l.tensor(qn.node().inputs().get(i));
    long one = 1L << qn.outScale(); // the interpreter's "true" for this node
    Lowering.Bit bit = l.bits.get(t);
    if (bit == null || bit.one() != one) {
      bit = new Lowering.Bit(l.b.lookup(t, new TableDef("kubz/boolean/" + one, new long[] {0, one},
          new long[] {0, 1})), one);
      l.bits.put(t, bit);
    }
    return l.b.gather(bit.tensor(), idx);
  }

  /** A constant boolean input as 0/1 broadcast to {@code out}; any other value is refused (LogicKernels). */
  private static long[] constantBits(Lowering l, QNode qn, int i, int[] out) {
    int[] idx = Shapes.broadcastIndex(l.shape(qn.node().inputs().get(i)), out);
    long one = 1L << qn.outScale();
    long[] p = qn.params()[i];
    long[] v = new long[idx.length];
    for (int o = 0; o < v.length; o++) {
      long c = p[idx[o]];
      if (c != 0 && c != one) {
        throw new BadInputException(qn.node().label() + ": reads " + c + " where a boolean (0 or " + one
            + ", i.e. 1.0) is expected: logical operations and Where's condition must come from comparisons or"
            + " constant masks");
      }
      v[o] = c == one ? 1 : 0;
    }
    return v;
  }

  /** factor·I of n rows. */
  static SparseMatrix identity(int n, long factor) {
    SparseMatrix.Builder mb = new SparseMatrix.Builder(n, n);
    for (int i = 0; i < n; i++) {
      mb.add(i, i, factor);
    }
    return mb.build();
  }

  /** Places a tensor of n entries at rows [offset, offset + n) of a 2n-row stack. */
  private static SparseMatrix stacked(int n, int offset) {
    SparseMatrix.Builder mb = new SparseMatrix.Builder(2 * n, n);
    for (int i = 0; i < n; i++) {
      mb.add(offset + i, i, 1);
    }
    return mb.build();
  }

  static long[] filled(int size, long v) {
    long[] r = new long[size];
    java.util.Arrays.fill(r, v);
    return r;
  }
}
