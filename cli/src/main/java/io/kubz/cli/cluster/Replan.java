package io.kubz.cli.cluster;

import io.kubz.field.KubzException;
import io.kubz.slicer.api.LoweredCost;
import io.kubz.slicer.api.ProvingSession;
import io.kubz.slicer.api.Strategy;
import io.kubz.slicer.plan.SlicePlan;
import io.kubz.slicer.quant.QuantizedGraph;
import java.util.Collection;
import java.util.HashSet;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Re-planning before dispatch: makes every slice of a session fit at least one worker's advertised
 * capacity. A slice that fits no worker (its circuit has more rows, or its proving a larger peak,
 * than every worker takes) sends the whole model back to the budget strategy
 * ({@link Strategy#budget}) with the strongest worker's capacity as the budget (or the next powers
 * below the misfit, since the cost model over-estimates, then the per-layer plan), and the new plan
 * is set up (compile, keygen) and checked with its real sizes, until every slice fits. Bounded: each
 * round tries a plan not tried before, at most {@value #MAX_ROUNDS} rounds, never below the budget
 * strategy's minimum 2^{@value #MIN_ROWS_LOG2}. A plan the user saved ({@code --plan}) is never
 * changed: a misfit is an error that says how to re-slice it.
 */
public final class Replan {
  /** The budget strategy's smallest row budget (log2). */
  static final int MIN_ROWS_LOG2 = 4;
  /** Set-ups (compile and keygen) tried at most before giving up. */
  static final int MAX_ROUNDS = 4;

  private Replan() {}

  /** A plan set up far enough to know each slice's circuit size and proving peak. */
  public interface Sized {
    SlicePlan plan();

    /** log2 of the rows of slice i's circuit. */
    int k(int i);

    /** Estimated peak heap of proving slice i. */
    long peakBytes(int i);
  }

  /** A {@link ProvingSession} seen as {@link Sized}. */
  public record Session(ProvingSession session) implements Sized {
    @Override
    public SlicePlan plan() {
      return session.plan();
    }

    @Override
    public int k(int i) {
      return session.k(i);
    }

    @Override
    public long peakBytes(int i) {
      return session.peakBytes(i);
    }
  }

  /**
   * {@code first} itself when every slice fits some worker, else the set-up budget plan that does.
   *
   * @param q the quantized model the plans cut
   * @param savedPlan whether the plan was given by the user (then it is not changed)
   * @param workers the workers' advertised capacities (not empty)
   * @param setup sets up a plan of {@code q} (for a session: compile and keygen)
   * @param note told (one line) when the model is re-planned
   * @throws ClusterException when no plan within the budget strategy fits any worker
   */
  public static <S extends Sized> S fit(S first, QuantizedGraph q, boolean savedPlan, Collection<Capacity> workers,
      Function<SlicePlan, S> setup, Consumer<String> note) {
    if (workers.isEmpty()) {
      throw new IllegalArgumentException("no workers to plan for");
    }
    Capacity best = workers.stream().sorted(Capacity::compareStrength).findFirst().orElseThrow();
    Set<String> tried = new HashSet<>();
    tried.add(first.plan().toJson());
    S s = first;
    for (int round = 0; ; round++) {
      int misfit = misfit(s, workers);
      if (misfit < 0) {
        return s;
      }
      int k = s.k(misfit);
      String what = "slice " + s.plan().slices().get(misfit).id() + " (2^" + k + " rows, about "
          + mib(s.peakBytes(misfit)) + " MiB to prove) fits no worker (the largest takes 2^" + best.maxRowsLog2()
          + " rows and " + mib(best.maxMemoryBytes()) + " MiB)";
      String start = " start a worker with --max-rows " + k + " and enough --max-memory";
      if (savedPlan) {
        throw new ClusterException(what + ": re-slice with `kubz slice --max-rows " + best.maxRowsLog2()
            + "` (or prove without --plan, so that kubz re-plans for the workers), or" + start);
      }
      if (k - 1 < MIN_ROWS_LOG2 || round == MAX_ROUNDS) {
        throw new ClusterException(what + (round == MAX_ROUNDS ? " after " + round + " re-plans" : "")
            + ", and slices cannot be cut smaller:" + start);
      }
      SlicePlan p = candidate(q, best, k - 1, tried);
      if (p == null) {
        throw new ClusterException(what + "; no budget plan of at most 2^" + (k - 1) + " rows (nor the per-layer"
            + " plan) was left to try:" + start);
      }
      tried.add(p.toJson());
      note.accept(what + ": re-planned (" + p.strategy() + ") into " + p.slices().size() + " slices");
      try {
        s = setup.apply(p);
      } catch (KubzException e) {
        throw new ClusterException(what + "; the re-planned model (" + p.strategy() + ") could not be set up: "
            + e.getMessage() + " -- or" + start);
      }
    }
  }

  /**
   * The next plan to try: the budget strategy at the strongest worker's rows, or (since the cost
   * model over-estimates rows, so a budget can refuse an operation that compiles smaller) at the
   * next powers up to {@code ceiling}; then the per-layer plan, the finest that needs no split.
   * Plans already tried are skipped; null when none is left.
   */
  private static SlicePlan candidate(QuantizedGraph q, Capacity best, int ceiling, Set<String> tried) {
    LoweredCost cost = new LoweredCost(q);
    for (int t = Math.max(MIN_ROWS_LOG2, Math.min(best.maxRowsLog2(), ceiling)); t <= ceiling; t++) {
      try {
        SlicePlan p = Strategy.budget(t, best.maxMemoryBytes()).plan(q.graph(), cost);
        if (!tried.contains(p.toJson())) {
          return p;
        }
      } catch (KubzException e) {
        // a single operation's estimate exceeds 2^t rows: try the next power
      }
    }
    SlicePlan p = Strategy.perLayer().plan(q.graph(), cost);
    return tried.contains(p.toJson()) ? null : p;
  }

  /** The index of the first slice no worker can take, or -1. */
  static int misfit(Sized s, Collection<Capacity> workers) {
    for (int i = 0; i < s.plan().slices().size(); i++) {
      int k = s.k(i);
      long peak = s.peakBytes(i);
      if (workers.stream().noneMatch(w -> w.fits(k, peak))) {
        return i;
      }
    }
    return -1;
  }

  private static long mib(long bytes) {
    return (bytes + (1 << 20) - 1) >> 20;
  }
}
