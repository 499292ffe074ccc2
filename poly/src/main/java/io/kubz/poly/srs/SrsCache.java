package io.kubz.poly.srs;

import io.kubz.field.BadInputException;
import io.kubz.field.Fr;
import io.kubz.field.G1;
import io.kubz.field.G2;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;

/**
 * A folder of trimmed SRS files, so a ceremony file is read and pairing-checked once per size.
 * An entry is named {@code <key>-<log2n>.srs}, the key a digest of the source file's absolute path,
 * size and modification time; a request is served by the smallest entry of at least that size.
 *
 * <p>Entry format (little endian): magic "kubzsrs2", log2n (int), size (int), the number L of
 * Lagrange bases (int: 0 for a raw ceremony file, log2n + 1 for a prepared one), [1]_2 and [τ]_2
 * (16 longs each), size G1 points (8 longs each), then SHA-256 of everything before it; then for
 * k = 0 … L−1 the basis [L_i(τ)]_1 of the size-2^k domain (2^k points, checked against the powers
 * before it was written) followed by the SHA-256 of its points. The powers are read when the entry
 * is; a basis only when first asked for ({@link Srs#lagrange}). A damaged entry (digest mismatch)
 * is ignored and rebuilt from the source, a damaged basis is read from the source again. Entries
 * of format 1 ("kubzsrs1", no bases) are ignored and so rebuilt. [τ²]_2 and [τ³]_2 are not in
 * the entry (the format predates them): they are read from the source file's section 3 and
 * pairing-checked on each load (four G2 points), so entries written before they existed still serve.
 */
public final class SrsCache {
  private static final byte[] MAGIC = "kubzsrs2".getBytes(StandardCharsets.US_ASCII);
  /** magic, log2n, size, L, [1]_2 and [τ]_2. */
  private static final int HEAD = MAGIC.length + 12 + 256;
  private static final int DIGEST = 32;
  private static final int G1_BYTES = G1.AFFINE_LONGS * 8;
  private final Path dir;

  public SrsCache(Path dir) {
    this.dir = dir;
  }

  /** {@code $KUBZ_SRS_CACHE}, else {@code ~/.cache/kubz/srs}. */
  public static SrsCache defaultCache() {
    String env = System.getenv("KUBZ_SRS_CACHE");
    Path d = env != null && !env.isBlank() ? Path.of(env)
        : Path.of(System.getProperty("user.home"), ".cache", "kubz", "srs");
    return new SrsCache(d);
  }

  public Path dir() {
    return dir;
  }

  /**
   * 2^log2n powers from {@code ptau}, from the cache when possible (and then cached). The Lagrange
   * bases of a prepared file are read from the entry when first asked for, also on the first load
   * (they were checked when the entry was written).
   */
  public Srs load(Path ptau, int log2n) {
    String key = key(ptau);
    for (int k = log2n; k <= 28; k++) {
      Path entry = dir.resolve(key + "-" + k + ".srs");
      if (Files.isRegularFile(entry)) {
        Srs s = readEntry(entry, ptau);
        if (s != null) {
          return PtauReader.withHigherG2(ptau, s.trim(1 << log2n));
        }
      }
    }
    Srs srs = PtauReader.read(ptau, log2n);
    Path entry = dir.resolve(key + "-" + log2n + ".srs");
    try {
      write(srs, log2n, entry);
    } catch (IOException e) {
      System.err.println("warning: could not cache the SRS in " + dir + ": " + e.getMessage());
      return srs;
    }
    // the bases now come from the entry when asked for (no second check, none held unused)
    Srs fromEntry = !srs.hasLagrange() ? srs : new Srs(srs.g1Powers(), srs.size(), srs.g2(),
        srs.tauG2(), srs.source(), entryBases(entry, ptau, srs.size(), log2n + 1));
    return srs.g2PowerCount() < 4 ? fromEntry
        : fromEntry.withHigherG2(srs.g2Power(2), srs.g2Power(3));
  }

  /**
   * The INSECURE development SRS of {@link Srs#dev} (same τ, same points), its G1 powers cached like
   * a ceremony file's in entries named {@code dev<seed>-<log2n>.srs}: computing 2^17 powers takes
   * seconds, reading them a fraction of that. An entry whose first power is not [τ]_1 for this seed
   * is ignored and rewritten. Prints the same warning as {@link Srs#dev}.
   */
  public Srs dev(int log2n, long seed) {
    if (log2n < 0 || log2n > Srs.MAX_LOG2) {
      throw new IllegalArgumentException("SRS size 2^" + log2n + " outside 2^0..2^" + Srs.MAX_LOG2);
    }
    String key = "dev" + Long.toHexString(seed);
    Fr tau = Srs.tauFromSeed(seed);
    String source = "dev SRS (seed " + seed + ")";
    for (int k = log2n; k <= Srs.MAX_LOG2; k++) {
      Path entry = dir.resolve(key + "-" + k + ".srs");
      Srs s = Files.isRegularFile(entry) ? readEntry(entry, entry) : null;
      if (s != null && s.size() >= 2 && s.g1(1).equals(G1.generator().mul(tau))) {
        Srs.warnInsecure(source, log2n);
        return Srs.devFromPowers(s.g1Powers(), s.size(), tau, source).trim(1 << log2n);
      }
    }
    Srs srs = Srs.dev(log2n, seed);
    try {
      write(srs, log2n, dir.resolve(key + "-" + log2n + ".srs"));
    } catch (IOException e) {
      System.err.println("warning: could not cache the dev SRS in " + dir + ": " + e.getMessage());
    }
    return srs;
  }

  /** Bases from an entry (each checked by its digest), else from the ptau file (and checked). */
  private static Srs.LagrangeSource entryBases(Path entry, Path ptau, int n, int levels) {
    return (srs, k) -> {
      long[] basis = k < levels ? readBasis(entry, n, k) : null;
      if (basis != null) {
        return basis;
      }
      Srs.LagrangeSource fromPtau = PtauReader.lagrangeSource(ptau);
      return fromPtau == null ? null : fromPtau.load(srs, k);
    };
  }

  private static String key(Path ptau) {
    try {
      Path abs = ptau.toAbsolutePath().normalize();
      String id = abs + "|" + Files.size(abs) + "|" + Files.getLastModifiedTime(abs).toMillis();
      return HexFormat.of().formatHex(sha256(id.getBytes(StandardCharsets.UTF_8)), 0, 8);
    } catch (IOException e) {
      throw new BadInputException("cannot read SRS file " + ptau + ": " + e.getMessage(), e);
    }
  }

  /**
   * Writes {@code srs} (of 2^log2n powers) and, when it has them, its Lagrange bases of every size
   * up to 2^log2n (loaded and checked one at a time, so a prepared file is checked once).
   */
  static void write(Srs srs, int log2n, Path target) throws IOException {
    int n = srs.size();
    int levels = srs.hasLagrange() ? log2n + 1 : 0;
    MessageDigest sha = sha256();
    Files.createDirectories(target.getParent());
    Path tmp = Files.createTempFile(target.getParent(), "srs", ".tmp");
    try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(tmp), 1 << 16)) {
      ByteBuffer head = ByteBuffer.allocate(HEAD).order(ByteOrder.LITTLE_ENDIAN);
      head.put(MAGIC).putInt(log2n).putInt(n).putInt(levels);
      long[] g2 = new long[32];
      srs.g2().writeAffine(g2, 0);
      srs.tauG2().writeAffine(g2, 16);
      for (long v : g2) {
        head.putLong(v);
      }
      emit(out, sha, head);
      points(out, sha, srs.g1Powers(), n);
      out.write(sha.digest());
      for (int k = 0; k < levels; k++) {
        long[] basis = srs.loadLagrangeUnkept(k);
        if (basis == null) {
          throw new IOException("the source has no Lagrange basis of size 2^" + k);
        }
        points(out, sha, basis, 1 << k);
        out.write(sha.digest());
      }
    } catch (IOException | RuntimeException e) {
      Files.deleteIfExists(tmp);
      throw e;
    }
    try {
      Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } catch (AtomicMoveNotSupportedException e) {
      Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
    }
  }

  /** n flat affine points, hashed into {@code sha} as written. */
  private static void points(OutputStream out, MessageDigest sha, long[] g1, int n)
      throws IOException {
    long total = (long) n * G1.AFFINE_LONGS;
    ByteBuffer chunk = ByteBuffer.allocate(1 << 16).order(ByteOrder.LITTLE_ENDIAN);
    for (long i = 0; i < total; i++) {
      if (!chunk.hasRemaining()) {
        emit(out, sha, chunk);
      }
      chunk.putLong(g1[(int) i]);
    }
    emit(out, sha, chunk);
  }

  private static void emit(OutputStream out, MessageDigest sha, ByteBuffer b) throws IOException {
    sha.update(b.array(), 0, b.position());
    out.write(b.array(), 0, b.position());
    b.clear();
  }

  /** The entry's SRS, or null when it is damaged or of another format. */
  static Srs readEntry(Path entry, Path ptau) {
    try (InputStream in = new BufferedInputStream(Files.newInputStream(entry), 1 << 16)) {
      MessageDigest sha = sha256();
      ByteBuffer head = ByteBuffer.wrap(readFully(in, HEAD, sha)).order(ByteOrder.LITTLE_ENDIAN);
      byte[] magic = new byte[MAGIC.length];
      head.get(magic);
      int log2n = head.getInt();
      int n = head.getInt();
      int levels = head.getInt();
      if (!Arrays.equals(magic, MAGIC) || log2n < 0 || log2n > Srs.MAX_LOG2 || n != 1 << log2n
          || (levels != 0 && levels != log2n + 1)
          || Files.size(entry) != lagrangeOffset(n, 0) + ((1L << levels) - 1) * G1_BYTES
              + (long) levels * DIGEST) {
        return null;
      }
      long[] g2 = new long[32];
      for (int i = 0; i < 32; i++) {
        g2[i] = head.getLong();
      }
      long[] g1 = new long[n * G1.AFFINE_LONGS];
      int per = 1 << 13;
      for (int i = 0; i < g1.length; i += per) {
        int m = Math.min(per, g1.length - i);
        ByteBuffer b = ByteBuffer.wrap(readFully(in, 8 * m, sha)).order(ByteOrder.LITTLE_ENDIAN);
        for (int j = 0; j < m; j++) {
          g1[i + j] = b.getLong();
        }
      }
      if (!Arrays.equals(sha.digest(), in.readNBytes(DIGEST))) {
        return null;
      }
      G2 one = G2.readAffine(g2, 0);
      G2 tau = G2.readAffine(g2, 16);
      String source = ptau + " (cached)";
      if (levels == 0) {
        return new Srs(g1, n, one, tau, source);
      }
      return new Srs(g1, n, one, tau, source, entryBases(entry, ptau, n, levels));
    } catch (IOException | RuntimeException e) {
      return null;
    }
  }

  /** Where the basis of size 2^k starts in an entry of n powers. */
  private static long lagrangeOffset(int n, int k) {
    return HEAD + (long) n * G1_BYTES + DIGEST + ((1L << k) - 1) * G1_BYTES + (long) k * DIGEST;
  }

  /** The basis of size 2^k from an entry of n powers, or null when it does not match its digest. */
  private static long[] readBasis(Path entry, int n, int k) {
    int m = 1 << k;
    try (FileChannel ch = FileChannel.open(entry, StandardOpenOption.READ)) {
      ByteBuffer b = ByteBuffer.allocate(m * G1_BYTES + DIGEST).order(ByteOrder.LITTLE_ENDIAN);
      long pos = lagrangeOffset(n, k);
      while (b.hasRemaining()) {
        if (ch.read(b, pos + b.position()) < 0) {
          return null;
        }
      }
      MessageDigest sha = sha256();
      sha.update(b.array(), 0, m * G1_BYTES);
      if (!Arrays.equals(sha.digest(), Arrays.copyOfRange(b.array(), m * G1_BYTES, b.capacity()))) {
        return null;
      }
      b.flip();
      long[] basis = new long[m * G1.AFFINE_LONGS];
      for (int i = 0; i < basis.length; i++) {
        basis[i] = b.getLong();
      }
      return basis;
    } catch (IOException e) {
      return null;
    }
  }

  private static byte[] readFully(InputStream in, int len, MessageDigest sha) throws IOException {
    byte[] b = in.readNBytes(len);
    if (b.length != len) {
      throw new IOException("short read");
    }
    sha.update(b);
    return b;
  }

  private static byte[] sha256(byte[] in) {
    return sha256().digest(in);
  }

  private static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
