package io.kubz.cli.cluster;

import com.hazelcast.cluster.Member;
import com.hazelcast.core.HazelcastInstanceNotActiveException;
import com.hazelcast.core.IExecutorService;
import com.hazelcast.core.MemberLeftException;
import com.hazelcast.spi.exception.TargetNotMemberException;
import io.kubz.cli.cluster.ClusterExecutor.Outcome;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/**
 * One run of jobs on the workers. Every iteration: refresh the worker list (late joiners get work,
 * departed ones are dropped), collect finished attempts (verify, accept or requeue), cancel attempts
 * past the slice timeout, then give the largest waiting jobs to the strongest idle workers (one job
 * per worker at a time). Bounded: each attempt by the slice timeout, each job by maxAttempts, and
 * every wait for a usable worker by workerWait.
 */
final class Dispatch {
  private static final int FAILURES_TO_BAN = 3;
  private static final long TICK_NANOS = TimeUnit.MILLISECONDS.toNanos(5);

  private record Attempt(ClusterJob job, Member member, Future<WorkResult> future, long sentNanos) {}

  private static final class Worker {
    final Member member;
    final Capacity capacity;
    int failuresInARow;
    boolean banned;
    int done;
    Attempt current;

    Worker(Member m, Capacity c) {
      member = m;
      capacity = c;
    }

    String name() {
      return member.getAddress().getHost() + ":" + member.getAddress().getPort();
    }
  }

  private final ClusterExecutor cluster;
  private final IExecutorService executor;
  private final List<ClusterJob> jobs;
  private final ClusterExecutor.Verifier verifier;
  private final ClusterExecutor.Listener listener;
  private final Outcome[] outcomes;
  private final int[] attempts;
  private final String[] lastError;
  private final List<Set<UUID>> refused = new ArrayList<>();
  private final List<ClusterJob> waiting = new ArrayList<>();
  private final Map<UUID, Worker> workers = new LinkedHashMap<>();
  private final Set<UUID> gone = new HashSet<>();
  private final BlockingQueue<Boolean> wakeups = new LinkedBlockingQueue<>();
  private long stuckSince = -1;

  Dispatch(ClusterExecutor cluster, List<ClusterJob> jobs, ClusterExecutor.Verifier verifier,
      ClusterExecutor.Listener listener) {
    this.cluster = cluster;
    this.executor = cluster.hazelcast().getExecutorService(Members.EXECUTOR);
    this.jobs = List.copyOf(jobs);
    this.verifier = verifier;
    this.listener = listener;
    this.outcomes = new Outcome[jobs.size()];
    this.attempts = new int[jobs.size()];
    this.lastError = new String[jobs.size()];
    for (int i = 0; i < jobs.size(); i++) {
      if (jobs.get(i).id() != i) {
        throw new IllegalArgumentException("job ids must be 0..n-1 in order; job " + i + " has id " + jobs.get(i).id());
      }
      refused.add(new HashSet<>());
    }
    waiting.addAll(jobs);
    waiting.sort(Comparator.comparingInt(ClusterJob::rowsLog2).thenComparingLong(ClusterJob::peakBytes).reversed()
        .thenComparingInt(ClusterJob::id));
  }

  List<Outcome> run() {
    int remaining = jobs.size();
    try {
      while (remaining > 0) {
        refreshWorkers();
        remaining -= collect();
        if (remaining == 0) {
          break;
        }
        assign();
        checkStuck();
        sleepTick();
      }
    } finally {
      for (Worker w : workers.values()) {
        if (w.current != null) {
          w.current.future().cancel(true);
        }
      }
    }
    return Arrays.asList(outcomes);
  }

  private void refreshWorkers() {
    Map<UUID, Capacity> now = new HashMap<>();
    for (Map.Entry<Member, Capacity> e : cluster.workers().entrySet()) {
      now.put(e.getKey().getUuid(), e.getValue());
      if (!workers.containsKey(e.getKey().getUuid()) && !gone.contains(e.getKey().getUuid())) {
        workers.put(e.getKey().getUuid(), new Worker(e.getKey(), e.getValue()));
      }
    }
    boolean lost = false;
    for (Iterator<Worker> it = workers.values().iterator(); it.hasNext();) {
      Worker w = it.next();
      if (!now.containsKey(w.member.getUuid()) && w.current == null) {
        gone.add(w.member.getUuid());
        it.remove();
        lost = true;
      }
    }
    if (lost) {
      cluster.republish();
    }
  }

  /** Handles finished and timed-out attempts; returns how many jobs were accepted. */
  private int collect() {
    int accepted = 0;
    long timeout = cluster.options().sliceTimeout().toNanos();
    for (Worker w : List.copyOf(workers.values())) {
      Attempt a = w.current;
      if (a == null) {
        continue;
      }
      if (!a.future().isDone()) {
        if (System.nanoTime() - a.sentNanos() > timeout) {
          a.future().cancel(true);
          w.current = null;
          fail(w, a.job(), "timed out after " + cluster.options().sliceTimeout().toSeconds() + " s", true);
        }
        continue;
      }
      w.current = null;
      long received = System.nanoTime();
      WorkResult r;
      try {
        r = a.future().get();
      } catch (ExecutionException | RuntimeException e) {
        failed(w, a.job(), e);
        continue;
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new ClusterException("interrupted while waiting for workers");
      }
      long v0 = System.nanoTime();
      boolean ok = r != null && r.bytes() != null && safeAccept(a.job(), r.bytes());
      long verify = System.nanoTime() - v0;
      if (!ok) {
        fail(w, a.job(), "returned an invalid result", true);
        continue;
      }
      w.failuresInARow = 0;
      w.done++;
      int id = a.job().id();
      outcomes[id] = new Outcome(id, r.bytes(), w.name(), attempts[id], received - a.sentNanos(), r.nanos(), verify);
      listener.finished(id, w.name(), r.nanos());
      accepted++;
    }
    return accepted;
  }

  private boolean safeAccept(ClusterJob job, byte[] result) {
    try {
      return verifier.accept(job, result);
    } catch (RuntimeException e) {
      return false;
    }
  }

  private void failed(Worker w, ClusterJob job, Exception e) {
    Throwable c = e;
    while (c != null) {
      if (c instanceof MemberLeftException || c instanceof TargetNotMemberException
          || c instanceof HazelcastInstanceNotActiveException) {
        gone.add(w.member.getUuid());
        workers.remove(w.member.getUuid());
        cluster.republish();
        fail(w, job, "left the cluster", false);
        return;
      }
      if (c instanceof CapacityException) {
        refused.get(job.id()).add(w.member.getUuid());
        attempts[job.id()]--;
        fail(w, job, "has no capacity for it: " + c.getMessage(), false);
        return;
      }
      c = c.getCause();
    }
    Throwable root = e instanceof ExecutionException && e.getCause() != null ? e.getCause() : e;
    fail(w, job, "failed: " + root, true);
  }

  private void fail(Worker w, ClusterJob job, String reason, boolean countsAgainstWorker) {
    lastError[job.id()] = "worker " + w.name() + " " + reason;
    listener.rejected(job.id(), w.name(), reason);
    if (countsAgainstWorker && ++w.failuresInARow >= FAILURES_TO_BAN) {
      w.banned = true;
      listener.rejected(job.id(), w.name(), "failed " + FAILURES_TO_BAN + " jobs in a row: no more work this run");
    }
    if (attempts[job.id()] >= cluster.options().maxAttempts()) {
      throw new ClusterException("slice " + job.id() + " failed on " + attempts[job.id()] + " attempts; last: "
          + lastError[job.id()]);
    }
    waiting.add(job);
    waiting.sort(Comparator.comparingInt(ClusterJob::rowsLog2).thenComparingLong(ClusterJob::peakBytes).reversed()
        .thenComparingInt(ClusterJob::id));
  }

  private void assign() {
    List<Worker> idle = new ArrayList<>();
    for (Worker w : workers.values()) {
      if (!w.banned && w.current == null && !gone.contains(w.member.getUuid())) {
        idle.add(w);
      }
    }
    idle.sort((a, b) -> {
      int c = a.capacity.compareStrength(b.capacity);
      return c != 0 ? c : Integer.compare(a.done, b.done);
    });
    for (Iterator<ClusterJob> it = waiting.iterator(); it.hasNext() && !idle.isEmpty();) {
      ClusterJob j = it.next();
      Worker pick = null;
      for (Worker w : idle) {
        if (w.capacity.fits(j) && !refused.get(j.id()).contains(w.member.getUuid())) {
          pick = w;
          break;
        }
      }
      if (pick == null) {
        continue;
      }
      it.remove();
      idle.remove(pick);
      attempts[j.id()]++;
      long sent = System.nanoTime();
      Future<WorkResult> f = executor.submitToMember(new WorkTask(j), pick.member);
      pick.current = new Attempt(j, pick.member, f, sent);
      if (f instanceof CompletionStage<?> cs) {
        cs.whenComplete((r, e) -> wakeups.offer(Boolean.TRUE)); // collect at once, not at the next tick
      }
      listener.started(j.id(), pick.name(), attempts[j.id()]);
    }
  }

  /** Fails the run when waiting jobs have had no usable worker for longer than workerWait. */
  private void checkStuck() {
    boolean busy = workers.values().stream().anyMatch(w -> w.current != null);
    if (waiting.isEmpty() || busy) {
      stuckSince = -1;
      return;
    }
    long now = System.nanoTime();
    if (stuckSince < 0) {
      stuckSince = now;
      return;
    }
    if (now - stuckSince < cluster.options().workerWait().toNanos()) {
      return;
    }
    long secs = cluster.options().workerWait().toSeconds();
    long usable = workers.values().stream().filter(w -> !w.banned).count();
    if (workers.isEmpty()) {
      throw new ClusterException(ClusterExecutor.noWorkers(cluster.options().workerWait(), cluster.address()));
    }
    if (usable == 0) {
      throw new ClusterException("every worker was dropped after " + FAILURES_TO_BAN
          + " failures in a row (last: " + lastError[waiting.get(0).id()] + "); start healthy workers and retry");
    }
    ClusterJob j = waiting.get(0);
    throw new ClusterException("no worker can take slice " + j.id() + " (2^" + j.rowsLog2() + " rows, "
        + j.peakBytes() / (1 << 20) + " MiB) within " + secs + " s: start a worker with a larger --max-rows /"
        + " --max-memory, or re-plan with smaller slices (--max-rows)");
  }

  private void sleepTick() {
    try {
      if (wakeups.poll(TICK_NANOS, TimeUnit.NANOSECONDS) != null) {
        wakeups.clear();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new ClusterException("interrupted while waiting for workers");
    }
  }
}
