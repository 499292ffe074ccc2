package io.kubz.slicer.exec;

import java.util.List;

/**
 * Where slice proofs are computed: {@link LocalExecutor} on this machine's cores; a cluster
 * executor (issue 11) sends the same jobs to workers. Implementations must not start a job whose
 * {@link SliceJob#peakBytes()} does not fit the memory they have, and must return one result per
 * job, in job order, or throw.
 */
public interface SliceExecutor {

  /**
   * Proves every job.
   *
   * @param local proves a job in this process (the local executor uses it; a cluster executor may
   *     use it as a fallback or to check results)
   * @param listener told when each slice starts and ends (called from worker threads)
   */
  List<SliceResult> execute(List<SliceJob> jobs, SliceProver local, Listener listener);

  /** Slice-level progress events. */
  interface Listener {
    Listener NONE = new Listener() {};

    default void started(int sliceId, String worker) {}

    default void finished(int sliceId, String worker, long nanos) {}
  }
}
