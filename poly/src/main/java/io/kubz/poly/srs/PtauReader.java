package io.kubz.poly.srs;

import io.kubz.field.BadInputException;
import io.kubz.field.Fq;
import io.kubz.field.Fq2;
import io.kubz.field.G1;
import io.kubz.field.G2;
import java.io.IOException;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.HashMap;
import java.util.Map;

/**
 * Reads the powers of tau of a snarkjs {@code .ptau} file (raw or prepared for phase 2), taking
 * only the first 2^log2n powers [τ^i]_1 and [1]_2, [τ]_2 (and [τ²]_2, [τ³]_2 when the file has
 * them and 2^log2n ≥ 2: section 3 holds 2^power G2 powers), and checks them (see the package
 * documentation). From a prepared file it also takes the Lagrange basis of the size-2^log2n
 * domain (section 12) and checks it against the powers; smaller sizes are read and checked when
 * first asked for ({@link Srs#lagrange}). Every problem is a {@link BadInputException} naming the
 * file and what is wrong.
 */
public final class PtauReader {
  private static final int N8 = 32;
  private static final int G1_BYTES = 2 * N8;
  private static final int G2_BYTES = 4 * N8;
  private static final int CHUNK_POINTS = 1 << 14;
  /** The prepared file's section of Lagrange bases [L_i(τ)]_1 in G1. */
  static final int LAGRANGE_G1 = 12;
  private static final long[] Q_LIMBS = limbs(Fq.MODULUS);

  private PtauReader() {}

  /** The header of a ptau file: its power and where each section lies. */
  public record Header(int power, int ceremonyPower, Map<Integer, long[]> sections) {}

  /** Reads and checks 2^log2n powers. */
  public static Srs read(Path file, int log2n) {
    try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
      Header h = header(file, ch);
      if (log2n > h.power()) {
        throw new BadInputException(file + ": the circuit needs 2^" + log2n
            + " powers of tau, the file has 2^" + h.power()
            + ": use a ceremony file of power ≥ " + log2n + " (e.g. powersOfTau28_hez_final_"
            + String.format("%02d", Math.max(log2n, 8)) + ".ptau)");
      }
      if (log2n < 0 || log2n > Srs.MAX_LOG2) {
        throw new BadInputException("an SRS of 2^" + log2n + " powers is not supported (at most 2^"
            + Srs.MAX_LOG2 + " powers fit in memory)");
      }
      int n = 1 << log2n;
      long[] g1 = readG1(file, ch, h.sections().get(2)[0], n, "tauG1");
      if (!G1.readAffine(g1, 0).equals(G1.generator())) {
        throw bad(file, "tauG1[0] is not the generator of G1: the file is corrupted");
      }
      G2[] g2 = readG2(file, ch, h.sections().get(3)[0], g2Count(h, n));
      long[] s12 = h.sections().get(LAGRANGE_G1);
      Srs srs = s12 == null ? new Srs(g1, n, g2[0], g2[1], file.toString())
          : new Srs(g1, n, g2[0], g2[1], file.toString(),
              (powers, k) -> readLagrange(file, s12[0], powers, k));
      if (!SrsCheck.consecutivePowers(srs)) {
        throw new BadInputException(file + ": the powers of tau are not consecutive powers of one τ"
            + " (pairing check failed): the file is corrupted or not a valid ceremony output");
      }
      srs.lagrange(log2n); // read and check the basis of the SRS's own size now
      return g2.length < 4 ? srs : checkedHigherG2(file, srs.withHigherG2(g2[2], g2[3]));
    } catch (NoSuchFileException e) {
      throw new BadInputException("SRS file not found: " + file + ": pass an existing .ptau file");
    } catch (IOException e) {
      throw new BadInputException("cannot read SRS file " + file + ": " + e.getMessage(), e);
    }
  }

  /**
   * {@code srs} (read from {@code file} earlier, e.g. kept in a {@link SrsCache} entry that holds
   * only [1]_2 and [τ]_2) with [τ²]_2 and [τ³]_2 read from the file and checked; {@code srs}
   * itself when it has them already or the file or the SRS is too small for them.
   */
  static Srs withHigherG2(Path file, Srs srs) {
    if (srs.g2PowerCount() >= 4) {
      return srs;
    }
    try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
      G2[] g2 = readG2(file, ch, header(file, ch).sections().get(3)[0],
          g2Count(header(file, ch), srs.size()));
      if (g2.length < 4) {
        return srs;
      }
      if (!g2[1].equals(srs.tauG2())) {
        throw bad(file, "tauG2[1] differs from the cached [τ]_2: the file changed");
      }
      return checkedHigherG2(file, srs.withHigherG2(g2[2], g2[3]));
    } catch (IOException e) {
      throw new BadInputException("cannot read SRS file " + file + ": " + e.getMessage(), e);
    }
  }

  /** 4 G2 powers when the file has them and the SRS has [τ]_1 to check them with, else 2. */
  private static int g2Count(Header h, int n) {
    return h.power() >= 2 && n >= 2 ? 4 : 2;
  }

  private static Srs checkedHigherG2(Path file, Srs srs) {
    if (!SrsCheck.g2Powers(srs)) {
      throw bad(file, "tauG2[2] or tauG2[3] is not [τ²]_2, [τ³]_2 (pairing check failed): the"
          + " file is corrupted or not a valid ceremony output");
    }
    return srs;
  }

  /**
   * Where a prepared file's Lagrange bases are read from (each checked against the powers of the
   * SRS that asks), or null for a raw file.
   */
  static Srs.LagrangeSource lagrangeSource(Path file) {
    try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
      long[] s12 = header(file, ch).sections().get(LAGRANGE_G1);
      return s12 == null ? null : (powers, k) -> readLagrange(file, s12[0], powers, k);
    } catch (IOException e) {
      throw new BadInputException("cannot read SRS file " + file + ": " + e.getMessage(), e);
    }
  }

  /** Parses and checks the section table and header (section 1) without reading any points. */
  public static Header header(Path file, FileChannel ch) throws IOException {
    long size = ch.size();
    ByteBuffer b = readAt(file, ch, 0, 12);
    byte[] magic = new byte[4];
    b.get(magic);
    if (!"ptau".equals(new String(magic, java.nio.charset.StandardCharsets.ISO_8859_1))) {
      throw bad(file, "not a .ptau file (no 'ptau' magic at the start)");
    }
    int version = b.getInt();
    if (version != 1) {
      throw bad(file, "unsupported ptau version " + version + " (expected 1)");
    }
    int nSections = b.getInt();
    if (nSections < 3 || nSections > 64) {
      throw bad(file, "implausible section count " + nSections);
    }
    Map<Integer, long[]> sections = new HashMap<>();
    long pos = 12;
    for (int s = 0; s < nSections; s++) {
      if (pos + 12 > size) {
        throw bad(file, "truncated: section table ends after " + s + " of " + nSections
            + " sections (file is " + size + " bytes)");
      }
      ByteBuffer sh = readAt(file, ch, pos, 12);
      int type = sh.getInt();
      long len = sh.getLong();
      if (len < 0 || pos + 12 + len > size) {
        throw bad(file, "truncated: section " + type + " declares " + len + " bytes at offset "
            + (pos + 12) + " but the file is " + size + " bytes");
      }
      if (sections.put(type, new long[] {pos + 12, len}) != null) {
        throw bad(file, "section " + type + " appears twice");
      }
      pos += 12 + len;
    }
    if (pos != size) {
      throw bad(file, (size - pos) + " trailing bytes after the last section");
    }
    for (int required : new int[] {1, 2, 3}) {
      if (!sections.containsKey(required)) {
        throw bad(file, "section " + required + " is missing");
      }
    }
    long[] s1 = sections.get(1);
    if (s1[1] != 4 + N8 + 8) {
      throw bad(file, "header section has " + s1[1] + " bytes, expected " + (4 + N8 + 8));
    }
    ByteBuffer hb = readAt(file, ch, s1[0], (int) s1[1]);
    int n8 = hb.getInt();
    if (n8 != N8) {
      throw bad(file, "field element size " + n8 + " bytes, expected 32 (BN254)");
    }
    byte[] qle = new byte[N8];
    hb.get(qle);
    BigInteger q = new BigInteger(1, reverse(qle));
    if (!q.equals(Fq.MODULUS)) {
      throw bad(file, "curve prime " + q + " is not BN254's base field prime: wrong curve");
    }
    int power = hb.getInt();
    int ceremonyPower = hb.getInt();
    if (power < 1 || power > 28 || ceremonyPower < power) {
      throw bad(file, "implausible power " + power + " (ceremony power " + ceremonyPower + ")");
    }
    expect(file, sections, 2, ((2L << power) - 1) * G1_BYTES, "tauG1");
    expect(file, sections, 3, (1L << power) * G2_BYTES, "tauG2");
    expect(file, sections, 4, (1L << power) * G1_BYTES, "alphaTauG1");
    expect(file, sections, 5, (1L << power) * G1_BYTES, "betaTauG1");
    expect(file, sections, 6, G2_BYTES, "betaG2");
    // prepared (snarkjs preparePhase2): blocks of 2^p points for p = 0..power, and p = power + 1
    long[] s12 = sections.get(LAGRANGE_G1);
    if (s12 != null && s12[1] != ((2L << power) - 1) * G1_BYTES
        && s12[1] != ((4L << power) - 1) * G1_BYTES) {
      throw bad(file, "section 12 (Lagrange tauG1) has " + s12[1] + " bytes, expected "
          + ((4L << power) - 1) * G1_BYTES + " for its power: the file is corrupted");
    }
    return new Header(power, ceremonyPower, sections);
  }

  /**
   * The Lagrange basis [L_i(τ)]_1 of the size-2^log2n domain from section 12 of a prepared file
   * (at {@code offset}), checked against the powers of {@code srs} ({@link SrsCheck#lagrangeBasis}).
   * snarkjs's preparePhase2 writes, for p = 0 … power, the inverse FFT of [τ^0..τ^{2^p−1}]_1
   * (ffjavascript {@code G1.lagrangeEvaluations}, i.e. {@code G1.ifft} up to 2^28) in natural order,
   * then one more block for p = power + 1 of no use here; so block p starts at point 2^p − 1 and
   * its point i is [L_i(τ)]_1 = [(1/n)·Σ_j ω^{−ij}·τ^j]_1. Its ω of order 2^p is ffjavascript's
   * Fr.w[p]: w[28] = nqr^t with r − 1 = 2^28·t and nqr = 5 the smallest quadratic non-residue,
   * w[p] = w[p+1]^2 — the same ω as {@code Domain.of(p)}.
   */
  static long[] readLagrange(Path file, long offset, Srs srs, int log2n) {
    int n = 1 << log2n;
    long[] basis;
    try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
      basis = readG1(file, ch, offset + (long) (n - 1) * G1_BYTES, n,
          "section 12 (Lagrange tauG1 of size 2^" + log2n + ") point ");
    } catch (IOException e) {
      throw new BadInputException("cannot read SRS file " + file + ": " + e.getMessage(), e);
    }
    if (!SrsCheck.lagrangeBasis(srs, basis, log2n)) {
      throw bad(file, "section 12, the Lagrange basis of size 2^" + log2n + ": Lagrange section"
          + " inconsistent with the powers: corrupted file (re-download it, or use the file"
          + " before `snarkjs powersoftau prepare phase2`)");
    }
    return basis;
  }

  private static void expect(Path file, Map<Integer, long[]> sections, int type, long len,
      String name) {
    long[] s = sections.get(type);
    if (s != null && s[1] != len) {
      throw bad(file, "section " + type + " (" + name + ") has " + s[1] + " bytes, expected " + len
          + " for its power");
    }
  }

  /** n G1 points from {@code offset}, streamed in chunks, each canonical and on the curve. */
  private static long[] readG1(Path file, FileChannel ch, long offset, int n, String name)
      throws IOException {
    long[] out = new long[G1.AFFINE_LONGS * n];
    for (int start = 0; start < n; start += CHUNK_POINTS) {
      int count = Math.min(CHUNK_POINTS, n - start);
      ByteBuffer b = readAt(file, ch, offset + (long) start * G1_BYTES, count * G1_BYTES);
      for (int i = start; i < start + count; i++) {
        int at = G1.AFFINE_LONGS * i;
        for (int l = 0; l < G1.AFFINE_LONGS; l++) {
          out[at + l] = b.getLong();
        }
        if (!canonical(out, at) || !canonical(out, at + 4)) {
          throw bad(file, name + "[" + i + "] has a coordinate ≥ q: the file is corrupted");
        }
        if (G1.isInfinityAffine(out, at) || !G1.isOnCurve(out, at)) {
          throw bad(file, name + "[" + i + "] is not a point of G1: the file is corrupted");
        }
      }
    }
    return out;
  }

  /** [τ^0]_2 … [τ^{count−1}]_2. */
  private static G2[] readG2(Path file, FileChannel ch, long offset, int count)
      throws IOException {
    ByteBuffer b = readAt(file, ch, offset, count * G2_BYTES);
    G2[] out = new G2[count];
    for (int k = 0; k < count; k++) {
      long[] p = new long[16];
      for (int l = 0; l < 16; l++) {
        p[l] = b.getLong();
      }
      for (int c = 0; c < 4; c++) {
        if (!canonical(p, 4 * c)) {
          throw bad(file, "tauG2[" + k + "] has a coordinate ≥ q: the file is corrupted");
        }
      }
      try {
        out[k] = G2.of(Fq2.readFrom(p, 0), Fq2.readFrom(p, 8));
      } catch (IllegalArgumentException e) {
        throw bad(file, "tauG2[" + k + "] is not on the curve: the file is corrupted");
      }
      if (out[k].isInfinity() || !out[k].inSubgroup()) {
        throw bad(file, "tauG2[" + k + "] is not in the order-r subgroup: the file is corrupted");
      }
    }
    if (!out[0].equals(G2.generator())) {
      throw bad(file, "tauG2[0] is not the generator of G2: the file is corrupted");
    }
    return out;
  }

  private static ByteBuffer readAt(Path file, FileChannel ch, long pos, int len) throws IOException {
    ByteBuffer b = ByteBuffer.allocate(len).order(ByteOrder.LITTLE_ENDIAN);
    while (b.hasRemaining()) {
      int r = ch.read(b, pos + b.position());
      if (r < 0) {
        throw bad(file, "truncated: wanted " + len + " bytes at offset " + pos);
      }
    }
    return b.flip();
  }

  /** Limbs x[xo..xo+3] (Montgomery representation) &lt; q, compared as unsigned 256-bit numbers. */
  private static boolean canonical(long[] x, int xo) {
    for (int l = 3; l >= 0; l--) {
      int c = Long.compareUnsigned(x[xo + l], Q_LIMBS[l]);
      if (c != 0) {
        return c < 0;
      }
    }
    return false;
  }

  private static long[] limbs(BigInteger v) {
    long[] out = new long[4];
    for (int l = 0; l < 4; l++) {
      out[l] = v.shiftRight(64 * l).longValue();
    }
    return out;
  }

  private static byte[] reverse(byte[] b) {
    byte[] r = new byte[b.length];
    for (int i = 0; i < b.length; i++) {
      r[i] = b[b.length - 1 - i];
    }
    return r;
  }

  private static BadInputException bad(Path file, String what) {
    return new BadInputException(file + ": " + what);
  }
}
