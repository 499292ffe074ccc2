package io.kubz.plonkish.ir;

/**
 * A column of the execution trace. Advice columns are private witness, committed by the prover in
 * their phase; fixed columns are part of the circuit and committed at keygen; instance columns are
 * public inputs the verifier interpolates itself.
 */
public sealed interface Column extends Comparable<Column> {

  /** Index within its kind, 0-based. */
  int index();

  /** 0 for advice, 1 for fixed, 2 for instance: the order used in canonical listings. */
  int kind();

  @Override
  default int compareTo(Column o) {
    return kind() != o.kind() ? Integer.compare(kind(), o.kind()) : Integer.compare(index(), o.index());
  }

  /** Private witness column committed after the challenges of all phases below {@code phase}. */
  record Advice(int index, int phase) implements Column {
    public Advice {
      if (index < 0 || phase < 0) {
        throw new IllegalArgumentException("negative advice index or phase");
      }
    }

    @Override
    public int kind() {
      return 0;
    }

    @Override
    public String toString() {
      return phase == 0 ? "advice" + index : "advice" + index + "@phase" + phase;
    }
  }

  /** Circuit constant column (selectors, tables, permutation polynomials). */
  record Fixed(int index) implements Column {
    public Fixed {
      if (index < 0) {
        throw new IllegalArgumentException("negative fixed index");
      }
    }

    @Override
    public int kind() {
      return 1;
    }

    @Override
    public String toString() {
      return "fixed" + index;
    }
  }

  /** Public input column. */
  record Instance(int index) implements Column {
    public Instance {
      if (index < 0) {
        throw new IllegalArgumentException("negative instance index");
      }
    }

    @Override
    public int kind() {
      return 2;
    }

    @Override
    public String toString() {
      return "instance" + index;
    }
  }
}
