package io.kubz.cli.cluster;

import io.kubz.field.KubzException;
import io.kubz.slicer.api.LoweredCost;
import io.kubz.slicer.api.ProvingSession;
import io.kubz.slicer.api.Strategy;
import io.kubz.slicer.plan.SlicePlan;
import io.kubz.slicer.quant.QuantizedGraph;
import java.util.Collection;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Re-planning before dispatch: makes every slice of a session fit at least one worker's advertised
 * capacity. A slice that fits no worker (its circuit has more rows, or its proving a larger peak,
 * than every worker takes) sends the whole model back to the budget strategy
 * ({@link Strategy#budget}) with the strongest worker's capacity as the budget, one row-power below
 * the misfit, until every slice fits; the session is then set up again (compile, keygen) for the new
 * plan. Bounded: the row budget drops by at least one power per round and stops at the budget
 * strategy's minimum, 2^{@value #MIN_ROWS_LOG2}. A plan the user saved ({@code --plan}) is never
 * changed: a misfit is an error that says how to re-slice it.
 */
public final class Replan {
  /** The budget strategy's smallest row budget (log2). */
  static final int MIN_ROWS_LOG2 = 4;

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
      return session.description(i).k();
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
    S s = first;
    int previous = Integer.MAX_VALUE;
    while (true) {
      int misfit = misfit(s, workers);
      if (misfit < 0) {
        return s;
      }
      int k = s.k(misfit);
      String what = "slice " + s.plan().slices().get(misfit).id() + " (2^" + k + " rows, about "
          + mib(s.peakBytes(misfit)) + " MiB to prove) fits no worker (the largest takes 2^" + best.maxRowsLog2()
          + " rows and " + mib(best.maxMemoryBytes()) + " MiB)";
      if (savedPlan) {
        throw new ClusterException(what + ": re-slice with `kubz slice --max-rows " + best.maxRowsLog2()
            + "` (or prove without --plan, so that kubz re-plans for the workers), or start a worker with"
            + " --max-rows " + k + " and enough --max-memory");
      }
      int target = Math.min(previous - 1, Math.min(best.maxRowsLog2(), k - 1));
      if (target < MIN_ROWS_LOG2) {
        throw new ClusterException(what + ", and slices cannot be cut below 2^" + MIN_ROWS_LOG2
            + " rows: start a worker with --max-rows " + k + " and enough --max-memory");
      }
      S next;
      try {
        SlicePlan p = Strategy.budget(target, best.maxMemoryBytes()).plan(q.graph(), new LoweredCost(q));
        note.accept(what + ": re-planned with the budget strategy at 2^" + target + " rows into "
            + p.slices().size() + " slices");
        next = setup.apply(p);
      } catch (KubzException e) {
        throw new ClusterException(what + "; cutting the model into slices of at most 2^" + target
            + " rows failed: " + e.getMessage() + " -- or start a worker with --max-rows " + k);
      }
      s = next;
      previous = target;
    }
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
