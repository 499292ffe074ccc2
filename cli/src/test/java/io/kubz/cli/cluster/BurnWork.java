package io.kubz.cli.cluster;

import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.util.List;
import java.util.stream.IntStream;

/** A CPU-bound test job kind (a SHA-256 chain of a given length) standing in for proving time. */
public final class BurnWork implements WorkHandler {
  static final String KIND = "test.burn";

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
    int n = b.getInt();
    int id = b.getInt();
    MessageDigest sha = MessageDigest.getInstance("SHA-256");
    sha.update((byte[]) prepared);
    byte[] h = sha.digest(ByteBuffer.allocate(4).putInt(id).array());
    for (int i = 0; i < n; i++) {
      if ((i & 0xffff) == 0 && Thread.currentThread().isInterrupted()) {
        throw new InterruptedException();
      }
      h = sha.digest(h);
    }
    return h;
  }

  static List<ClusterJob> jobs(int count, String digest, int iterations) {
    return IntStream.range(0, count).mapToObj(i -> new ClusterJob(i, KIND, digest,
        ByteBuffer.allocate(8).putInt(iterations).putInt(i).array(), 10, 0)).toList();
  }
}
