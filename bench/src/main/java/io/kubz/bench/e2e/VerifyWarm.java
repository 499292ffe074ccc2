package io.kubz.bench.e2e;

import io.kubz.poly.srs.Srs;
import io.kubz.poly.srs.SrsCache;
import io.kubz.slicer.api.BundleVerifier;
import io.kubz.slicer.api.VerificationResult;
import io.kubz.slicer.backend.GkrProofSystem;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HexFormat;

/**
 * A bundle verified in one JVM again and again, as a library user (a service that checks proofs)
 * verifies: {@code VerifyWarm BUNDLE DIGEST [runs]} with the dev SRS of {@code kubz --dev-srs}. Prints
 * the first (cold) verification and the min / median of the last half (warm) in wall and in the
 * calling thread's CPU time. The whole check: bundle decoding, model digest, every slice's proof and
 * link, as {@code kubz verify --digest} does it minus the JVM start.
 */
public final class VerifyWarm {
  /** The seed of kubz's development SRS (cli SrsOptions.DEV_SEED). */
  private static final long DEV_SEED = 0x6b75627aL;

  private VerifyWarm() {}

  public static void main(String[] args) throws Exception {
    if (args.length < 2) {
      System.err.println("usage: VerifyWarm BUNDLE DIGEST_HEX [runs=40]");
      System.exit(2);
    }
    byte[] bundle = Files.readAllBytes(Path.of(args[0]));
    byte[] digest = HexFormat.of().parseHex(args[1]);
    int runs = args.length > 2 ? Integer.parseInt(args[2]) : 40;
    ThreadMXBean tm = ManagementFactory.getThreadMXBean();
    double[] wall = new double[runs];
    double[] cpu = new double[runs];
    for (int i = 0; i < runs; i++) {
      long c0 = tm.getCurrentThreadCpuTime();
      long w0 = System.nanoTime();
      VerificationResult r = BundleVerifier.verify(bundle, digest, Srs.dev(0, DEV_SEED),
          log2 -> GkrProofSystem.verifierSrs(SrsCache.defaultCache().dev(2, DEV_SEED), log2), true);
      wall[i] = (System.nanoTime() - w0) / 1e6;
      cpu[i] = (tm.getCurrentThreadCpuTime() - c0) / 1e6;
      if (!r.valid()) {
        throw new IllegalStateException("run " + i + ": not valid: " + r.reason());
      }
    }
    double[] w = Arrays.copyOfRange(wall, runs / 2, runs);
    double[] c = Arrays.copyOfRange(cpu, runs / 2, runs);
    Arrays.sort(w);
    Arrays.sort(c);
    System.out.printf(java.util.Locale.ROOT, "%s: first %.1f ms wall (%.1f ms cpu); warm (last %d of %d) wall min %.1f"
        + " median %.1f ms, cpu min %.1f median %.1f ms%n", args[0], wall[0], cpu[0], w.length, runs, w[0],
        w[w.length / 2], c[0], c[c.length / 2]);
  }
}
