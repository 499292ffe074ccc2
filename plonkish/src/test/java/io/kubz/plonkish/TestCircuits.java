package io.kubz.plonkish;

import static io.kubz.plonkish.builder.CircuitBuilder.query;

import io.kubz.field.Fr;
import io.kubz.plonkish.builder.AssignedCell;
import io.kubz.plonkish.builder.Circuit;
import io.kubz.plonkish.builder.CircuitBuilder;
import io.kubz.plonkish.builder.Selector;
import io.kubz.plonkish.ir.Column;
import io.kubz.plonkish.ir.Expression;
import java.math.BigInteger;

/** Circuits with known answers, shared by the MockProver, prover and golden tests. */
public final class TestCircuits {
  private TestCircuits() {}

  /** F_0 = F_1 = 1, F_{i+2} = F_{i+1} + F_i (mod r). */
  public static BigInteger fib(int i) {
    BigInteger a = BigInteger.ONE;
    BigInteger b = BigInteger.ONE;
    for (int j = 0; j < i; j++) {
      BigInteger c = a.add(b);
      a = b;
      b = c;
    }
    return a.mod(Fr.MODULUS);
  }

  /**
   * One advice column x with x[i+2] = x[i+1] + x[i] under a selector (rotations +1, +2); x[0], x[1]
   * and x[steps−1] are copied to instance rows 0, 1, 2, which hold (1, 1, claimed).
   */
  public static Circuit fibonacci(int steps, BigInteger claimed) {
    CircuitBuilder b = new CircuitBuilder();
    Column.Advice x = b.advice();
    Column.Instance pub = b.instance();
    Selector s = b.selector();
    b.gate("fibonacci", s.expr().mul(query(x, 2).sub(query(x, 1)).sub(query(x, 0))));
    AssignedCell[] ends = b.region("fibonacci", r -> {
      Fr p = Fr.ONE;
      Fr q = Fr.ONE;
      AssignedCell first = r.assignAdvice(x, 0, p);
      AssignedCell second = r.assignAdvice(x, 1, q);
      AssignedCell last = second;
      for (int i = 2; i < steps; i++) {
        Fr t = p.add(q);
        last = r.assignAdvice(x, i, t);
        r.enable(s, i - 2);
        p = q;
        q = t;
      }
      return new AssignedCell[] {first, second, last};
    });
    b.setInstance(pub, 0, Fr.ONE);
    b.setInstance(pub, 1, Fr.ONE);
    b.setInstance(pub, 2, Fr.of(claimed));
    b.constrainInstance(ends[0], pub, 0);
    b.constrainInstance(ends[1], pub, 1);
    b.constrainInstance(ends[2], pub, 2);
    return b.build();
  }

  /**
   * Proves 0 ≤ v &lt; 2^bits: bits b_i in one column, a running sum acc_i = 2·acc_{i−1} + b_i in
   * another (most significant bit first), b_i·(1 − b_i) = 0, and the final acc copied to instance
   * row 0, which holds {@code publicValue}. {@code v} itself is decomposed mod 2^bits.
   */
  public static Circuit range(BigInteger v, int bits, BigInteger publicValue) {
    CircuitBuilder b = new CircuitBuilder();
    Column.Advice bit = b.advice();
    Column.Advice acc = b.advice();
    Column.Instance pub = b.instance();
    Selector isBit = b.selector();
    Selector first = b.selector();
    Selector step = b.selector();
    Expression bt = query(bit, 0);
    b.gate("boolean", isBit.expr().mul(bt).mul(Expression.constant(1).sub(bt)));
    b.gate("first bit", first.expr().mul(query(acc, 0).sub(bt)));
    b.gate("running sum", step.expr().mul(query(acc, 1).sub(query(acc, 0).mul(2)).sub(query(bit, 1))));
    AssignedCell out = b.region("decompose", r -> {
      BigInteger a = BigInteger.ZERO;
      AssignedCell last = null;
      for (int i = 0; i < bits; i++) {
        int bi = v.testBit(bits - 1 - i) ? 1 : 0;
        a = a.shiftLeft(1).add(BigInteger.valueOf(bi));
        r.assignAdvice(bit, i, Fr.of(bi));
        last = r.assignAdvice(acc, i, Fr.of(a));
        r.enable(isBit, i);
        if (i + 1 < bits) {
          r.enable(step, i);
        }
      }
      r.enable(first, 0);
      return last;
    });
    b.setInstance(pub, 0, Fr.of(publicValue));
    b.constrainInstance(out, pub, 0);
    return b.build();
  }
}
