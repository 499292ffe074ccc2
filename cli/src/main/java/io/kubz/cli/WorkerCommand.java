package io.kubz.cli;

import io.kubz.cli.cluster.Capacity;
import io.kubz.cli.cluster.WorkerNode;
import io.kubz.field.Parallel;
import io.kubz.field.UsageException;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code kubz worker}: a long-running cluster member that proves the slices a coordinator sends. */
@Command(name = "worker", mixinStandardHelpOptions = true,
    description = {"Joins a kubz cluster and proves the slices the coordinator (`kubz prove --cluster`) sends,",
      "one at a time, advertising its capacity; the coordinator verifies every proof it returns.",
      "Runs until stopped (Ctrl-C).", "",
      "Examples:",
      "  kubz worker --join 10.0.0.5:5701                       join the coordinator at 10.0.0.5",
      "  kubz worker --join 10.0.0.5:5701,10.0.0.6:5701 --port 5702 --threads 4 --max-rows 18 --max-memory 8G"})
final class WorkerCommand implements Callable<Integer> {
  @Spec picocli.CommandLine.Model.CommandSpec spec;

  @Option(names = "--join", required = true, paramLabel = "HOST:PORT[,HOST:PORT...]",
      description = "Members to join (the coordinator and/or other workers), each listed explicitly.")
  String join;

  @Option(names = "--port", paramLabel = "P", description = "Port to listen on (default: 5701, or the next free).")
  int port;

  @Option(names = "--threads", paramLabel = "N", description = "Threads to prove one slice with (default: all cores).")
  int threads = Runtime.getRuntime().availableProcessors();

  @Option(names = "--max-rows", paramLabel = "K", description = "Largest slice accepted, as log2 of rows (default: 26).")
  int maxRows = 26;

  @Option(names = "--max-memory", paramLabel = "SIZE",
      description = "Memory for proving, e.g. 4G (default: this JVM's maximum heap).")
  String maxMemory;

  @Option(names = "--cluster-name", hidden = true, description = "Cluster name (must match the coordinator's).")
  String clusterName = "kubz";

  @Option(names = "--heartbeat-seconds", hidden = true, description = "Seconds without heartbeat before a member is dropped.")
  int heartbeatSeconds = 10;

  @Option(names = "--max-lifetime", hidden = true, description = "Exit after this many seconds (0: never; for tests).")
  long maxLifetime;

  @Override
  public Integer call() throws InterruptedException {
    if (threads < 1 || maxRows < 1 || maxRows > 40) {
      throw new UsageException("--threads takes 1 or more and --max-rows 1..40; got " + threads + " and " + maxRows);
    }
    long memory = maxMemory == null ? Runtime.getRuntime().maxMemory() : Sizes.parse(maxMemory, "--max-memory");
    boolean corrupt = "1".equals(System.getenv(WorkerNode.CORRUPT_ENV));
    Parallel.setThreads(threads);
    PrintWriter out = spec.commandLine().getOut();
    Capacity cap = new Capacity(threads, maxRows, memory);
    WorkerNode node = WorkerNode.start(clusterName, join, port, heartbeatSeconds, cap, corrupt, s -> {
      out.println(s);
      out.flush();
    });
    Thread hook = new Thread(node::close, "kubz-worker-shutdown");
    Runtime.getRuntime().addShutdownHook(hook);
    try {
      out.println("kubz worker " + node.address() + " joined a cluster of " + node.clusterSize() + " members; "
          + cap.threads() + " threads, slices up to 2^" + cap.maxRowsLog2() + " rows, " + (memory >> 20) + " MiB"
          + (corrupt ? " [TEST FAULT SWITCH: corrupting every result]" : ""));
      out.flush();
      node.await(maxLifetime);
      return 0;
    } finally {
      node.close();
      try {
        Runtime.getRuntime().removeShutdownHook(hook);
      } catch (IllegalStateException e) {
        // the JVM is already shutting down: the hook closes the node
      }
    }
  }
}
