package io.kubz.poly.srs;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kubz.field.Fr;
import io.kubz.field.G1;
import io.kubz.field.G2;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URISyntaxException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.Arrays;
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
    assertEquals(4, s.g2PowerCount());
    for (int k = 0; k < 4; k++) {
      assertEquals(G2.generator().mul(tau.pow(k)), s.g2Power(k), "G2 power " + k);
      assertEquals(s.g2Power(k), s.trim(2).g2Power(k), "trim keeps G2 power " + k);
    }
    assertTrue(SrsCheck.g2Powers(s));
  }

  @Test
  void g2PowersCheckRejectsWrongHigherPowers() {
    Srs s = Srs.dev(3, 5);
    G2 t2 = s.g2Power(2);
    G2 t3 = s.g2Power(3);
    assertTrue(SrsCheck.g2Powers(s.withHigherG2(t2, t3)));
    assertFalse(SrsCheck.g2Powers(s.withHigherG2(t3, t2)));
    assertFalse(SrsCheck.g2Powers(s.withHigherG2(t2, t3.add(G2.generator()))));
    assertFalse(SrsCheck.g2Powers(s.withHigherG2(t2.add(G2.generator()), t3)));
    Srs plain = new Srs(s.g1Powers(), s.size(), s.g2(), s.tauG2(), "plain");
    assertEquals(2, plain.g2PowerCount());
    assertTrue(SrsCheck.g2Powers(plain));
    assertThrows(IllegalArgumentException.class, () -> plain.g2Power(2));
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
    Srs direct = PtauReader.read(ptau, 2);
    assertEquals(4, direct.g2PowerCount());
    for (int k = 0; k < 4; k++) {
      assertEquals(direct.g2Power(k), first.g2Power(k), "first load, G2 power " + k);
      assertEquals(direct.g2Power(k), again.g2Power(k), "cached load, G2 power " + k);
    }
    Srs smaller = cache.load(ptau, 1);
    assertEquals(2, smaller.size());
    assertTrue(smaller.source().contains("cached"));
    // a damaged entry is ignored and rebuilt
    byte[] b = Files.readAllBytes(entries[0]);
    b[100] ^= 1;
    Files.write(entries[0], b);
    assertNull(SrsCache.readEntry(entries[0], ptau));
    Srs rebuilt = cache.load(ptau, 2);
    assertFalse(rebuilt.source().contains("cached"));
    assertArrayEquals(first.g1Powers(), rebuilt.g1Powers());
    assertNotNull(SrsCache.readEntry(entries[0], ptau));
  }

  @Test
  void lagrangeCheckAcceptsTheBasisOnly() {
    Srs s = Srs.dev(5, 3);
    for (int k = 0; k <= 5; k++) {
      assertTrue(SrsCheck.lagrangeBasis(s, s.lagrange(k).orElseThrow(), k), "2^" + k);
    }
    long[] basis = s.lagrange(5).orElseThrow().clone();
    assertFalse(SrsCheck.lagrangeBasis(s, basis, 4), "a basis of another size");
    long[] swapped = basis.clone();
    System.arraycopy(basis, 8 * 3, swapped, 8 * 4, 8);
    System.arraycopy(basis, 8 * 4, swapped, 8 * 3, 8);
    assertFalse(SrsCheck.lagrangeBasis(s, swapped, 5), "two points swapped");
    assertFalse(SrsCheck.lagrangeBasis(Srs.dev(5, 4), basis, 5), "another τ");
    // the check against a plain ceremony-style SRS (no τ) of the same powers
    Srs plain = new Srs(s.g1Powers(), s.size(), s.g2(), s.tauG2(), "plain");
    assertTrue(plain.lagrange(5).isEmpty());
    assertTrue(SrsCheck.lagrangeBasis(plain, basis, 5));
  }

  @Test
  void cacheKeepsTheLagrangeBases() throws Exception {
    Path ptau = PtauLagrangeTest.preparedVector();
    SrsCache cache = new SrsCache(tmp.resolve("cache"));
    Srs fresh = cache.load(ptau, 2);
    assertFalse(fresh.source().contains("cached"));
    Path entry;
    try (var st = Files.list(cache.dir())) {
      entry = st.findFirst().orElseThrow();
    }
    Srs cached = cache.load(ptau, 2);
    assertTrue(cached.source().contains("cached"));
    Srs direct = PtauReader.read(ptau, 2);
    for (int k = 0; k <= 2; k++) {
      long[] want = direct.lagrange(k).orElseThrow();
      assertArrayEquals(want, fresh.lagrange(k).orElseThrow(), "first load, 2^" + k);
      assertArrayEquals(want, cached.lagrange(k).orElseThrow(), "cached, 2^" + k);
    }
    Srs smaller = cache.load(ptau, 1);
    assertTrue(smaller.source().contains("cached"));
    assertArrayEquals(direct.lagrange(1).orElseThrow(), smaller.lagrange(1).orElseThrow());
    // a damaged basis in the entry is read from the ptau file again (and checked there)
    byte[] b = Files.readAllBytes(entry);
    b[b.length - 40] ^= 1; // inside the last basis (2^2), before its digest
    Files.write(entry, b);
    Srs damaged = SrsCache.readEntry(entry, ptau);
    assertArrayEquals(direct.lagrange(2).orElseThrow(), damaged.lagrange(2).orElseThrow());
    // an unprepared source caches no basis
    Srs raw = cache.load(vector(), 2);
    assertTrue(cache.load(vector(), 2).source().contains("cached"));
    assertTrue(cache.load(vector(), 2).lagrange(2).isEmpty());
    assertTrue(raw.lagrange(2).isEmpty());
  }

  /** An entry in the first format (no Lagrange bases), as SrsCache wrote it before. */
  private static void writeFormat1(Srs srs, int log2n, Path target) throws Exception {
    ByteBuffer b = ByteBuffer.allocate(8 + 8 + 256 + 64 * srs.size())
        .order(ByteOrder.LITTLE_ENDIAN);
    b.put("kubzsrs1".getBytes(StandardCharsets.US_ASCII)).putInt(log2n).putInt(srs.size());
    long[] g2 = new long[32];
    srs.g2().writeAffine(g2, 0);
    srs.tauG2().writeAffine(g2, 16);
    for (long v : g2) {
      b.putLong(v);
    }
    for (int i = 0; i < 8 * srs.size(); i++) {
      b.putLong(srs.g1Powers()[i]);
    }
    byte[] body = b.array();
    byte[] digest = MessageDigest.getInstance("SHA-256").digest(body);
    byte[] all = Arrays.copyOf(body, body.length + 32);
    System.arraycopy(digest, 0, all, body.length, 32);
    Files.write(target, all);
  }

  @Test
  void oldFormatEntriesAreRebuiltNotMisread() throws Exception {
    Path ptau = PtauLagrangeTest.preparedVector();
    SrsCache cache = new SrsCache(tmp.resolve("cache1"));
    Srs fresh = cache.load(ptau, 2);
    Path entry;
    try (var st = Files.list(cache.dir())) {
      entry = st.findFirst().orElseThrow();
    }
    writeFormat1(fresh, 2, entry);
    assertNull(SrsCache.readEntry(entry, ptau));
    Srs again = cache.load(ptau, 2);
    assertFalse(again.source().contains("cached"), "rebuilt from the ptau file");
    assertArrayEquals(fresh.lagrange(2).orElseThrow(), again.lagrange(2).orElseThrow());
    assertNotNull(SrsCache.readEntry(entry, ptau), "rewritten in the current format");
  }

  static Path vector() throws URISyntaxException {
    return Path.of(SrsTest.class.getResource("/vectors/pot2_from_pot10.ptau").toURI());
  }
}
