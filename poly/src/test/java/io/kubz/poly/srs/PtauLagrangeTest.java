package io.kubz.poly.srs;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kubz.field.BadInputException;
import io.kubz.field.Fixtures;
import io.kubz.field.Fr;
import io.kubz.field.G1;
import io.kubz.poly.LagrangePoly;
import io.kubz.poly.kzg.Kzg;
import io.kubz.poly.ntt.Domain;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * snarkjs's prepared ptau holds [L_i(τ)]_1 for every domain size (section 12, block p at point
 * offset 2^p − 1). The reader takes the block of its size, checks it against the powers, and
 * {@link Kzg#commitLagrange} uses it: the same commitments as committing coefficients against the
 * powers (of the same ceremony before it was prepared), which checks our roots of unity, index
 * order, inverse NTT and commitment against an independent implementation.
 */
class PtauLagrangeTest {
  @TempDir Path tmp;

  private static Path fixture(String name) {
    Optional<Path> p = Fixtures.resolve("ptau/" + name);
    Assumptions.assumeTrue(p.isPresent(), "fixtures absent: ptau/" + name);
    return p.get();
  }

  static Path preparedVector() throws Exception {
    return Path.of(PtauLagrangeTest.class.getResource("/vectors/pot2_prepared_from_pot10.ptau")
        .toURI());
  }

  /** Evaluations mixing small values (what provers commit) and full-width ones. */
  private static LagrangePoly randomEvals(Domain d, Random rnd) {
    long[] e = new long[4 * d.size()];
    for (int i = 0; i < d.size(); i++) {
      Fr v = rnd.nextInt(3) == 0 ? Fr.random(rnd) : Fr.of(rnd.nextInt(512) - 256);
      v.writeTo(e, 4 * i);
    }
    return LagrangePoly.wrap(d, false, e);
  }

  @Test
  void preparedFileGivesTheLagrangeBasisAtEverySize() {
    Path fin = fixture("pot10_final.ptau");
    Kzg raw = new Kzg(PtauReader.read(fixture("pot10_contributed.ptau"), 10));
    assertTrue(raw.srs().lagrange(10).isEmpty(), "an unprepared file has no Lagrange basis");
    Random rnd = new SecureRandom();
    for (int k = 1; k <= 10; k++) {
      Srs srs = PtauReader.read(fin, k);
      assertTrue(srs.lagrange(k).isPresent(), "2^" + k);
      Kzg kzg = new Kzg(srs);
      LagrangePoly e = randomEvals(Domain.of(k), rnd);
      G1 viaBasis = kzg.commitLagrange(e);
      assertEquals(kzg.commit(e.toCoeff()), viaBasis, "2^" + k);
      assertEquals(raw.commit(e.toCoeff()), viaBasis, "unprepared file, 2^" + k);
      assertEquals(raw.commitLagrange(e), viaBasis, "unprepared file by coefficients, 2^" + k);
    }
  }

  @Test
  void smallerSizesAreReadWhenAskedAndSurviveTrimming() {
    Path fin = fixture("pot10_final.ptau");
    Srs big = PtauReader.read(fin, 10);
    for (int k : new int[] {0, 3, 9}) {
      assertArrayEquals(PtauReader.read(fin, k).lagrange(k).orElseThrow(),
          big.lagrange(k).orElseThrow(), "2^" + k);
    }
    Srs trimmed = big.trim(1 << 6);
    assertTrue(trimmed.lagrange(6).isPresent());
    assertTrue(trimmed.lagrange(7).isEmpty(), "no basis larger than the SRS");
    assertArrayEquals(big.lagrange(3).orElseThrow(), trimmed.lagrange(3).orElseThrow());
  }

  @Test
  void unitVectorsCommitToSnarkjsPoints() throws Exception {
    Path p = fixture("pot10_final.ptau");
    Kzg kzg = new Kzg(PtauReader.read(p, 10));
    try (FileChannel ch = FileChannel.open(p, StandardOpenOption.READ)) {
      long[] s12 = PtauReader.header(p, ch).sections().get(12);
      for (int k : new int[] {0, 1, 3, 6}) {
        int n = 1 << k;
        ByteBuffer b = ByteBuffer.allocate(64 * n).order(ByteOrder.LITTLE_ENDIAN);
        ch.read(b, s12[0] + 64L * (n - 1));
        b.flip();
        Domain d = Domain.of(k);
        for (int i = 0; i < n; i++) {
          long[] pt = new long[8];
          for (int l = 0; l < 8; l++) {
            pt[l] = b.getLong();
          }
          Fr[] unit = new Fr[n];
          Arrays.fill(unit, Fr.ZERO);
          unit[i] = Fr.ONE;
          assertEquals(G1.readAffine(pt, 0), kzg.commitLagrange(LagrangePoly.of(d, unit)),
              "L_" + i + " on 2^" + k);
        }
      }
    }
  }

  @Test
  void bundledPreparedVectorGivesItsBases() throws Exception {
    Srs srs = PtauReader.read(preparedVector(), 2);
    Srs raw = PtauReader.read(SrsTest.vector(), 2);
    assertTrue(raw.lagrange(2).isEmpty());
    Random rnd = new SecureRandom();
    for (int k = 0; k <= 2; k++) {
      LagrangePoly e = randomEvals(Domain.of(k), rnd);
      assertTrue(srs.lagrange(k).isPresent(), "2^" + k);
      assertEquals(new Kzg(raw).commit(e.toCoeff()), new Kzg(srs).commitLagrange(e), "2^" + k);
    }
  }

  private static long section12(Path file) throws Exception {
    try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
      return PtauReader.header(file, ch).sections().get(12)[0];
    }
  }

  private Path edited(Path src, String name, java.util.function.Consumer<byte[]> edit)
      throws Exception {
    byte[] b = Files.readAllBytes(src);
    edit.accept(b);
    Path out = tmp.resolve(name);
    Files.write(out, b);
    return out;
  }

  private static void assertRejected(Path file, int log2n, String... fragments) {
    BadInputException e = assertThrows(BadInputException.class, () -> PtauReader.read(file, log2n));
    assertTrue(e.getMessage().contains(file.toString()), "names the file: " + e.getMessage());
    for (String f : fragments) {
      assertTrue(e.getMessage().contains(f), e.getMessage());
    }
  }

  @Test
  void damagedLagrangeSectionIsRejected() throws Exception {
    Path fin = fixture("pot10_final.ptau");
    long s12 = section12(fin);
    long block10 = s12 + 64L * 1023;
    // a flipped byte: the point leaves the curve
    Path flipped = edited(fin, "flip.ptau", b -> b[(int) (block10 + 64 * 5 + 3)] ^= 0x08);
    assertRejected(flipped, 10, "section 12", "[5]");
    // two valid points swapped: only the check against the powers sees it
    Path swapped = edited(fin, "swap.ptau", b -> {
      int a = (int) (block10 + 64 * 7);
      int c = (int) (block10 + 64 * 8);
      byte[] t = Arrays.copyOfRange(b, a, a + 64);
      System.arraycopy(b, c, b, a, 64);
      System.arraycopy(t, 0, b, c, 64);
    });
    assertRejected(swapped, 10, "section 12",
        "Lagrange section inconsistent with the powers: corrupted file");
    // a block of another size is checked when first used, with the same message
    long block4 = s12 + 64L * 15;
    Path swapped4 = edited(fin, "swap4.ptau", b -> {
      int a = (int) (block4 + 64 * 2);
      byte[] t = Arrays.copyOfRange(b, a, a + 64);
      System.arraycopy(b, a + 64, b, a, 64);
      System.arraycopy(t, 0, b, a + 64, 64);
    });
    Srs srs = PtauReader.read(swapped4, 10);
    assertTrue(srs.lagrange(10).isPresent());
    BadInputException e = assertThrows(BadInputException.class, () -> srs.lagrange(4));
    assertTrue(e.getMessage().contains("section 12")
        && e.getMessage().contains("inconsistent with the powers"), e.getMessage());
    // a byte flipped in the powers fails as for a raw file
    Path powers = edited(fin, "powers.ptau", b -> b[80 + 64 * 3 + 7] ^= 0x40);
    assertRejected(powers, 10, "tauG1[3]");
  }

  @Test
  void lagrangeSectionOfAWrongLengthIsNamed() throws Exception {
    byte[] b = Files.readAllBytes(preparedVector());
    // the vector ends with section 12 (7 points); drop its last point
    byte[] cut = Arrays.copyOf(b, b.length - 64);
    ByteBuffer.wrap(cut).order(ByteOrder.LITTLE_ENDIAN).putLong(b.length - 7 * 64 - 8, 6 * 64);
    Path out = tmp.resolve("len.ptau");
    Files.write(out, cut);
    assertRejected(out, 2, "section 12 (Lagrange tauG1) has 384 bytes");
  }
}
