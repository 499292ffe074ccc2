package io.kubz.slicer.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kubz.plonkish.format.KeyCodec;
import io.kubz.plonkish.keygen.VerifyingKey;
import io.kubz.slicer.bundle.BundleCodec;
import io.kubz.slicer.bundle.ProofBundle;
import io.kubz.slicer.ir.Graph;
import io.kubz.slicer.onnx.ExampleModels;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Issue #16, finding 4: the bundle verifier under a fuzzer. One small honest bundle is mutated
 * every way the issue lists — truncations, bit flips, protobuf lengths of 2^31 and 2^32 − 1,
 * nested keys with deep and huge expressions, huge k, blinding, column, slice and layout counts,
 * a foreign key — and every mutant must come back from {@link BundleVerifier} as a rejection: no
 * mutant accepted, no Throwable escaping. The slowest case is printed (time is reported, never
 * asserted: speed belongs to bench/).
 */
class BundleFuzzTest {
  static byte[] honest;
  static ProofBundle parsed;
  static ProofBundle foreign;
  static final Fuzz FUZZ = new Fuzz();

  @BeforeAll
  static void prove() {
    Graph model = Runs.graph(ExampleModels.mlp(41, 4, 3, 2));
    honest = ModelProver.prove(model, Runs.input(model, 1), ModelProver.Options.of(Runs.srs()).withThreads(2))
        .bundle();
    parsed = BundleCodec.decode(honest);
    Graph other = Runs.graph(ExampleModels.mlp(42, 4, 3, 2));
    foreign = BundleCodec.decode(ModelProver.prove(other, Runs.input(other, 1),
        ModelProver.Options.of(Runs.srs()).withThreads(2)).bundle());
    assertTrue(BundleVerifier.selfCheck(honest).valid(), "the honest bundle verifies");
  }

  @AfterAll
  static void report() {
    System.out.println("BundleFuzzTest: " + FUZZ.cases + " mutants of a " + honest.length + "-byte bundle, "
        + FUZZ.malformed + " malformed, " + (FUZZ.cases - FUZZ.malformed) + " invalid; slowest "
        + FUZZ.worstMillis + " ms (" + FUZZ.worst + ")");
    FUZZ.slowest.forEach((name, ms) -> System.out.println("  slowest of its kind: " + ms + " ms  " + name));
  }

  /** Runs the verifier on each mutant: counts, keeps the slowest, fails on acceptance or any throw. */
  static final class Fuzz {
    int cases;
    int malformed;
    long worstMillis = -1;
    String worst = "";
    /** The slowest mutant of each kind (its name with the numbers blanked). */
    final java.util.Map<String, Long> slowest = new java.util.TreeMap<>();

    VerificationResult reject(String name, byte[] bundle) {
      return reject(name, bundle, null);
    }

    /** @param expected the model digest the verifier holds, or null for the bundle on its own */
    synchronized VerificationResult reject(String name, byte[] bundle, byte[] expected) {
      long t0 = System.nanoTime();
      VerificationResult r;
      try {
        // the bundle on its own runs every check (its own G2 points); with a digest, the trusted SRS
        r = expected == null ? BundleVerifier.selfCheck(bundle) : BundleVerifier.verify(bundle, expected, Runs.srs(), true);
      } catch (Throwable t) {
        throw new AssertionError(name + ": " + t + " escaped BundleVerifier", t);
      }
      long ms = (System.nanoTime() - t0) / 1_000_000;
      cases++;
      assertNotNull(r, name);
      assertTrue(!r.valid(), name + " was accepted");
      malformed += r.malformed() ? 1 : 0;
      slowest.merge(name.replaceAll("[0-9]+", "#"), ms, Math::max);
      if (ms > worstMillis) {
        worstMillis = ms;
        worst = name + ": " + r.reason();
      }
      return r;
    }
  }

  @Test
  void truncationsAtEveryLengthAreRejected() {
    int step = Math.max(1, honest.length / 4000); // every length up to 4000 bytes, a dense stride beyond
    for (int len = 0; len < honest.length; len += step) {
      FUZZ.reject("truncated to " + len, Arrays.copyOf(honest, len));
    }
    FUZZ.reject("one byte short", Arrays.copyOf(honest, honest.length - 1));
    byte[] longer = Arrays.copyOf(honest, honest.length + 1);
    FUZZ.reject("a stray zero byte appended", longer);
  }

  @Test
  void singleBitFlipsOverTheWholeBundleAreRejected() {
    Random rnd = new Random(20261207);
    for (int i = 0; i < 600; i++) {
      int bit = rnd.nextInt(8 * honest.length);
      byte[] b = honest.clone();
      b[bit / 8] ^= (byte) (1 << (bit % 8));
      FUZZ.reject("bit " + bit + " flipped", b);
    }
  }

  @Test
  void lengthPrefixesOf2To31And2To32Minus1AreRejected() {
    List<int[]> fields = Wire.lengthPrefixes(honest);
    assertTrue(fields.size() > 5, "the bundle has length-delimited fields: " + fields.size());
    for (int[] f : fields) {
      for (long len : new long[] {1L << 31, (1L << 32) - 1, Long.MAX_VALUE, -1L}) {
        FUZZ.reject("length of the field at byte " + f[0] + " set to " + len, Wire.withLength(honest, f, len));
      }
    }
  }

  @Test
  void nestedKeysWithDeepOrHugeExpressionsAreRejected() {
    VerifyingKey vk = KeyCodec.decodeVerifyingKey(parsed.slices().get(0).verifyingKey());
    for (Keys.Key m : Keys.expressionMutants(vk)) {
      VerificationResult r = FUZZ.reject(m.name(), Keys.inSlice0(parsed, m));
      assertEquals(0, r.failingSlice(), m.name() + ": " + r.reason());
    }
  }

  @Test
  void hugeKBlindingAndColumnCountsAreRejected() {
    VerifyingKey vk = KeyCodec.decodeVerifyingKey(parsed.slices().get(0).verifyingKey());
    for (Keys.Key m : Keys.shapeMutants(vk)) {
      VerificationResult r = FUZZ.reject(m.name(), Keys.inSlice0(parsed, m));
      assertEquals(0, r.failingSlice(), m.name() + ": " + r.reason());
    }
  }

  @Test
  void hugeSliceLayoutAndProofCountsAreRejected() {
    for (Bundles.Mutant m : Bundles.countMutants(parsed)) {
      FUZZ.reject(m.name(), m.bytes(), m.anchored() ? parsed.modelDigest() : null);
    }
  }

  @Test
  void aForeignKeyWithItsDigestsFixedUpIsRejected() {
    List<ProofBundle.Slice> slices = new ArrayList<>(parsed.slices());
    ProofBundle.Slice s = slices.get(0);
    ProofBundle.Slice f = foreign.slices().get(0);
    assertTrue(!Arrays.equals(s.vkDigest(), f.vkDigest()), "another model, another key");
    slices.set(0, new ProofBundle.Slice(s.id(), s.nodes(), f.verifyingKey(), f.vkDigest(), s.layout(), s.instance(),
        s.proof(), s.rows()));
    VerificationResult r = FUZZ.reject("slice 0 with the other model's key", Bundles.forged(parsed, slices));
    assertEquals(0, r.failingSlice(), r.reason());
    // and the other model's key with its own proof and instance: the links break
    slices.set(0, new ProofBundle.Slice(s.id(), s.nodes(), f.verifyingKey(), f.vkDigest(), s.layout(), f.instance(),
        f.proof(), s.rows()));
    FUZZ.reject("slice 0 taken whole from the other model", Bundles.forged(parsed, slices));
    // against the honest model digest the forged digest alone fails
    r = BundleVerifier.verify(Bundles.forged(parsed, slices), parsed.modelDigest(), Runs.srs(), true);
    assertTrue(!r.valid(), r.reason());
  }
}
