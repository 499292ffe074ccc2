package io.kubz.poly.srs;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The dev SRS cache serves exactly Srs.dev's points and rebuilds a damaged or foreign entry. */
class DevSrsCacheTest {
  @TempDir Path dir;

  private static void assertSame(Srs expect, Srs got) {
    assertEquals(expect.size(), got.size());
    assertArrayEquals(Arrays.copyOf(expect.g1Powers(), expect.size() * 8),
        Arrays.copyOf(got.g1Powers(), got.size() * 8));
    assertEquals(expect.tauG2(), got.tauG2());
    assertEquals(expect.g2Power(2), got.g2Power(2));
    assertEquals(expect.g2Power(3), got.g2Power(3));
  }

  private long entries() throws IOException {
    try (Stream<Path> s = Files.list(dir)) {
      return s.filter(p -> p.getFileName().toString().endsWith(".srs")).count();
    }
  }

  @Test
  void servesTheSamePointsFromTheCacheAndSmallerSizesFromALargerEntry() throws IOException {
    SrsCache cache = new SrsCache(dir);
    Srs direct = Srs.dev(6, 42);
    assertSame(direct, cache.dev(6, 42)); // computed and written
    assertEquals(1, entries());
    assertSame(direct, cache.dev(6, 42)); // read back
    assertSame(Srs.dev(4, 42), cache.dev(4, 42)); // trimmed from the 2^6 entry
    assertEquals(1, entries());
    assertSame(Srs.dev(5, -7), cache.dev(5, -7)); // another seed: its own entry
    assertEquals(2, entries());
  }

  @Test
  void aDamagedOrForeignEntryIsRebuilt() throws IOException {
    SrsCache cache = new SrsCache(dir);
    cache.dev(5, 3);
    Path entry;
    try (Stream<Path> s = Files.list(dir)) {
      entry = s.filter(p -> p.getFileName().toString().endsWith(".srs")).findFirst().orElseThrow();
    }
    byte[] b = Files.readAllBytes(entry);
    b[b.length / 2] ^= 1;
    Files.write(entry, b);
    assertSame(Srs.dev(5, 3), cache.dev(5, 3));
    // another seed's valid entry under this seed's name: its points are not this τ's
    Path other = entry.resolveSibling("x.tmp");
    SrsCache.write(Srs.dev(5, 4), 5, other);
    Files.move(other, entry, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    assertSame(Srs.dev(5, 3), cache.dev(5, 3));
    assertTrue(Files.size(entry) > 0);
  }
}
