package io.kubz.slicer.exec;

import io.kubz.field.BadInputException;
import io.kubz.plonkish.format.KeyCodec;
import io.kubz.plonkish.ir.CircuitDescription;
import io.kubz.plonkish.keygen.Keygen;
import io.kubz.plonkish.keygen.ProvingKey;
import io.kubz.plonkish.keygen.VerifyingKey;
import io.kubz.plonkish.prover.PhaseRunner;
import io.kubz.plonkish.prover.PolyOps;
import io.kubz.poly.kzg.Kzg;
import io.kubz.poly.srs.Srs;
import io.kubz.poly.transcript.Keccak256Transcript;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Proving keys cached by circuit digest (and SRS): in memory for the life of the cache, and on disk
 * under a directory as the verifying key ({@code <circuit>-<srs>.vk}, KeyCodec bytes). Keygen's
 * cost is committing the fixed columns; a key read from disk skips those multi-scalar
 * multiplications and only re-interpolates the fixed columns of the circuit it is given. A disk
 * entry whose gates or shape do not match the circuit, or that does not parse, is recomputed and
 * overwritten.
 */
public final class KeyCache {
  private final Path dir;
  private final Map<String, ProvingKey> memory = new ConcurrentHashMap<>();
  private final AtomicInteger generated = new AtomicInteger();
  private final AtomicInteger loaded = new AtomicInteger();

  /** @param dir where keys persist, or null for memory only */
  public KeyCache(Path dir) {
    this.dir = dir;
  }

  public static KeyCache inMemory() {
    return new KeyCache(null);
  }

  /** A short name of an SRS: the first 8 bytes of Keccak-256([τ]_2), hex. */
  public static String srsId(Srs srs) {
    byte[] h = Keccak256Transcript.keccak(srs.tauG2().toEvmBytes());
    return HexFormat.of().formatHex(h, 0, 8);
  }

  /** The proving key of a circuit whose {@link CircuitDigest} is {@code digest}, kept in memory. */
  public ProvingKey provingKey(String digest, CircuitDescription d, Kzg pcs) {
    return provingKey(digest, d, pcs, true);
  }

  /**
   * The proving key of a circuit whose {@link CircuitDigest} is {@code digest}; {@code keep} false
   * leaves it out of the memory cache (the caller keeps its verifying key and {@link #rebuild}s
   * the key when it needs it again).
   */
  public ProvingKey provingKey(String digest, CircuitDescription d, Kzg pcs, boolean keep) {
    String key = digest + "-" + srsId(pcs.srs());
    ProvingKey pk = memory.get(key);
    if (pk != null) {
      return pk;
    }
    pk = fromDisk(key, d);
    if (pk == null) {
      pk = Keygen.keygen(d, pcs);
      generated.incrementAndGet();
      toDisk(key, pk.vk());
    } else {
      loaded.incrementAndGet();
    }
    if (!keep) {
      return pk;
    }
    ProvingKey prev = memory.putIfAbsent(key, pk);
    return prev != null ? prev : pk;
  }

  /**
   * The proving key of circuit {@code d} from its verifying key, without commitments: the fixed
   * columns are interpolated again. Null when the key's shape or gates are not those of {@code d}.
   */
  public static ProvingKey rebuild(CircuitDescription d, VerifyingKey vk) {
    if (vk.k() != d.k() || vk.blinding() != d.blinding() || vk.numFixed() != d.numFixed()
        || vk.numInstance() != d.numInstance() || !vk.gates().equals(d.allGates())) {
      return null;
    }
    long[][] coeffs = new long[d.numFixed()][];
    for (int c = 0; c < coeffs.length; c++) {
      coeffs[c] = PhaseRunner.coefficients(d.fixed()[c], d.k());
    }
    return new ProvingKey(d, vk, coeffs, PolyOps.domainPolys(d.k(), d.usable()));
  }

  /** Keys computed by keygen since this cache was made. */
  public int generated() {
    return generated.get();
  }

  /** Keys read back from disk since this cache was made. */
  public int loaded() {
    return loaded.get();
  }

  private ProvingKey fromDisk(String key, CircuitDescription d) {
    if (dir == null) {
      return null;
    }
    Path f = dir.resolve(key + ".vk");
    if (!Files.isRegularFile(f)) {
      return null;
    }
    try {
      return rebuild(d, KeyCodec.decodeVerifyingKey(Files.readAllBytes(f)));
    } catch (IOException | BadInputException e) {
      return null;
    }
  }

  private void toDisk(String key, VerifyingKey vk) {
    if (dir == null) {
      return;
    }
    try {
      Files.createDirectories(dir);
      Path tmp = Files.createTempFile(dir, key, ".tmp");
      Files.write(tmp, KeyCodec.encode(vk));
      Files.move(tmp, dir.resolve(key + ".vk"), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the key cache under " + dir + ": " + e.getMessage(), e);
    }
  }
}
