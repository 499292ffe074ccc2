package io.kubz.merkle;

/** Where this module's independent hashing work is spread over threads. */
final class Chunks {
  interface Body {
    void run(int from, int to);
  }

  private Chunks() {}

  /** Runs body over [0, n) split into ranges; sequential until io.kubz.field.Parallel lands. */
  static void run(int n, Body body) {
    body.run(0, n);
  }
}
