package io.kubz.cli;

import io.kubz.cli.cluster.ClusterExecutor;
import io.kubz.field.UsageException;
import java.time.Duration;
import java.util.List;
import picocli.CommandLine.Option;

/** The options of {@code kubz prove --cluster}: whom to join and how long to wait. */
final class ClusterOptions {
  @Option(names = "--cluster", paramLabel = "HOST:PORT[,HOST:PORT...]",
      description = "Prove the slices on kubz workers (`kubz worker --join ...`): this process becomes the"
          + " coordinator, joins these members (each listed explicitly) and verifies every proof a worker returns.")
  String members;

  @Option(names = "--slice-timeout", paramLabel = "DURATION", defaultValue = "30m",
      description = "With --cluster: give a slice to another worker after this long, e.g. 90s, 10m (default: ${DEFAULT-VALUE}).")
  String sliceTimeout;

  @Option(names = "--worker-wait", paramLabel = "DURATION", defaultValue = "60s",
      description = "With --cluster: fail when no worker (that can take a slice) is there for this long (default: ${DEFAULT-VALUE}).")
  String workerWait;

  @Option(names = "--cluster-port", paramLabel = "P",
      description = "With --cluster: the port the coordinator listens on (default: 5701, or the next free).")
  int port;

  @Option(names = "--cluster-name", hidden = true, defaultValue = "kubz", description = "Cluster name (as the workers').")
  String clusterName;

  @Option(names = "--heartbeat-seconds", hidden = true, defaultValue = "10",
      description = "Seconds without heartbeat before a member is dropped.")
  int heartbeatSeconds;

  boolean enabled() {
    return members != null;
  }

  /** Joins the cluster as the coordinator (usage errors for malformed options). */
  ClusterExecutor connect() {
    Duration timeout = Durations.parse(sliceTimeout, "--slice-timeout");
    Duration wait = Durations.parse(workerWait, "--worker-wait");
    if (heartbeatSeconds < 1) {
      throw new UsageException("--heartbeat-seconds must be at least 1");
    }
    List<String> list = List.of(members.split(",")).stream().map(String::trim).filter(s -> !s.isEmpty()).toList();
    if (list.isEmpty()) {
      throw new UsageException("--cluster takes HOST:PORT[,HOST:PORT...], e.g. --cluster 127.0.0.1:5701");
    }
    return ClusterExecutor.connect(list, ClusterExecutor.Options.defaults().withClusterName(clusterName).withPort(port)
        .withHeartbeatSeconds(heartbeatSeconds).withSliceTimeout(timeout).withWorkerWait(wait));
  }

  /** Rejects cluster-only options given without --cluster. */
  void checkUnused(picocli.CommandLine.ParseResult parsed) {
    if (members == null) {
      for (String o : List.of("--slice-timeout", "--worker-wait", "--cluster-port")) {
        if (parsed.hasMatchedOption(o)) {
          throw new UsageException(o + " needs --cluster HOST:PORT");
        }
      }
    }
  }
}
