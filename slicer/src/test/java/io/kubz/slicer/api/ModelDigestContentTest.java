package io.kubz.slicer.api;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kubz.poly.srs.Srs;
import io.kubz.slicer.ir.Graph;
import io.kubz.slicer.onnx.ExampleModels;
import io.kubz.slicer.quant.QuantizedGraph;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/**
 * Issue #16 finding 5: the model digest depends on the SRS's content only. It used to hash the
 * SRS's source (a file path, plus " (cached)" on a warm cache) and size, so a valid bundle failed
 * {@code verify --model} when the verifier's ptau lay elsewhere or its cache was cold.
 */
class ModelDigestContentTest {
  static final Graph MODEL = Runs.graph(ExampleModels.mlp(41, 5, 4, 3));

  /** The same powers of τ as a ceremony SRS (τ unknown to the code) under another name and size. */
  static Srs ceremony(Srs powers, int size, String source) {
    return new Srs(powers.g1Powers(), size, powers.g2(), powers.tauG2(), source);
  }

  static byte[] digest(QuantizedGraph q, Srs srs) {
    return ModelProver.setup(q, null, ModelProver.Options.of(srs)).statement().modelDigest();
  }

  @Test
  void theDigestIgnoresWhereAndHowTheSrsWasLoaded() {
    Srs powers = Runs.srs();
    QuantizedGraph q = ModelProver.quantize(MODEL, Runs.input(MODEL, 1), (io.kubz.slicer.quant.QuantPlan) null);
    byte[] here = digest(q, ceremony(powers, powers.size(), "/home/alice/pot13.ptau"));
    byte[] cached = digest(q, ceremony(powers, powers.size(), "/var/cache/kubz/pot13.ptau (cached)"));
    byte[] fewer = digest(q, ceremony(powers, powers.size() / 2, "/mnt/other/pot.ptau"));
    assertArrayEquals(here, cached, "a path or a cache state changed the model digest");
    assertArrayEquals(here, fewer, "the number of powers loaded changed the model digest");
  }

  @Test
  void theDigestCoversTheG2PointsAndWhetherTauIsKnown() {
    Srs powers = Runs.srs();
    QuantizedGraph q = ModelProver.quantize(MODEL, Runs.input(MODEL, 1), (io.kubz.slicer.quant.QuantPlan) null);
    byte[] ceremony = digest(q, ceremony(powers, powers.size(), "pot.ptau"));
    byte[] dev = digest(q, powers);
    byte[] otherTau = digest(q, Srs.dev(13, 7));
    assertFalse(Arrays.equals(ceremony, dev), "a development SRS is part of the statement");
    assertFalse(Arrays.equals(dev, otherTau), "another τ is another statement");
  }

  @Test
  void aBundleProvedWithOneCopyOfTheSrsVerifiesAgainstTheModelWithAnother() {
    Srs powers = Runs.srs();
    Srs prover = ceremony(powers, powers.size(), "/prover/pot13.ptau");
    Srs verifier = ceremony(powers, powers.size() / 2, "/verifier/elsewhere/pot13.ptau (cached)");
    ModelProver.Result r = ModelProver.prove(MODEL, Runs.input(MODEL, 2), ModelProver.Options.of(prover));
    VerificationResult v = BundleVerifier.verifyForModel(r.bundle(), MODEL, TrustedSettings.defaults(),
        log2 -> verifier.trim(Math.min(verifier.size(), 1 << log2)), false, null);
    assertTrue(v.valid(), v.reason());
    assertFalse(v.insecureSrs());
  }
}
