package io.kubz.poly.srs;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kubz.field.Fr;
import io.kubz.field.G1;
import io.kubz.field.G2;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SrsTest {
  @TempDir Path tmp;

  @Test
  void devSrsHoldsPowersOfItsTauAndSaysItIsInsecure() {
    PrintStream saved = System.err;
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    Srs s;
    Fr tau = Fr.random(new Random(9));
    try {
      System.setErr(new PrintStream(err, true));
      s = Srs.devWithTau(6, tau, "test");
    } finally {
      System.setErr(saved);
    }
    assertTrue(err.toString().contains("INSECURE"));
    Fr t = Fr.ONE;
    for (int i = 0; i < s.size(); i++) {
      assertEquals(G1.generator().mul(t), s.g1(i), "power " + i);
      t = t.mul(tau);
    }
    assertEquals(G2.generator().mul(tau), s.tauG2());
    assertTrue(SrsCheck.consecutivePowers(s));
  }

  @Test
  void devSrsIsDeterministicInItsSeed() {
    assertArrayEquals(Srs.dev(3, 42).g1Powers(), Srs.dev(3, 42).g1Powers());
    assertFalse(Srs.dev(3, 42).g1(1).equals(Srs.dev(3, 43).g1(1)));
  }

  @Test
  void fixedBaseMatchesScalarMultiplication() {
    Random rnd = new Random(10);
    int n = 40;
    long[] k = new long[4 * n];
    Fr[] ks = new Fr[n];
    for (int i = 0; i < n; i++) {
      ks[i] = i < 4 ? Fr.of(i - 1) : Fr.random(rnd); // −1, 0, 1, 2 included
      ks[i].writeTo(k, 4 * i);
    }
    long[] pts = FixedBase.g1(k, n);
    for (int i = 0; i < n; i++) {
      assertEquals(G1.generator().mul(ks[i]), G1.readAffine(pts, 8 * i), "scalar " + i);
    }
  }

  @Test
  void checkRejectsABrokenSrs() {
    Srs s = Srs.dev(4, 1);
    long[] g1 = s.g1Powers().clone();
    G1.generator().mul(Fr.of(12345)).writeAffine(g1, 8 * 7);
    assertFalse(SrsCheck.consecutivePowers(new Srs(g1, 16, s.g2(), s.tauG2(), "broken")));
    assertFalse(SrsCheck.consecutivePowers(
        new Srs(s.g1Powers(), 16, s.g2(), s.tauG2().add(G2.generator()), "wrong g2")));
  }

  @Test
  void cacheStoresTrimsAndRebuilds() throws Exception {
    Path ptau = Path.of(SrsTest.class.getResource("/vectors/pot2_from_pot10.ptau").toURI());
    SrsCache cache = new SrsCache(tmp.resolve("cache"));
    Srs first = cache.load(ptau, 2);
    Path[] entries;
    try (var st = Files.list(cache.dir())) {
      entries = st.toArray(Path[]::new);
    }
    assertEquals(1, entries.length);
    Srs again = cache.load(ptau, 2);
    assertTrue(again.source().contains("cached"));
    assertArrayEquals(first.g1Powers(), again.g1Powers());
    assertEquals(first.tauG2(), again.tauG2());
    Srs smaller = cache.load(ptau, 1);
    assertEquals(2, smaller.size());
    assertTrue(smaller.source().contains("cached"));
    // a damaged entry is ignored and rebuilt
    byte[] b = Files.readAllBytes(entries[0]);
    b[100] ^= 1;
    Files.write(entries[0], b);
    assertNull(SrsCache.readEntry(entries[0], "x"));
    Srs rebuilt = cache.load(ptau, 2);
    assertFalse(rebuilt.source().contains("cached"));
    assertArrayEquals(first.g1Powers(), rebuilt.g1Powers());
    assertNotNull(SrsCache.readEntry(entries[0], "x"));
  }

  static Path vector() throws URISyntaxException {
    return Path.of(SrsTest.class.getResource("/vectors/pot2_from_pot10.ptau").toURI());
  }
}
