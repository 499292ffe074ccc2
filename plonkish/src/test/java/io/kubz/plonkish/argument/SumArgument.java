package io.kubz.plonkish.argument;

import io.kubz.field.Fr;
import io.kubz.plonkish.ir.Argument;
import io.kubz.plonkish.ir.ArgumentContext;
import io.kubz.plonkish.ir.Column;
import io.kubz.plonkish.ir.ColumnAllocator;
import io.kubz.plonkish.ir.Expression;
import io.kubz.plonkish.ir.Expression.DomainPoly;
import io.kubz.plonkish.ir.Gate;
import io.kubz.plonkish.ir.Trace;
import java.util.List;

/**
 * A toy argument written only against the seam, the way logUp will be: Σ_{i&lt;u} (a_i + r) equals a
 * claimed total + u·r, with r a challenge drawn after the circuit's advice and a running sum S
 * committed in the next phase: S_0 = 0, S_{i+1} = S_i + a_i + r, S_u = total + u·r.
 */
final class SumArgument implements Argument {
  private final Column.Advice a;
  private final Column.Advice sum;
  private final Expression.Challenge r;
  private final List<Gate> gates;

  private SumArgument(Column.Advice a, Column.Advice sum, Expression.Challenge r, Fr total, int usable) {
    this.a = a;
    this.sum = sum;
    this.r = r;
    Expression s = new Expression.Cell(sum, 0);
    Expression active = Expression.constant(1).sub(new Expression.Domain(DomainPoly.LAST))
        .sub(new Expression.Domain(DomainPoly.BLIND));
    Expression end = Expression.constant(total).add(r.mul(usable));
    this.gates = List.of(
        new Gate("sum starts at 0", List.of(new Expression.Domain(DomainPoly.FIRST).mul(s))),
        new Gate("sum steps", List.of(active.mul(new Expression.Cell(sum, 1).sub(s).sub(new Expression.Cell(a, 0)).sub(r)))),
        new Gate("sum ends at the total", List.of(new Expression.Domain(DomainPoly.LAST).mul(s.sub(end)))));
  }

  static ArgumentContext.Factory over(Column.Advice a, Fr total) {
    return (ColumnAllocator alloc, ArgumentContext ctx) -> {
      Expression.Challenge r = alloc.challenge(ctx.lastCircuitPhase());
      Column.Advice sum = alloc.advice(ctx.lastCircuitPhase() + 1);
      return new SumArgument(a, sum, r, total, (1 << ctx.k()) - ctx.blinding() - 1);
    };
  }

  @Override
  public String name() {
    return "sum";
  }

  @Override
  public List<Gate> gates() {
    return gates;
  }

  @Override
  public void fillFixed(long[][] fixed) {}

  @Override
  public List<Column.Advice> columns() {
    return List.of(sum);
  }

  @Override
  public void fill(int phase, Trace trace, Fr[] challenges) {
    if (phase != sum.phase()) {
      return;
    }
    long[] s = trace.advice()[sum.index()];
    long[] v = trace.advice()[a.index()];
    long[] rl = new long[4];
    challenges[r.index()].writeTo(rl, 0);
    Fr.setZero(s, 0);
    for (int i = 0; i < trace.usable(); i++) {
      Fr.add(s, 4 * (i + 1), s, 4 * i, v, 4 * i);
      Fr.add(s, 4 * (i + 1), s, 4 * (i + 1), rl, 0);
    }
  }
}
