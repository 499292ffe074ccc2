package io.kubz.poly.srs;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kubz.field.BadInputException;
import io.kubz.field.Fixtures;
import io.kubz.field.Fr;
import io.kubz.field.G1;
import io.kubz.field.G2;
import io.kubz.poly.CoeffPoly;
import io.kubz.poly.kzg.Kzg;
import io.kubz.poly.kzg.PolynomialCommitment.Opening;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PtauReaderTest {
  @TempDir Path tmp;

  private static Path fixture(String name) {
    Optional<Path> p = Fixtures.resolve("ptau/" + name);
    Assumptions.assumeTrue(p.isPresent(), "fixtures absent: ptau/" + name);
    return p.get();
  }

  private static Path vector() throws URISyntaxException {
    return Path.of(PtauReaderTest.class.getResource("/vectors/pot2_from_pot10.ptau").toURI());
  }

  @Test
  void loadsPreparedAndRawCeremonyFiles() {
    Srs fin = PtauReader.read(fixture("pot10_final.ptau"), 10);
    Srs raw = PtauReader.read(fixture("pot10_contributed.ptau"), 10);
    assertEquals(1024, fin.size());
    assertEquals(G1.generator(), fin.g1(0));
    assertEquals(G2.generator(), fin.g2());
    assertArrayEquals(raw.g1Powers(), fin.g1Powers());
    assertEquals(raw.tauG2(), fin.tauG2());
    assertTrue(SrsCheck.consecutivePowers(fin));
    // only the powers asked for are taken
    Srs small = PtauReader.read(fixture("pot10_final.ptau"), 4);
    assertEquals(16, small.size());
    assertArrayEquals(Arrays.copyOf(fin.g1Powers(), 16 * 8), small.g1Powers());
  }

  @Test
  void bundledVectorLoads() throws Exception {
    Srs s = PtauReader.read(vector(), 2);
    assertEquals(4, s.size());
    assertEquals(G1.generator(), s.g1(0));
    assertTrue(SrsCheck.consecutivePowers(s));
    BadInputException e = assertThrows(BadInputException.class, () -> PtauReader.read(vector(), 3));
    assertTrue(e.getMessage().contains("needs 2^3") && e.getMessage().contains("has 2^2"),
        e.getMessage());
  }

  @Test
  void bundledVectorGivesCheckedHigherG2Powers() throws Exception {
    Srs s = PtauReader.read(vector(), 2);
    assertEquals(4, s.g2PowerCount());
    assertTrue(SrsCheck.g2Powers(s));
    assertEquals(2, PtauReader.read(vector(), 0).g2PowerCount()); // no [τ]_1 to check them with
    // swap tauG2[2] and tauG2[3]: points on the curve, but not the powers
    byte[] b = Files.readAllBytes(vector());
    long s3;
    try (var ch = java.nio.channels.FileChannel.open(vector())) {
      s3 = PtauReader.header(vector(), ch).sections().get(3)[0];
    }
    int a = (int) s3 + 2 * 128;
    byte[] t = Arrays.copyOfRange(b, a, a + 128);
    System.arraycopy(b, a + 128, b, a, 128);
    System.arraycopy(t, 0, b, a + 128, 128);
    Path out = tmp.resolve("swapped-g2.ptau");
    Files.write(out, b);
    assertRejected(out, 2, "tauG2[2] or tauG2[3]");
    assertEquals(2, PtauReader.read(out, 0).g2PowerCount()); // size 1 takes no higher G2 powers
  }

  @Test
  void tooSmallCeremonyIsAClearError() {
    Path ceremony = fixture("pot10_final.ptau"); // outside assertThrows: a skip must stay a skip
    BadInputException e = assertThrows(BadInputException.class, () -> PtauReader.read(ceremony, 11));
    assertTrue(e.getMessage().contains("needs 2^11") && e.getMessage().contains("has 2^10"),
        e.getMessage());
  }

  @Test
  void kzgOverTheCeremonySrsVerifiesWithItsG2Tau() {
    Kzg kzg = new Kzg(PtauReader.read(fixture("pot10_final.ptau"), 8));
    Random rnd = new Random(5);
    Fr[] c = new Fr[200];
    for (int i = 0; i < c.length; i++) {
      c[i] = Fr.random(rnd);
    }
    CoeffPoly p = CoeffPoly.of(c);
    G1 cm = kzg.commit(p);
    Fr z = Fr.random(rnd);
    Opening o = kzg.open(p, z);
    assertTrue(kzg.verify(cm, z, o.eval(), o.witness()));
    assertFalse(kzg.verify(cm, z, o.eval().add(Fr.ONE), o.witness()));
  }

  private Path corrupt(Path src, long offset, int xor) throws IOException {
    byte[] b = Files.readAllBytes(src);
    b[(int) offset] ^= (byte) xor;
    Path out = tmp.resolve("corrupt-" + offset + ".ptau");
    Files.write(out, b);
    return out;
  }

  private static void assertRejected(Path file, int log2n, String expectedFragment) {
    BadInputException e = assertThrows(BadInputException.class, () -> PtauReader.read(file, log2n));
    assertTrue(e.getMessage().contains(expectedFragment), e.getMessage());
    assertTrue(e.getMessage().contains(file.toString()), "message names the file");
  }

  @Test
  void flippedBytesAreRejected() throws Exception {
    Path src = fixture("pot10_contributed.ptau");
    long g1 = 80; // section 2 data starts after the 12-byte file header, section 1 and its header
    assertRejected(corrupt(src, 0, 0x01), 10, "magic");
    assertRejected(corrupt(src, 24 + 4 + 5, 0x10), 10, "prime");
    assertRejected(corrupt(src, g1 + 64 * 3 + 7, 0x40), 10, "tauG1[3]");
    assertRejected(corrupt(src, g1, 0x01), 10, "tauG1[0]");
    long g2 = 131100;
    assertRejected(corrupt(src, g2 + 128 + 9, 0x04), 10, "tauG2[1]");
  }

  @Test
  void swappedPowersFailThePairingCheck() throws Exception {
    byte[] b = Files.readAllBytes(fixture("pot10_contributed.ptau"));
    int a = 80 + 64 * 5;
    int c = 80 + 64 * 6;
    byte[] t = Arrays.copyOfRange(b, a, a + 64);
    System.arraycopy(b, c, b, a, 64);
    System.arraycopy(t, 0, b, c, 64);
    Path out = tmp.resolve("swapped.ptau");
    Files.write(out, b);
    assertRejected(out, 10, "pairing check failed");
    // a size that stops before the swap still loads
    assertEquals(4, PtauReader.read(out, 2).size());
  }

  @Test
  void truncatedFilesAreRejected() throws Exception {
    byte[] b = Files.readAllBytes(fixture("pot10_final.ptau"));
    for (int len : new int[] {0, 8, 30, 100_000, b.length - 1}) {
      Path out = tmp.resolve("trunc-" + len + ".ptau");
      Files.write(out, Arrays.copyOf(b, len));
      BadInputException e = assertThrows(BadInputException.class, () -> PtauReader.read(out, 4));
      assertTrue(e.getMessage().contains("truncated") || e.getMessage().contains("magic"),
          e.getMessage());
    }
    assertThrows(BadInputException.class, () -> PtauReader.read(tmp.resolve("absent.ptau"), 4));
  }

  @Test
  void headerSizesAreChecked() throws Exception {
    byte[] b = Files.readAllBytes(vector());
    // claim power 3 in the header while the sections hold power-2 data
    ByteBuffer.wrap(b).order(ByteOrder.LITTLE_ENDIAN).putInt(24 + 36, 3);
    Path out = tmp.resolve("power.ptau");
    Files.write(out, b);
    assertRejected(out, 2, "section 2");
  }
}
