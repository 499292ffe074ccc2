package io.kubz.bench.peers;

import static io.kubz.plonkish.builder.CircuitBuilder.query;

import io.kubz.field.Fr;
import io.kubz.plonkish.builder.AssignedCell;
import io.kubz.plonkish.builder.Circuit;
import io.kubz.plonkish.builder.CircuitBuilder;
import io.kubz.plonkish.builder.Selector;
import io.kubz.plonkish.ir.CircuitDescription;
import io.kubz.plonkish.ir.Column;

/**
 * bench/peers/chain.circom in kubz's plonkish front end: x_{i+1} = x_i·b + i with x_0 and b private
 * and the last x public, on 2^k rows. As in the circom version b is a witness, not a constant:
 * advice columns x and b, a fixed column c = i, and on each step row the two constraints
 * {@code x' − x·b − c = 0} and {@code b' − b = 0}.
 */
final class ChainCircuit {
  private ChainCircuit() {}

  /** The most steps that fit 2^k rows next to the rows reserved for blinding (x and b are queried at 0 and 1). */
  static int stepsFor(int k) {
    return (1 << k) - CircuitDescription.blindingFor(2) - 2;
  }

  static Circuit build(int steps, Fr x0, Fr bValue) {
    CircuitBuilder cb = new CircuitBuilder();
    Column.Advice x = cb.advice();
    Column.Advice b = cb.advice();
    Column.Fixed c = cb.fixed();
    Column.Instance out = cb.instance();
    Selector s = cb.selector();
    cb.gate("chain",
        s.expr().mul(query(x, 1).sub(query(x).mul(query(b))).sub(query(c))),
        s.expr().mul(query(b, 1).sub(query(b))));
    AssignedCell last = cb.region("chain", r -> {
      Fr v = x0;
      AssignedCell cell = r.assignAdvice(x, 0, v);
      r.assignAdvice(b, 0, bValue);
      for (int i = 0; i < steps; i++) {
        r.enable(s, i);
        Fr fi = Fr.of(i);
        r.assignFixed(c, i, fi);
        v = v.mul(bValue).add(fi);
        cell = r.assignAdvice(x, i + 1, v);
        r.assignAdvice(b, i + 1, bValue);
      }
      return cell;
    });
    cb.setInstance(out, 0, last.value());
    cb.constrainInstance(last, out, 0);
    return cb.build();
  }
}
