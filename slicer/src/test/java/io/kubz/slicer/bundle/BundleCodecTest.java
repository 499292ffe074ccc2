package io.kubz.slicer.bundle;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kubz.field.Fr;
import io.kubz.field.G2;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.junit.jupiter.api.Test;

class BundleCodecTest {

  static ProofBundle sample(long seed) {
    Random rnd = new Random(seed);
    List<ProofBundle.Entry> layout = List.of(new ProofBundle.Entry("x", false, false, 0, 2),
        new ProofBundle.Entry("h", true, true, 2, 1));
    ProofBundle.Slice s0 = new ProofBundle.Slice(0, List.of("gemm", "relu"), new byte[] {1, 2, 3}, new byte[32], layout,
        List.of(Fr.of(-5), Fr.of(7), Fr.random(rnd)), new byte[] {9, 9}, 1234);
    ProofBundle.Slice s1 = new ProofBundle.Slice(1, List.of("gemm2"), new byte[] {4}, new byte[32],
        List.of(new ProofBundle.Entry("h", false, true, 0, 1), new ProofBundle.Entry("y", true, false, 1, 1)),
        List.of(Fr.random(rnd), Fr.of(3)), new byte[] {8}, 99);
    ProofBundle.SrsInfo srs = new ProofBundle.SrsInfo(G2.generator().toEvmBytes(), G2.generator().toEvmBytes(),
        "test", 16);
    ProofBundle b = new ProofBundle(new byte[0], "m", "{}", "{}", "PUBLIC", "PUBLIC", srs, List.of(s0, s1),
        List.of(new ProofBundle.PublicTensor("x", new int[] {1, 2}, 8, "PUBLIC", new long[] {-5, 7}, null)),
        List.of(new ProofBundle.PublicTensor("y", new int[] {1, 1}, 8, "PUBLIC", new long[] {3}, null)));
    return new ProofBundle(ModelDigest.of(b), b.modelName(), b.planJson(), b.quantJson(), b.inputVisibility(),
        b.outputVisibility(), b.srs(), b.slices(), b.inputs(), b.outputs());
  }

  @Test
  void roundTripKeepsEveryField() {
    ProofBundle b = sample(1);
    byte[] bytes = BundleCodec.encode(b);
    ProofBundle r = BundleCodec.decode(bytes);
    assertArrayEquals(b.modelDigest(), r.modelDigest());
    assertArrayEquals(ModelDigest.of(b), ModelDigest.of(r));
    assertEquals(2, r.slices().size());
    assertEquals(b.slices().get(0).instance(), r.slices().get(0).instance());
    assertEquals(b.slices().get(1).layout(), r.slices().get(1).layout());
    assertArrayEquals(new long[] {-5, 7}, r.inputs().get(0).values());
    assertArrayEquals(new int[] {1, 2}, r.inputs().get(0).shape());
    assertArrayEquals(b.slices().get(0).proof(), r.slices().get(0).proof());
    assertArrayEquals(bytes, BundleCodec.encode(r));
  }

  @Test
  void digestCoversKeysLayoutsAndSrsButNotValues() {
    ProofBundle b = sample(2);
    ProofBundle other = sample(3); // other random instance values, same statement
    assertArrayEquals(ModelDigest.of(b), ModelDigest.of(other));
    ProofBundle.Slice s = b.slices().get(1);
    byte[] vkd = new byte[32];
    vkd[0] = 1;
    ProofBundle changed = new ProofBundle(b.modelDigest(), b.modelName(), b.planJson(), b.quantJson(),
        b.inputVisibility(), b.outputVisibility(), b.srs(), List.of(b.slices().get(0),
            new ProofBundle.Slice(1, s.nodes(), s.verifyingKey(), vkd, s.layout(), s.instance(), s.proof(), s.rows())),
        b.inputs(), b.outputs());
    assertFalse(Arrays.equals(ModelDigest.of(b), ModelDigest.of(changed)));
    ProofBundle hashed = new ProofBundle(b.modelDigest(), b.modelName(), b.planJson(), b.quantJson(),
        b.inputVisibility(), "HASHED", b.srs(), b.slices(), b.inputs(), b.outputs());
    assertFalse(Arrays.equals(ModelDigest.of(b), ModelDigest.of(hashed)));
  }

  @Test
  void malformedBytesAreAFormatError() {
    assertThrows(BundleFormatException.class, () -> BundleCodec.decode(new byte[0]));
    assertThrows(BundleFormatException.class, () -> BundleCodec.decode(new byte[] {(byte) 0xff, (byte) 0xff}));
    byte[] good = BundleCodec.encode(sample(4));
    byte[] truncated = Arrays.copyOf(good, good.length / 2);
    assertThrows(BundleFormatException.class, () -> BundleCodec.decode(truncated));
    // a field element ≥ r in an instance cell
    ProofBundle b = sample(5);
    byte[] bytes = BundleCodec.encode(b);
    byte[] cell = Fr.of(-5).toBytesBE();
    int at = indexOf(bytes, cell);
    assertTrue(at >= 0);
    Arrays.fill(bytes, at, at + 32, (byte) 0xff);
    BundleFormatException e = assertThrows(BundleFormatException.class, () -> BundleCodec.decode(bytes));
    assertTrue(e.getMessage().contains("malformed"), e.getMessage());
  }

  @Test
  void otherVersionsAreRefusedByName() {
    byte[] bytes = BundleCodec.encode(sample(6));
    assertEquals(0x08, bytes[0]); // field 1, varint
    bytes[1] = 3; // 1 and 2 are known
    BundleFormatException e = assertThrows(BundleFormatException.class, () -> BundleCodec.decode(bytes));
    assertTrue(e.getMessage().contains("version 3"), e.getMessage());
  }

  @Test
  void aPlonkishBundleCalledVersion2IsRefused() {
    byte[] bytes = BundleCodec.encode(sample(6));
    assertEquals(0x08, bytes[0]);
    bytes[1] = 2; // version 2 needs every slice to name its proof system
    BundleFormatException e = assertThrows(BundleFormatException.class, () -> BundleCodec.decode(bytes));
    assertTrue(e.getMessage().contains("names no proof system"), e.getMessage());
  }

  @Test
  void aGkrSliceMakesVersion2AndRoundTrips() {
    ProofBundle b = sample(7);
    ProofBundle.Slice s = b.slices().get(0);
    byte[] g2 = b.srs().g2();
    ProofBundle gkr = new ProofBundle(b.modelDigest(), b.modelName(), b.planJson(), b.quantJson(),
        b.inputVisibility(), b.outputVisibility(), new ProofBundle.SrsInfo(g2, b.srs().tauG2(), "", 0, false, g2, g2),
        List.of(new ProofBundle.Slice(s.id(), s.nodes(), s.verifyingKey(), s.vkDigest(), s.layout(), s.instance(),
            s.proof(), s.rows(), "gkr")), b.inputs(), b.outputs());
    assertEquals(ProofBundle.FORMAT_VERSION_SYSTEMS, gkr.formatVersion());
    assertEquals(ProofBundle.FORMAT_VERSION, b.formatVersion());
    byte[] bytes = BundleCodec.encode(gkr);
    assertEquals(2, bytes[1]);
    ProofBundle back = BundleCodec.decode(bytes);
    assertEquals("gkr", back.slices().get(0).system());
    assertArrayEquals(g2, back.srs().tau3G2());
    // the proof system is part of the digest: the same statement as plonkish is another model
    assertFalse(Arrays.equals(ModelDigest.of(gkr), ModelDigest.of(b)));
  }

  /** A GKR slice's boundary commitments round-trip, stay out of the digest, and are refused elsewhere. */
  @Test
  void boundaryCommitmentsRoundTripOnGkrSlicesOnly() {
    ProofBundle b = sample(8);
    ProofBundle.Slice s = b.slices().get(0);
    byte[] g2 = b.srs().g2();
    ProofBundle.SrsInfo srs = new ProofBundle.SrsInfo(g2, b.srs().tauG2(), "", 0, false, g2, g2);
    byte[] c = new byte[BundleCodec.COMMITMENT_BYTES];
    c[0] = 7;
    ProofBundle.Slice with = new ProofBundle.Slice(s.id(), s.nodes(), s.verifyingKey(), s.vkDigest(), s.layout(),
        s.instance(), s.proof(), s.rows(), "gkr", List.of(c));
    ProofBundle gkr = new ProofBundle(b.modelDigest(), b.modelName(), b.planJson(), b.quantJson(),
        b.inputVisibility(), b.outputVisibility(), srs, List.of(with), b.inputs(), b.outputs());
    byte[] bytes = BundleCodec.encode(gkr);
    ProofBundle back = BundleCodec.decode(bytes);
    assertEquals(1, back.slices().get(0).commitments().size());
    assertArrayEquals(c, back.slices().get(0).commitments().get(0));
    assertArrayEquals(bytes, BundleCodec.encode(back));
    ProofBundle none = new ProofBundle(b.modelDigest(), b.modelName(), b.planJson(), b.quantJson(),
        b.inputVisibility(), b.outputVisibility(), srs, List.of(new ProofBundle.Slice(s.id(), s.nodes(),
            s.verifyingKey(), s.vkDigest(), s.layout(), s.instance(), s.proof(), s.rows(), "gkr")), b.inputs(),
        b.outputs());
    assertArrayEquals(ModelDigest.of(none), ModelDigest.of(gkr), "values, not statement");
    ProofBundle.Slice wrongSize = new ProofBundle.Slice(s.id(), s.nodes(), s.verifyingKey(), s.vkDigest(), s.layout(),
        s.instance(), s.proof(), s.rows(), "gkr", List.of(new byte[33]));
    assertThrows(BundleFormatException.class, () -> BundleCodec.decode(BundleCodec.encode(new ProofBundle(
        b.modelDigest(), b.modelName(), b.planJson(), b.quantJson(), b.inputVisibility(), b.outputVisibility(), srs,
        List.of(wrongSize), b.inputs(), b.outputs()))));
    ProofBundle.Slice plonkish = new ProofBundle.Slice(s.id(), s.nodes(), s.verifyingKey(), s.vkDigest(), s.layout(),
        s.instance(), s.proof(), s.rows(), "plonkish", List.of(c));
    BundleFormatException e = assertThrows(BundleFormatException.class, () -> BundleCodec.decode(BundleCodec.encode(
        new ProofBundle(b.modelDigest(), b.modelName(), b.planJson(), b.quantJson(), b.inputVisibility(),
            b.outputVisibility(), srs, List.of(plonkish), b.inputs(), b.outputs()))));
    assertTrue(e.getMessage().contains("no GKR slice"), e.getMessage());
    // version 1 (every slice plonkish, no [τ²]_2): commitments are refused too
    ProofBundle v1 = new ProofBundle(b.modelDigest(), b.modelName(), b.planJson(), b.quantJson(), b.inputVisibility(),
        b.outputVisibility(), b.srs(), List.of(plonkish), b.inputs(), b.outputs());
    assertEquals(ProofBundle.FORMAT_VERSION, v1.formatVersion());
    assertThrows(BundleFormatException.class, () -> BundleCodec.decode(BundleCodec.encode(v1)));
  }

  @Property(tries = 300)
  void anyBytesDecodeOrGiveAFormatError(@ForAll byte[] bytes) {
    try {
      BundleCodec.decode(bytes);
    } catch (BundleFormatException expected) {
      // the only exception allowed
    }
  }

  @Property(tries = 200)
  void anyFlippedByteDecodesOrGivesAFormatError(@ForAll int where, @ForAll byte value) {
    byte[] bytes = BundleCodec.encode(sample(7));
    bytes[Math.floorMod(where, bytes.length)] ^= (byte) (value == 0 ? 1 : value);
    try {
      BundleCodec.decode(bytes);
    } catch (BundleFormatException expected) {
      // fine
    }
  }

  private static int indexOf(byte[] hay, byte[] needle) {
    outer:
    for (int i = 0; i + needle.length <= hay.length; i++) {
      for (int j = 0; j < needle.length; j++) {
        if (hay[i + j] != needle[j]) {
          continue outer;
        }
      }
      return i;
    }
    return -1;
  }
}
