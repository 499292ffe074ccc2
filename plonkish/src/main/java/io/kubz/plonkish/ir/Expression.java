package io.kubz.plonkish.ir;

import io.kubz.field.Fr;
import java.util.Set;

/**
 * A multivariate polynomial over the cells of the trace, constrained to vanish on every row. Leaves
 * are constants, cells at a rotation (row offset, wrapping around the 2^k rows), verifier challenges
 * and the few domain polynomials the arguments need; inner nodes are sum, product, negation and
 * scaling by a constant.
 */
public sealed interface Expression {

  /** Degree as a polynomial in the column polynomials (cells and domain leaves count 1). */
  int degree();

  /** Folds the tree bottom-up. */
  <T> T evaluate(Evaluator<T> e);

  /** Adds every cell this expression reads to {@code out}. */
  void collectCells(Set<Cell> out);

  default Expression add(Expression o) {
    return new Sum(this, o);
  }

  default Expression sub(Expression o) {
    return new Sum(this, new Negated(o));
  }

  default Expression mul(Expression o) {
    return new Product(this, o);
  }

  default Expression neg() {
    return new Negated(this);
  }

  default Expression scale(Fr factor) {
    return new Scaled(this, factor);
  }

  default Expression add(long c) {
    return new Sum(this, constant(c));
  }

  default Expression mul(long c) {
    return new Scaled(this, Fr.of(c));
  }

  static Expression constant(long c) {
    return new Constant(Fr.of(c));
  }

  static Expression constant(Fr c) {
    return new Constant(c);
  }

  /**
   * The same fold as {@link #evaluate}, walked with an explicit stack instead of the call stack, so
   * that a tree of any depth (one read from untrusted bytes, or a long chain of sums) cannot
   * overflow it. Children are folded left before right, as {@link #evaluate} does.
   */
  static <T> T fold(Expression root, Evaluator<T> e) {
    java.util.ArrayDeque<Expression> todo = new java.util.ArrayDeque<>();
    java.util.ArrayList<Object> done = new java.util.ArrayList<>(); // values may be null
    java.util.ArrayDeque<Boolean> expanded = new java.util.ArrayDeque<>();
    todo.push(root);
    expanded.push(false);
    while (!todo.isEmpty()) {
      Expression x = todo.pop();
      boolean ready = expanded.pop();
      if (!ready && (x instanceof Sum || x instanceof Product || x instanceof Negated || x instanceof Scaled)) {
        // post-order: the node again (children ready), then b, then a on top
        todo.push(x);
        expanded.push(true);
        if (x instanceof Sum s) {
          todo.push(s.b());
          expanded.push(false);
          todo.push(s.a());
        } else if (x instanceof Product p) {
          todo.push(p.b());
          expanded.push(false);
          todo.push(p.a());
        } else if (x instanceof Negated n) {
          todo.push(n.a());
        } else {
          todo.push(((Scaled) x).a());
        }
        expanded.push(false);
        continue;
      }
      done.add(step(x, e, done));
    }
    @SuppressWarnings("unchecked")
    T out = (T) done.get(0);
    return out;
  }

  /** One node of {@link #fold}: its children's values are last in {@code done} (b after a). */
  @SuppressWarnings("unchecked")
  private static <T> Object step(Expression x, Evaluator<T> e, java.util.ArrayList<Object> done) {
    if (x instanceof Constant c) {
      return e.constant(c.value());
    } else if (x instanceof Cell c) {
      return e.cell(c.column(), c.rotation());
    } else if (x instanceof Challenge c) {
      return e.challenge(c.index());
    } else if (x instanceof Domain d) {
      return e.domain(d.poly());
    } else if (x instanceof Sum) {
      T b = (T) done.remove(done.size() - 1);
      return e.sum((T) done.remove(done.size() - 1), b);
    } else if (x instanceof Product) {
      T b = (T) done.remove(done.size() - 1);
      return e.product((T) done.remove(done.size() - 1), b);
    } else if (x instanceof Negated) {
      return e.negated((T) done.remove(done.size() - 1));
    } else {
      return e.scaled((T) done.remove(done.size() - 1), ((Scaled) x).factor());
    }
  }

  /** Bottom-up fold of an expression tree into values of type T. */
  interface Evaluator<T> {
    T constant(Fr value);

    T cell(Column column, int rotation);

    T challenge(int index);

    T domain(DomainPoly poly);

    T sum(T a, T b);

    T product(T a, T b);

    T negated(T a);

    T scaled(T a, Fr factor);
  }

  /** Polynomials fixed by the domain alone; the verifier evaluates them itself. */
  enum DomainPoly {
    /** X itself: ω^i on row i. */
    X,
    /** L_0: 1 on row 0, else 0. */
    FIRST,
    /** L_u: 1 on the last usable row u, else 0. */
    LAST,
    /** Σ L_i over the blinding rows u+1..n-1. */
    BLIND
  }

  record Constant(Fr value) implements Expression {
    @Override
    public int degree() {
      return 0;
    }

    @Override
    public <T> T evaluate(Evaluator<T> e) {
      return e.constant(value);
    }

    @Override
    public void collectCells(Set<Cell> out) {}

    @Override
    public String toString() {
      return value.toString();
    }
  }

  /** The value of {@code column} at row (current + rotation) mod 2^k. */
  record Cell(Column column, int rotation) implements Expression {
    @Override
    public int degree() {
      return 1;
    }

    @Override
    public <T> T evaluate(Evaluator<T> e) {
      return e.cell(column, rotation);
    }

    @Override
    public void collectCells(Set<Cell> out) {
      out.add(this);
    }

    @Override
    public String toString() {
      return rotation == 0 ? column.toString() : column + "[" + (rotation > 0 ? "+" : "") + rotation + "]";
    }
  }

  /** Verifier challenge number {@code index}, drawn after the advice of phase {@code phase}. */
  record Challenge(int index, int phase) implements Expression {
    @Override
    public int degree() {
      return 0;
    }

    @Override
    public <T> T evaluate(Evaluator<T> e) {
      return e.challenge(index);
    }

    @Override
    public void collectCells(Set<Cell> out) {}

    @Override
    public String toString() {
      return "challenge" + index;
    }
  }

  record Domain(DomainPoly poly) implements Expression {
    @Override
    public int degree() {
      return 1;
    }

    @Override
    public <T> T evaluate(Evaluator<T> e) {
      return e.domain(poly);
    }

    @Override
    public void collectCells(Set<Cell> out) {}

    @Override
    public String toString() {
      return poly.name();
    }
  }

  record Sum(Expression a, Expression b) implements Expression {
    @Override
    public int degree() {
      return Math.max(a.degree(), b.degree());
    }

    @Override
    public <T> T evaluate(Evaluator<T> e) {
      return e.sum(a.evaluate(e), b.evaluate(e));
    }

    @Override
    public void collectCells(Set<Cell> out) {
      a.collectCells(out);
      b.collectCells(out);
    }

    @Override
    public String toString() {
      return "(" + a + " + " + b + ")";
    }
  }

  record Product(Expression a, Expression b) implements Expression {
    @Override
    public int degree() {
      return a.degree() + b.degree();
    }

    @Override
    public <T> T evaluate(Evaluator<T> e) {
      return e.product(a.evaluate(e), b.evaluate(e));
    }

    @Override
    public void collectCells(Set<Cell> out) {
      a.collectCells(out);
      b.collectCells(out);
    }

    @Override
    public String toString() {
      return a + "·" + b;
    }
  }

  record Negated(Expression a) implements Expression {
    @Override
    public int degree() {
      return a.degree();
    }

    @Override
    public <T> T evaluate(Evaluator<T> e) {
      return e.negated(a.evaluate(e));
    }

    @Override
    public void collectCells(Set<Cell> out) {
      a.collectCells(out);
    }

    @Override
    public String toString() {
      return "-" + a;
    }
  }

  record Scaled(Expression a, Fr factor) implements Expression {
    @Override
    public int degree() {
      return a.degree();
    }

    @Override
    public <T> T evaluate(Evaluator<T> e) {
      return e.scaled(a.evaluate(e), factor);
    }

    @Override
    public void collectCells(Set<Cell> out) {
      a.collectCells(out);
    }

    @Override
    public String toString() {
      return factor + "·" + a;
    }
  }
}
