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
import io.kubz.slicer.backend.GkrProofSystem;
import io.kubz.slicer.bundle.BundleCodec;
import io.kubz.slicer.bundle.BundleFormatException;
import io.kubz.slicer.bundle.ModelDigest;
import io.kubz.slicer.bundle.ProofBundle;
import io.kubz.slicer.exec.KeyCache;
import io.kubz.slicer.ir.Graph;
import io.kubz.slicer.ir.Tensor;
import io.kubz.slicer.lower.Visibility;
import io.kubz.slicer.plan.SlicePlan;
import io.kubz.slicer.quant.QuantPlan;
import io.kubz.slicer.quant.QuantizedGraph;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntFunction;

/**
 * The library entry point for verifying a bundle (the checks are listed in the package
 * documentation of {@code io.kubz.slicer.bundle}). Never throws on any bytes: malformed input is
 * a {@link VerificationResult#malformed()} result, everything else that fails names its slice or
 * link. Cheap checks (digest, order, links, declared values) run before the slice proofs.
 *
 * <p>Trust model (DESIGN.md): a bundle proves that, for the model digest D, every slice circuit is
 * satisfied on linked tensors and the declared public inputs and outputs are the ones used. D
 * covers the plan, the quantization settings, the visibility, every slice's key, the SRS's G2
 * points and whether that SRS is a development one. A bundle can carry keys and a τ of its own
 * making, so nothing it says about itself is trusted: the caller supplies the anchor, a model to
 * recompile ({@link #verifyForModel}, which also compares the settings with trusted ones) or a
 * digest it trusts ({@link #verify}), and the SRS whose [1]_2 and [τ]_2 the proofs are checked
 * with. A slice names its proof system: plonkish slices are checked with their verifying keys, GKR
 * slices with the layered model they carry ({@link GkrCheck}); the model digest covers which. A
 * bundle made with a development SRS (τ known: anyone can forge) is accepted only when the
 * caller allows it, and the result then says {@link VerificationResult#insecureSrs()}.
 */
public final class BundleVerifier {
  private BundleVerifier() {}

  /**
   * Checks the bundle against the keys and SRS points it carries itself. This is no verification:
   * anyone can make a self-consistent bundle for any model and output with a τ of their own. It
   * tells a corrupted or tampered-with bundle from an intact one (tests, inspection).
   */
  public static VerificationResult selfCheck(byte[] bundle) {
    return decoded(bundle, b -> checked(b, null, null, null, true));
  }

  /**
   * Verifies the bundle as a proof about the model with digest {@code trustedDigest} (published by
   * the model owner, or from {@code kubz setup}), with the proofs checked under the caller's SRS.
   *
   * @param trustedSrs only its [1]_2 and [τ]_2 are used (an SRS of one power will do)
   * @param allowDevSrs accept a bundle made with a development SRS (the result says insecure)
   */
  public static VerificationResult verify(byte[] bundle, byte[] trustedDigest, Srs trustedSrs, boolean allowDevSrs) {
    return verify(bundle, trustedDigest, trustedSrs, log2 -> GkrProofSystem.verifierSrs(trustedSrs, log2), allowDevSrs);
  }

  /**
   * As above, for bundles with GKR slices too: their HyperKZG verifier needs [τ]_1, [τ²]_1,
   * [τ²]_2, [τ³]_2 and an SRS of 2^v powers for a witness of v variables, which
   * {@code gkrSrs.apply(v)} gives (asked only once the bundle's digest equals {@code trustedDigest},
   * so v is the trusted model's, never a size the bundle makes up; {@link
   * GkrProofSystem#verifierSrs} makes one from four powers). The other method passes {@code
   * trustedSrs} that way: for GKR bundles it must hold four powers.
   */
  public static VerificationResult verify(byte[] bundle, byte[] trustedDigest, Srs trustedSrs, IntFunction<Srs> gkrSrs,
      boolean allowDevSrs) {
    java.util.Objects.requireNonNull(trustedDigest, "trustedDigest");
    java.util.Objects.requireNonNull(trustedSrs, "trustedSrs");
    java.util.Objects.requireNonNull(gkrSrs, "gkrSrs");
    return decoded(bundle, b -> checked(b, trustedDigest, trustedSrs, gkrSrs, allowDevSrs));
  }

  /**
   * The {@code --model} check: derives the settings the caller trusts ({@code settings}: a file,
   * or the rule of {@link TrustedSettings} applied to this model), rejects a bundle whose settings
   * differ (naming every difference), recompiles the model with them and the bundle's plan and
   * visibility, makes (or finds in {@code cacheDir}, null for none) the keys under the caller's SRS
   * and verifies the bundle against the model digest this gives.
   *
   * @param srs the caller's SRS by log2 size, asked for what the recompiled model needs (never
   *     for a size the bundle claims)
   */
  public static VerificationResult verifyForModel(byte[] bundle, Graph model, TrustedSettings settings,
      IntFunction<Srs> srs, boolean allowDevSrs, Path cacheDir) {
    return decoded(bundle, b -> forModel(b, model, settings, srs, allowDevSrs, cacheDir));
  }

  private static VerificationResult forModel(ProofBundle b, Graph model, TrustedSettings settings,
      IntFunction<Srs> srs, boolean allowDevSrs, Path cacheDir) {
    String digest = ModelDigest.hex(b.modelDigest());
    Visibility vis;
    QuantPlan claimed;
    try {
      vis = new Visibility(Visibility.Mode.valueOf(b.inputVisibility()), Visibility.Mode.valueOf(b.outputVisibility()));
      claimed = QuantPlan.fromJson(b.quantJson());
    } catch (OutOfMemoryError e) {
      throw e;
    } catch (RuntimeException | Error e) { // a last line: bounds make a StackOverflowError impossible
      return VerificationResult.invalid(digest, "malformed visibility or settings in the bundle: " + e.getMessage());
    }
    QuantizedGraph q;
    try {
      List<Tensor> in = vis.input() == Visibility.Mode.PUBLIC ? TrustedSettings.publicInputs(b.inputs()) : null;
      q = settings.trusted(model, vis, in, claimed);
    } catch (OutOfMemoryError e) {
      throw e;
    } catch (RuntimeException | Error e) { // a last line: bounds make a StackOverflowError impossible
      return VerificationResult.invalid(digest, "cannot derive the trusted settings ("
          + settings.describe(vis.input()) + "): " + e.getMessage()).withSettings(claimed);
    }
    List<String> diff = TrustedSettings.differences(claimed, q.plan());
    if (!diff.isEmpty()) {
      return VerificationResult.invalid(digest, "the bundle's quantization settings are not the trusted ones ("
          + settings.describe(vis.input()) + "): " + String.join("; ", diff)
          + ". Pass the prover's settings file with --settings if you trust it").withSettings(claimed);
    }
    boolean gkr = !b.slices().isEmpty() && b.slices().stream().allMatch(s -> GkrProofSystem.NAME.equals(s.system()));
    boolean mixed = !gkr && b.slices().stream().anyMatch(s -> GkrProofSystem.NAME.equals(s.system()));
    ProvingSession session = null;
    GkrSession gkrSession = null;
    MixedSession mixedSession = null;
    RuntimeException[] srsFailure = new RuntimeException[1];
    IntFunction<Srs> loader = log2 -> {
      try {
        return srs.apply(log2);
      } catch (RuntimeException e) {
        srsFailure[0] = e;
        throw e;
      }
    };
    try {
      if (mixed) { // the bundle's plan names each slice's system
        SlicePlan plan = SlicePlan.fromJson(b.planJson(), q.graph(), new LoweredCost(q, vis));
        mixedSession = new MixedSession(q, plan, vis, loader, new KeyCache(cacheDir), ProgressListener.NONE, true);
      } else if (gkr) { // the bundle's plan (its node sets, in the canonical form a GKR prover writes); 4 powers will do
        SlicePlan plan = SlicePlan.fromJson(b.planJson(), q.graph(), io.kubz.slicer.plan.SliceCost.DEFAULT);
        gkrSession = new GkrSession(q, plan, vis, loader, ProgressListener.NONE, true);
      } else {
        SlicePlan plan = SlicePlan.fromJson(b.planJson(), q.graph(), new LoweredCost(q, vis));
        session = new ProvingSession(q, plan, vis, loader, new KeyCache(cacheDir), ProgressListener.NONE);
      }
    } catch (OutOfMemoryError e) {
      throw e;
    } catch (RuntimeException | Error e) { // a last line: bounds make a StackOverflowError impossible
      String why = srsFailure[0] != null ? "the trusted SRS could not be loaded for the recompiled model ("
          + srsFailure[0].getMessage() + ")" : "the bundle was not made from this model: its plan and settings do not"
          + " compile on it, or need more SRS powers than the trusted SRS has (" + e.getMessage() + ")";
      return VerificationResult.invalid(digest, why).withSettings(claimed);
    }
    if (mixed) {
      Srs trusted = mixedSession.srs();
      Srs points = mixedSession.gkrSrs();
      return checked(b, mixedSession.statement().modelDigest(), trusted,
          log2 -> GkrProofSystem.verifierSrs(points, log2), allowDevSrs);
    }
    if (gkr) {
      Srs trusted = gkrSession.srs();
      return checked(b, gkrSession.statement().modelDigest(), trusted, log2 -> trusted, allowDevSrs);
    }
    Srs trusted = session.srs();
    return checked(b, session.statement().modelDigest(), trusted, log2 -> trusted, allowDevSrs);
  }

  /** Decodes the bundle and hands it on; any bytes that are not a bundle are a format result, never a throw. */
  private static VerificationResult decoded(byte[] bundle, java.util.function.Function<ProofBundle, VerificationResult> then) {
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
    return then.apply(b);
  }

  /** {@link #check} with settings attached and any unexpected exception turned into a failure. */
  static VerificationResult checked(ProofBundle b, byte[] expected, Srs trusted, IntFunction<Srs> gkrSrs,
      boolean allowDev) {
    String digest = ModelDigest.hex(b.modelDigest());
    QuantPlan settings;
    try {
      settings = QuantPlan.fromJson(b.quantJson());
    } catch (OutOfMemoryError e) {
      throw e;
    } catch (RuntimeException | Error e) { // a last line: bounds make a StackOverflowError impossible
      settings = null;
    }
    try {
      return check(b, digest, expected, trusted, gkrSrs, allowDev, settings).withSettings(settings);
    } catch (OutOfMemoryError e) {
      throw e;
    } catch (RuntimeException | Error e) { // a last line: bounds make a StackOverflowError impossible
      return VerificationResult.invalid(digest, "malformed bundle contents: " + e.getMessage());
    }
  }

  private static VerificationResult check(ProofBundle b, String digest, byte[] expected, Srs trusted,
      IntFunction<Srs> gkrSrs, boolean allowDev, QuantPlan settings) {
    if (!Arrays.equals(ModelDigest.of(b), b.modelDigest())) {
      return VerificationResult.invalid(digest, "the model digest does not match the bundle's keys and layout:"
          + " the bundle was altered");
    }
    if (expected != null && !Arrays.equals(expected, b.modelDigest())) {
      return VerificationResult.invalid(digest, "the bundle proves a different model: its digest is " + digest
          + ", the trusted one is " + ModelDigest.hex(expected));
    }
    boolean insecure = b.srs().insecure() || (trusted != null && trusted.insecure());
    if (insecure && !allowDev) {
      return VerificationResult.invalid(digest, "the bundle was made with a development SRS, whose τ is known: anyone"
          + " can forge such proofs, so it proves nothing. Pass --dev-srs to check it anyway (reported as INSECURE)");
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
    GkrCheck.Decoded[] gkr = new GkrCheck.Decoded[b.slices().size()];
    Map<String, LinkCheck.Produced> produced = new HashMap<>();
    for (int i = 0; i < b.slices().size(); i++) {
      ProofBundle.Slice s = b.slices().get(i);
      if (s.id() != i) {
        return VerificationResult.slice(digest, i, "slice at position " + i + " has id " + s.id()
            + ": the slices are out of order");
      }
      if (!s.plonkish()) {
        gkr[i] = GkrCheck.decode(s);
        if (gkr[i].failure() != null) {
          return VerificationResult.slice(digest, i, "slice " + i + ": " + gkr[i].failure());
        }
      } else {
        try {
          vks[i] = KeyCodec.decodeVerifyingKey(s.verifyingKey());
        } catch (BadInputException e) {
          return VerificationResult.slice(digest, i, "slice " + i + ": " + e.getMessage());
        }
        if (!Arrays.equals(vks[i].digest(), s.vkDigest())) {
          return VerificationResult.slice(digest, i, "slice " + i + ": verifying key does not match its digest");
        }
      }
      for (ProofBundle.Entry e : s.layout()) {
        // a GKR slice's commitment entry names its C_T among the slice's boundary commitments
        int cells = !s.plonkish() && e.commitment() ? s.commitments().size() : s.instance().size();
        if (e.length() < 1 || (long) e.row() + e.length() > cells || (e.commitment() && e.length() != 1)) {
          return VerificationResult.slice(digest, i, "slice " + i + ": instance layout entry for '" + e.tensor()
              + "' lies outside its " + s.instance().size() + " instance values");
        }
        if (e.output() && !io.kubz.slicer.lower.Bridge.isEntry(e.tensor())
            && produced.putIfAbsent(e.tensor(), new LinkCheck.Produced(i, e)) != null) {
          return VerificationResult.slice(digest, i, "slice " + i + " produces '" + e.tensor()
              + "', which an earlier slice produces already");
        }
      }
    }
    VerificationResult r = LinkCheck.coverage(b, digest);
    if (r != null) {
      return r;
    }
    BridgeCheck.Result bridges = BridgeCheck.check(b, digest, gkr);
    if (bridges.failure() != null) {
      return bridges.failure();
    }
    r = LinkCheck.links(b, digest, produced, bridges.bridged());
    if (r != null) {
      return r;
    }
    r = LinkCheck.outputs(b, digest, produced);
    if (r != null) {
      return r;
    }
    for (int i = 0; i < b.slices().size(); i++) {
      ProofBundle.Slice s = b.slices().get(i);
      if (gkr[i] != null) {
        String failure = GkrCheck.verify(b, s, gkr[i], trusted, gkrSrs,
            bridges.externals().getOrDefault(i, List.of()));
        if (failure != null) {
          return VerificationResult.slice(digest, i, "slice " + i + ": " + failure);
        }
        continue;
      }
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
    return VerificationResult.ok(digest, b, insecure, settings);
  }

  /**
   * KZG with the trusted SRS's [1]_2, [τ]_2 and G1 generator (null if the bundle's G2 points are
   * other ones), else (self check only) with the bundle's G2 points.
   */
  private static Kzg verifierKzg(ProofBundle b, Srs trusted) {
    G2 g2 = G2.fromEvmBytes(b.srs().g2(), 0);
    G2 tau = G2.fromEvmBytes(b.srs().tauG2(), 0);
    if (trusted != null) {
      boolean same = trusted.g2().equals(g2) && trusted.tauG2().equals(tau);
      return same ? new Kzg(trusted) : null;
    }
    long[] g1 = new long[G1.AFFINE_LONGS];
    G1.generator().writeAffine(g1, 0);
    return new Kzg(new Srs(g1, 1, g2, tau, "the bundle's own SRS points"));
  }
}
