package io.kubz.plonkish.ir;

/**
 * What an argument knows when it is configured at compile time: the domain size 2^k, the number of
 * blinding rows (rows u = n − blinding − 1 onward are reserved), the last phase of the circuit's
 * own advice columns (an argument draws its challenges there and commits its helper columns in the
 * phase after) and the circuit's largest gate degree.
 */
public record ArgumentContext(int k, int blinding, int lastCircuitPhase, int circuitDegree) {

  /** Configures an argument: allocates its columns and challenges and returns it. */
  @FunctionalInterface
  public interface Factory {
    Argument configure(ColumnAllocator alloc, ArgumentContext ctx);
  }
}
