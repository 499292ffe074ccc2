package io.kubz.plonkish.prover;

import io.kubz.field.Fr;
import io.kubz.plonkish.ir.Column;
import io.kubz.plonkish.ir.Expression;
import java.util.ArrayList;
import java.util.List;
import java.util.function.ToIntFunction;

/**
 * An expression compiled for evaluation over whole columns: a list of three-address operations on
 * chunk-sized registers whose operands are registers, constants (challenges are folded in as
 * constants) or source columns read at a rotation. Evaluating a chunk allocates nothing; the
 * registers are owned by the caller (one set per thread).
 */
final class ExpressionProgram {
  private static final int SUM = 0;
  private static final int PROD = 1;
  private static final int NEG = 2;
  private static final int SCALE = 3;
  private static final int MOVE = 4;
  /** Operand kinds. */
  private static final int REG = 0;
  private static final int SRC = 1;
  private static final int CONST = 2;

  private final List<int[]> ops = new ArrayList<>(); // {op, dst, kindA, idxA, rotA, kindB, idxB, rotB}
  private final List<Fr> consts = new ArrayList<>();
  private long[] constLimbs;
  private int registers;

  /**
   * @param source index of the source array holding a column's evaluations
   * @param domainSource index of the source array holding a domain polynomial's evaluations
   * @param challenges challenge values, folded in as constants
   */
  static ExpressionProgram compile(Expression e, ToIntFunction<Column> source,
      ToIntFunction<Expression.DomainPoly> domainSource, Fr[] challenges, int rotationStride) {
    ExpressionProgram p = new ExpressionProgram();
    int[] root = p.emit(e, 0, source, domainSource, challenges, rotationStride);
    if (root[0] != REG) {
      p.ops.add(new int[] {MOVE, 0, root[0], root[1], root[2], 0, 0, 0});
      p.registers = Math.max(p.registers, 1);
    }
    p.constLimbs = new long[4 * p.consts.size()];
    for (int i = 0; i < p.consts.size(); i++) {
      p.consts.get(i).writeTo(p.constLimbs, 4 * i);
    }
    return p;
  }

  int registers() {
    return registers;
  }

  /** Returns the operand {kind, index, rotation} holding e's value; inner nodes go to register {@code target}. */
  private int[] emit(Expression e, int target, ToIntFunction<Column> source,
      ToIntFunction<Expression.DomainPoly> domainSource, Fr[] ch, int stride) {
    if (e instanceof Expression.Constant c) {
      return constant(c.value());
    } else if (e instanceof Expression.Challenge c) {
      return constant(ch[c.index()]);
    } else if (e instanceof Expression.Cell c) {
      return new int[] {SRC, source.applyAsInt(c.column()), c.rotation() * stride};
    } else if (e instanceof Expression.Domain d) {
      return new int[] {SRC, domainSource.applyAsInt(d.poly()), 0};
    }
    registers = Math.max(registers, target + 1);
    if (e instanceof Expression.Sum s) {
      int[] a = emit(s.a(), target, source, domainSource, ch, stride);
      int[] b = emit(s.b(), target + 1, source, domainSource, ch, stride);
      ops.add(new int[] {SUM, target, a[0], a[1], a[2], b[0], b[1], b[2]});
    } else if (e instanceof Expression.Product m) {
      int[] a = emit(m.a(), target, source, domainSource, ch, stride);
      int[] b = emit(m.b(), target + 1, source, domainSource, ch, stride);
      ops.add(new int[] {PROD, target, a[0], a[1], a[2], b[0], b[1], b[2]});
    } else if (e instanceof Expression.Negated n) {
      int[] a = emit(n.a(), target, source, domainSource, ch, stride);
      ops.add(new int[] {NEG, target, a[0], a[1], a[2], 0, 0, 0});
    } else {
      Expression.Scaled s = (Expression.Scaled) e;
      int[] a = emit(s.a(), target, source, domainSource, ch, stride);
      int[] b = constant(s.factor());
      ops.add(new int[] {SCALE, target, a[0], a[1], a[2], b[0], b[1], b[2]});
    }
    return new int[] {REG, target, 0};
  }

  private int[] constant(Fr v) {
    consts.add(v);
    return new int[] {CONST, consts.size() - 1, 0};
  }

  /**
   * out[i] = e(point i) for i in [from, to) (out indexed from 0), reading {@code sources[s]} at
   * (i + rotation) mod size; {@code regs[r]} must hold 4·(to − from) longs.
   */
  void evaluate(long[][] sources, int size, int from, int to, long[][] regs, long[] out) {
    int mask = size - 1;
    for (int[] op : ops) {
      long[] dst = regs[op[1]];
      long[] a = array(op[2], op[3], sources, regs);
      long[] b = op[0] == SUM || op[0] == PROD || op[0] == SCALE ? array(op[5], op[6], sources, regs) : null;
      for (int i = from; i < to; i++) {
        int d = 4 * (i - from);
        int ao = offset(op[2], op[3], op[4], i, from, mask);
        switch (op[0]) {
          case SUM:
            Fr.add(dst, d, a, ao, b, offset(op[5], op[6], op[7], i, from, mask));
            break;
          case PROD:
          case SCALE:
            Fr.mul(dst, d, a, ao, b, offset(op[5], op[6], op[7], i, from, mask));
            break;
          case NEG:
            Fr.neg(dst, d, a, ao);
            break;
          default:
            Fr.copy(dst, d, a, ao);
        }
      }
    }
    System.arraycopy(regs[0], 0, out, 0, 4 * (to - from));
  }

  private long[] array(int kind, int idx, long[][] sources, long[][] regs) {
    return kind == REG ? regs[idx] : kind == SRC ? sources[idx] : constLimbs;
  }

  private static int offset(int kind, int idx, int rot, int i, int from, int mask) {
    if (kind == REG) {
      return 4 * (i - from);
    } else if (kind == SRC) {
      return 4 * ((i + rot) & mask);
    }
    return 4 * idx;
  }
}
