package io.kubz.cli.cluster;

import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.List;

/**
 * A test job kind: the payload is (sleep ms, data), the result SHA-256(context || data), so the
 * coordinator can check every result; the sleep stands in for proving time.
 */
public final class HashWork implements WorkHandler {
  static final String KIND = "test.hash";

  @Override
  public String kind() {
    return KIND;
  }

  @Override
  public Object prepare(byte[] context) {
    return context.clone();
  }

  @Override
  public byte[] run(Object prepared, byte[] payload, int threads) throws Exception {
    ByteBuffer b = ByteBuffer.wrap(payload);
    Thread.sleep(b.getInt());
    return hash((byte[]) prepared, Arrays.copyOfRange(payload, 4, payload.length));
  }

  static byte[] hash(byte[] context, byte[] data) throws Exception {
    MessageDigest sha = MessageDigest.getInstance("SHA-256");
    sha.update(context);
    return sha.digest(data);
  }

  static ClusterJob job(int id, String digest, int sleepMs, int rowsLog2) {
    byte[] p = ByteBuffer.allocate(8).putInt(sleepMs).putInt(id).array();
    return new ClusterJob(id, KIND, digest, p, rowsLog2, 0);
  }

  static List<ClusterJob> jobs(int n, String digest, int sleepMs) {
    return java.util.stream.IntStream.range(0, n).mapToObj(i -> job(i, digest, sleepMs, 10)).toList();
  }

  /** The coordinator's check: recompute the hash. */
  static ClusterExecutor.Verifier verifier(byte[] context) {
    return (job, result) -> {
      try {
        return Arrays.equals(result, hash(context, Arrays.copyOfRange(job.payload(), 4, job.payload().length)));
      } catch (Exception e) {
        return false;
      }
    };
  }
}
