package io.kubz.slicer.api;

import io.kubz.field.BadInputException;
import io.kubz.field.Fr;
import io.kubz.field.G1;
import io.kubz.field.G2;
import io.kubz.plonkish.Proof;
import io.kubz.plonkish.format.KeyCodec;
import io.kubz.plonkish.format.ProofCodec;
import io.kubz.plonkish.keygen.VerifyingKey;
import io.kubz.plonkish.verifier.Verifier;
import io.kubz.poly.kzg.Kzg;
import io.kubz.poly.srs.Srs;
import io.kubz.slicer.bundle.BundleCodec;
import io.kubz.slicer.bundle.BundleFormatException;
import io.kubz.slicer.bundle.ModelDigest;
import io.kubz.slicer.bundle.ProofBundle;
import io.kubz.slicer.exec.KeyCache;
import io.kubz.slicer.ir.Graph;
import io.kubz.slicer.lower.Visibility;
import io.kubz.slicer.plan.SlicePlan;
import io.kubz.slicer.quant.QuantPlan;
import io.kubz.slicer.quant.QuantizedGraph;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/**
 * The library entry point for verifying a bundle (the checks are listed in the package
 * documentation of {@code io.kubz.slicer.bundle}). Never throws on any bytes: malformed input is
 * a {@link VerificationResult#malformed()} result, everything else that fails names its slice or
 * link. Cheap checks (digest, order, links, declared values) run before the slice proofs.
 */
public final class BundleVerifier {
  private BundleVerifier() {}

  /** Checks the bundle on its own (its own SRS G2 points, which its model digest covers). */
  public static VerificationResult verify(byte[] bundle) {
    return verify(bundle, null, null);
  }

  /**
   * @param expectedModelDigest the digest of the model the caller expects, or null
   * @param trustedSrs the SRS the caller trusts (its [τ]_2 must be the bundle's), or null
   */
  public static VerificationResult verify(byte[] bundle, byte[] expectedModelDigest, Srs trustedSrs) {
    ProofBundle b;
    try {
      b = BundleCodec.decode(bundle);
    } catch (BundleFormatException e) {
      return VerificationResult.format(e.getMessage());
    } catch (OutOfMemoryError e) {
      throw e;
    } catch (RuntimeException | Error e) { // a last line: the bounds make a StackOverflowError impossible
      return VerificationResult.format("not a kubz proof bundle: " + e);
    }
    String digest = ModelDigest.hex(b.modelDigest());
    try {
      return check(b, digest, expectedModelDigest, trustedSrs);
    } catch (OutOfMemoryError e) {
      throw e;
    } catch (RuntimeException | Error e) { // a last line: the bounds make a StackOverflowError impossible
      return VerificationResult.invalid(digest, "malformed bundle contents: " + e.getMessage());
    }
  }

  /**
   * The {@code --model} check: recompiles the model with the bundle's settings and plan, makes (or
   * finds in {@code cacheDir}, null for none) the keys under {@code srs}, and verifies the bundle
   * against the model digest this gives, so the keys are the ones this model compiles to.
   */
  public static VerificationResult verifyForModel(byte[] bundle, Graph model, Srs srs, Path cacheDir) {
    ProofBundle b;
    try {
      b = BundleCodec.decode(bundle);
    } catch (BundleFormatException e) {
      return VerificationResult.format(e.getMessage());
    } catch (OutOfMemoryError e) {
      throw e;
    } catch (RuntimeException | Error e) { // a last line: the bounds make a StackOverflowError impossible
      return VerificationResult.format("not a kubz proof bundle: " + e);
    }
    byte[] expected;
    try {
      QuantizedGraph q = QuantizedGraph.quantize(model, QuantPlan.fromJson(b.quantJson()));
      Visibility vis = new Visibility(Visibility.Mode.valueOf(b.inputVisibility()),
          Visibility.Mode.valueOf(b.outputVisibility()));
      SlicePlan plan = SlicePlan.fromJson(b.planJson(), q.graph(), new LoweredCost(q, vis));
      expected = new ProvingSession(q, plan, vis, log2 -> srs, new KeyCache(cacheDir), ProgressListener.NONE)
          .statement().modelDigest();
    } catch (OutOfMemoryError e) {
      throw e;
    } catch (RuntimeException | Error e) { // a last line: the bounds make a StackOverflowError impossible
      return VerificationResult.invalid(ModelDigest.hex(b.modelDigest()),
          "the bundle was not made from this model: its plan and settings do not compile on it (" + e.getMessage() + ")");
    }
    return verify(bundle, expected, srs);
  }

  private static VerificationResult check(ProofBundle b, String digest, byte[] expected, Srs trusted) {
    if (!Arrays.equals(ModelDigest.of(b), b.modelDigest())) {
      return VerificationResult.invalid(digest, "the model digest does not match the bundle's keys and layout:"
          + " the bundle was altered");
    }
    if (expected != null && !Arrays.equals(expected, b.modelDigest())) {
      return VerificationResult.invalid(digest, "the bundle proves a different model: its digest is " + digest
          + ", the model's is " + ModelDigest.hex(expected));
    }
    if (b.slices().isEmpty()) {
      return VerificationResult.invalid(digest, "the bundle has no slices");
    }
    Kzg kzg;
    try {
      kzg = verifierKzg(b, trusted);
    } catch (IllegalArgumentException e) {
      return VerificationResult.format("malformed SRS points in the bundle: " + e.getMessage());
    }
    if (kzg == null) {
      return VerificationResult.invalid(digest, "the bundle was made with a different SRS than the trusted one ("
          + trusted.source() + ")");
    }
    VerifyingKey[] vks = new VerifyingKey[b.slices().size()];
    Map<String, LinkCheck.Produced> produced = new HashMap<>();
    for (int i = 0; i < b.slices().size(); i++) {
      ProofBundle.Slice s = b.slices().get(i);
      if (s.id() != i) {
        return VerificationResult.slice(digest, i, "slice at position " + i + " has id " + s.id()
            + ": the slices are out of order");
      }
      try {
        vks[i] = KeyCodec.decodeVerifyingKey(s.verifyingKey());
      } catch (BadInputException e) {
        return VerificationResult.slice(digest, i, "slice " + i + ": " + e.getMessage());
      }
      if (!Arrays.equals(vks[i].digest(), s.vkDigest())) {
        return VerificationResult.slice(digest, i, "slice " + i + ": verifying key does not match its digest");
      }
      for (ProofBundle.Entry e : s.layout()) {
        if (e.length() < 1 || (long) e.row() + e.length() > s.instance().size() || (e.commitment() && e.length() != 1)) {
          return VerificationResult.slice(digest, i, "slice " + i + ": instance layout entry for '" + e.tensor()
              + "' lies outside its " + s.instance().size() + " instance values");
        }
        if (e.output() && produced.putIfAbsent(e.tensor(), new LinkCheck.Produced(i, e)) != null) {
          return VerificationResult.slice(digest, i, "slice " + i + " produces '" + e.tensor()
              + "', which an earlier slice produces already");
        }
      }
    }
    VerificationResult r = LinkCheck.coverage(b, digest);
    if (r != null) {
      return r;
    }
    r = LinkCheck.links(b, digest, produced);
    if (r != null) {
      return r;
    }
    r = LinkCheck.outputs(b, digest, produced);
    if (r != null) {
      return r;
    }
    for (int i = 0; i < b.slices().size(); i++) {
      ProofBundle.Slice s = b.slices().get(i);
      Proof proof;
      try {
        proof = ProofCodec.decode(s.proof());
      } catch (RuntimeException e) {
        return VerificationResult.slice(digest, i, "slice " + i + ": malformed proof (" + e.getMessage() + ")");
      }
      Fr[][] instance = new Fr[vks[i].numInstance()][];
      for (int c = 0; c < instance.length; c++) {
        instance[c] = c == 0 ? s.instance().toArray(new Fr[0]) : new Fr[0];
      }
      if (instance.length == 0 && !s.instance().isEmpty()) {
        return VerificationResult.slice(digest, i, "slice " + i + " has public values but its circuit has no instance");
      }
      if (!Verifier.verify(vks[i], kzg, instance, proof)) {
        return VerificationResult.slice(digest, i, "the proof of slice " + i + " does not verify against its"
            + " public values");
      }
    }
    return VerificationResult.ok(digest, b.slices().size(), b.outputs());
  }

  /** KZG with the trusted SRS (null if the bundle's [τ]_2 is another), else with the bundle's G2 points. */
  private static Kzg verifierKzg(ProofBundle b, Srs trusted) {
    G2 g2 = G2.fromEvmBytes(b.srs().g2(), 0);
    G2 tau = G2.fromEvmBytes(b.srs().tauG2(), 0);
    if (trusted != null) {
      boolean same = trusted.g2().equals(g2) && trusted.tauG2().equals(tau);
      return same ? new Kzg(trusted) : null;
    }
    long[] g1 = new long[G1.AFFINE_LONGS];
    G1.generator().writeAffine(g1, 0);
    return new Kzg(new Srs(g1, 1, g2, tau, "the bundle's SRS (" + b.srs().source() + ")"));
  }
}
