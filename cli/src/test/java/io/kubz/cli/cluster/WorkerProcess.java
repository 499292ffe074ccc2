package io.kubz.cli.cluster;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** A {@code kubz worker} in its own JVM, started from the test classpath; always destroyed by the test. */
final class WorkerProcess implements AutoCloseable {
  final Process process;
  final Path log;
  final int port;

  private WorkerProcess(Process p, Path log, int port) {
    this.process = p;
    this.log = log;
    this.port = port;
  }

  static WorkerProcess start(String cluster, int joinPort, int port, boolean corrupt) throws IOException {
    return start(cluster, joinPort, port, corrupt, List.of("-Xmx256m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1"));
  }

  static WorkerProcess start(String cluster, int joinPort, int port, boolean corrupt, List<String> jvm)
      throws IOException {
    return start(cluster, joinPort, port, corrupt, jvm, List.of());
  }

  /** @param extra more {@code kubz worker} options, e.g. --max-rows */
  static WorkerProcess start(String cluster, int joinPort, int port, boolean corrupt, List<String> jvm,
      List<String> extra) throws IOException {
    Path dir = Path.of("target", "cluster-it");
    Files.createDirectories(dir);
    Path log = dir.resolve(cluster + "-" + port + ".log");
    List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
    cmd.addAll(jvm);
    cmd.addAll(List.of("-Dhazelcast.local.localAddress=127.0.0.1", "-cp", System.getProperty("java.class.path"), "io.kubz.cli.Kubz", "worker",
        "--join", "127.0.0.1:" + joinPort, "--port", Integer.toString(port), "--threads", "1",
        "--cluster-name", cluster, "--heartbeat-seconds", "3", "--max-lifetime", "300"));
    cmd.addAll(extra);
    ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile());
    pb.environment().remove(WorkerNode.CORRUPT_ENV);
    if (corrupt) {
      pb.environment().put(WorkerNode.CORRUPT_ENV, "1");
    }
    return new WorkerProcess(pb.start(), log, port);
  }

  String name() {
    return "127.0.0.1:" + port;
  }

  /** Waits (bounded) until the worker printed that it joined. */
  void awaitJoined(long seconds) throws Exception {
    long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
    while (System.nanoTime() < end) {
      if (Files.exists(log) && Files.readString(log, StandardCharsets.UTF_8).contains("joined a cluster")) {
        return;
      }
      if (!process.isAlive()) {
        throw new AssertionError("worker exited early:\n" + Files.readString(log));
      }
      Thread.sleep(50);
    }
    throw new AssertionError("worker did not join within " + seconds + " s:\n" + Files.readString(log));
  }

  @Override
  public void close() throws InterruptedException {
    process.destroyForcibly();
    process.waitFor(10, TimeUnit.SECONDS);
  }
}
