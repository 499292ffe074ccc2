package io.kubz.plonkish.ir;

import java.util.ArrayList;
import java.util.List;

/** Hands out column and challenge indices while a circuit is being configured. */
public final class ColumnAllocator {
  private final List<Integer> advicePhases = new ArrayList<>();
  private final List<Integer> challengePhases = new ArrayList<>();
  private int numFixed;
  private int numInstance;

  public Column.Advice advice(int phase) {
    advicePhases.add(phase);
    return new Column.Advice(advicePhases.size() - 1, phase);
  }

  public Column.Fixed fixed() {
    return new Column.Fixed(numFixed++);
  }

  public Column.Instance instance() {
    return new Column.Instance(numInstance++);
  }

  /** A challenge drawn once the advice of {@code phase} is committed. */
  public Expression.Challenge challenge(int phase) {
    challengePhases.add(phase);
    return new Expression.Challenge(challengePhases.size() - 1, phase);
  }

  public int[] advicePhases() {
    return advicePhases.stream().mapToInt(Integer::intValue).toArray();
  }

  public int[] challengePhases() {
    return challengePhases.stream().mapToInt(Integer::intValue).toArray();
  }

  public int numFixed() {
    return numFixed;
  }

  public int numInstance() {
    return numInstance;
  }

  public int maxAdvicePhase() {
    int p = 0;
    for (int ph : advicePhases) {
      p = Math.max(p, ph);
    }
    return p;
  }
}
