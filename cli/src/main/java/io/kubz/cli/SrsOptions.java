package io.kubz.cli;

import io.kubz.field.BadInputException;
import io.kubz.field.UsageException;
import io.kubz.poly.srs.PtauReader;
import io.kubz.poly.srs.Srs;
import io.kubz.poly.srs.SrsCache;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.IntFunction;
import picocli.CommandLine.Option;

/** Where the powers of tau come from: a ceremony file, or the insecure development SRS. */
final class SrsOptions {
  /** The seed of the development SRS: fixed, so that anyone can re-derive (and so forge with) it. */
  static final long DEV_SEED = 0x6b75627aL;

  static final String HOW_TO_GET = "kubz needs a powers-of-tau file: use a snarkjs .ptau from a public ceremony"
      + " (the Perpetual Powers of Tau; power k proves slices of up to 2^k rows) with --srs FILE.ptau, or pass"
      + " --dev-srs for an INSECURE development SRS (tests and demos only)";

  @Option(names = "--srs", paramLabel = "FILE.ptau", description = "A snarkjs powers-of-tau file (raw or prepared).")
  Path ptau;

  @Option(names = "--dev-srs", description = "Use the INSECURE development SRS (anyone can forge with it).")
  boolean dev;

  boolean given() {
    return ptau != null || dev;
  }

  /**
   * The verifier's SRS points: [1]_2, [τ]_2 and the G1 generator, read as one power whatever a
   * bundle claims (a bundle's size never decides what is loaded). A usage error when none was given.
   */
  Srs trustedPoints() {
    if (ptau != null && dev) {
      throw new UsageException("give --srs or --dev-srs, not both");
    }
    if (dev) {
      return Srs.dev(0, DEV_SEED);
    }
    if (ptau == null) {
      throw new UsageException("the proofs are checked with your SRS, never the bundle's: pass the ceremony file"
          + " the model owner used (--srs FILE.ptau), or --dev-srs for a bundle made with the development SRS");
    }
    if (!Files.isRegularFile(ptau)) {
      throw new BadInputException(ptau + ": no such powers-of-tau file. " + HOW_TO_GET);
    }
    return PtauReader.read(ptau, 0);
  }

  /** An SRS by log2 size; a usage error that says how to get one when none was given. */
  IntFunction<Srs> require() {
    if (ptau != null && dev) {
      throw new UsageException("give --srs or --dev-srs, not both");
    }
    if (dev) {
      return log2 -> io.kubz.poly.srs.SrsCache.defaultCache().dev(log2, DEV_SEED);
    }
    if (ptau == null) {
      throw new UsageException(HOW_TO_GET);
    }
    if (!Files.isRegularFile(ptau)) {
      throw new BadInputException(ptau + ": no such powers-of-tau file. " + HOW_TO_GET);
    }
    SrsCache cache = SrsCache.defaultCache();
    return log2 -> cache.load(ptau, log2);
  }
}
