package io.kubz.poly.srs;

import io.kubz.field.BadInputException;
import io.kubz.field.G1;
import io.kubz.field.G2;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;

/**
 * A folder of trimmed SRS files, so a ceremony file is read and pairing-checked once per size.
 * An entry is named {@code <key>-<log2n>.srs}, the key a digest of the source file's absolute path,
 * size and modification time; a request is served by the smallest entry of at least that size.
 *
 * <p>Entry format (little endian): magic "kubzsrs1", log2n (int), size (int), [1]_2 and [τ]_2
 * (16 longs each), size G1 points (8 longs each), then SHA-256 of everything before it. A damaged
 * entry (digest mismatch) is ignored and rebuilt from the source.
 */
public final class SrsCache {
  private static final byte[] MAGIC = "kubzsrs1".getBytes(StandardCharsets.US_ASCII);
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

  /** 2^log2n powers from {@code ptau}, from the cache when possible (and then cached). */
  public Srs load(Path ptau, int log2n) {
    String key = key(ptau);
    for (int k = log2n; k <= 28; k++) {
      Path entry = dir.resolve(key + "-" + k + ".srs");
      if (Files.isRegularFile(entry)) {
        Srs s = readEntry(entry, ptau.toString());
        if (s != null) {
          return s.trim(1 << log2n);
        }
      }
    }
    Srs srs = PtauReader.read(ptau, log2n);
    try {
      write(srs, log2n, dir.resolve(key + "-" + log2n + ".srs"));
    } catch (IOException e) {
      System.err.println("warning: could not cache the SRS in " + dir + ": " + e.getMessage());
    }
    return srs;
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

  static void write(Srs srs, int log2n, Path target) throws IOException {
    int n = srs.size();
    MessageDigest sha = sha256();
    Files.createDirectories(target.getParent());
    Path tmp = Files.createTempFile(target.getParent(), "srs", ".tmp");
    try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(tmp), 1 << 16)) {
      ByteBuffer head = ByteBuffer.allocate(MAGIC.length + 8 + 256).order(ByteOrder.LITTLE_ENDIAN);
      head.put(MAGIC).putInt(log2n).putInt(n);
      long[] g2 = new long[32];
      srs.g2().writeAffine(g2, 0);
      srs.tauG2().writeAffine(g2, 16);
      for (long v : g2) {
        head.putLong(v);
      }
      emit(out, sha, head);
      long[] g1 = srs.g1Powers();
      long total = (long) n * G1.AFFINE_LONGS;
      ByteBuffer chunk = ByteBuffer.allocate(1 << 16).order(ByteOrder.LITTLE_ENDIAN);
      for (long i = 0; i < total; i++) {
        if (!chunk.hasRemaining()) {
          emit(out, sha, chunk);
        }
        chunk.putLong(g1[(int) i]);
      }
      emit(out, sha, chunk);
      out.write(sha.digest());
    }
    try {
      Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } catch (AtomicMoveNotSupportedException e) {
      Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
    }
  }

  private static void emit(OutputStream out, MessageDigest sha, ByteBuffer b) throws IOException {
    sha.update(b.array(), 0, b.position());
    out.write(b.array(), 0, b.position());
    b.clear();
  }

  /** The entry's SRS, or null when it is damaged. */
  static Srs readEntry(Path entry, String source) {
    try (InputStream in = new BufferedInputStream(Files.newInputStream(entry), 1 << 16)) {
      MessageDigest sha = sha256();
      ByteBuffer head = ByteBuffer.wrap(readFully(in, MAGIC.length + 8 + 256, sha))
          .order(ByteOrder.LITTLE_ENDIAN);
      byte[] magic = new byte[MAGIC.length];
      head.get(magic);
      int log2n = head.getInt();
      int n = head.getInt();
      if (!Arrays.equals(magic, MAGIC) || n != 1 << log2n
          || Files.size(entry) != MAGIC.length + 8 + 256 + (long) n * G1.AFFINE_LONGS * 8 + 32) {
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
      if (!Arrays.equals(sha.digest(), in.readNBytes(32))) {
        return null;
      }
      return new Srs(g1, n, G2.readAffine(g2, 0), G2.readAffine(g2, 16), source + " (cached)");
    } catch (IOException | RuntimeException e) {
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
