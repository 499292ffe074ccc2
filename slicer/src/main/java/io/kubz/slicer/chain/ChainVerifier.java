package io.kubz.slicer.chain;

import io.kubz.field.Fr;
import io.kubz.slicer.api.VerificationResult;
import io.kubz.slicer.bundle.ProofBundle;
import io.kubz.slicer.lower.CompiledSlice;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Function;

/**
 * Verifies a chain of bundles: every bundle under its own trust anchor, then every link (see the
 * package documentation). Never throws on any bytes; a failure names the bundle or the link.
 */
public final class ChainVerifier {
  private ChainVerifier() {}

  /**
   * One bundle of a chain.
   *
   * @param name how reports name it (its file name)
   * @param bytes the bundle
   * @param verifier verifies the bundle under its trust anchor (e.g. {@code BundleVerifier} with
   *     the model or digest the chain's owner trusts for this position)
   * @param published secrets its owner published for links to a public side (null: none)
   */
  public record Link(String name, byte[] bytes, Function<byte[], VerificationResult> verifier, Secrets published) {}

  public static ChainResult verify(List<Link> chain) {
    if (chain.isEmpty()) {
      return ChainResult.failed(List.of(), -1, -1, "the chain has no bundles");
    }
    List<VerificationResult> results = new ArrayList<>();
    for (int i = 0; i < chain.size(); i++) {
      Link l = chain.get(i);
      VerificationResult r;
      try {
        r = l.verifier().apply(l.bytes());
      } catch (RuntimeException e) {
        results.add(null);
        return ChainResult.failed(results, i, -1, "bundle " + (i + 1) + " (" + l.name() + "): " + e.getMessage());
      }
      results.add(r);
      if (!r.valid()) {
        return ChainResult.failed(results, i, -1, "bundle " + (i + 1) + " (" + l.name() + ") does not verify: "
            + r.reason());
      }
    }
    // the links read the declared tensors each bundle's verification returned: no bundle is parsed twice
    long t0 = System.nanoTime();
    for (int i = 0; i + 1 < chain.size(); i++) {
      String problem = link(results.get(i).outputs(), chain.get(i).published(), results.get(i + 1).inputs(),
          chain.get(i + 1).published());
      if (problem != null) {
        return ChainResult.failed(results, -1, i, "link " + (i + 1) + " (" + chain.get(i).name() + " -> "
            + chain.get(i + 1).name() + "): " + problem);
      }
    }
    long linkNanos = System.nanoTime() - t0;
    return ChainResult.ok(results, results.get(0).inputs(), results.get(results.size() - 1).outputs(), linkNanos);
  }

  /** Why the outputs of one bundle do not link to the inputs of the next, or null when they do. */
  static String link(List<ProofBundle.PublicTensor> outs, Secrets aSecrets, List<ProofBundle.PublicTensor> ins,
      Secrets bSecrets) {
    if (outs.size() != ins.size()) {
      return "the first model has " + outs.size() + " output(s), the next takes " + ins.size() + " input(s)";
    }
    for (int j = 0; j < outs.size(); j++) {
      ProofBundle.PublicTensor out = outs.get(j);
      ProofBundle.PublicTensor in = ins.get(j);
      String pair = "output '" + out.name() + "' -> input '" + in.name() + "'";
      if (size(out.shape()) != size(in.shape())) {
        return pair + ": shapes " + Arrays.toString(out.shape()) + " and " + Arrays.toString(in.shape()) + " differ";
      }
      if (out.scale() != in.scale()) {
        return pair + ": scales 2^" + out.scale() + " and 2^" + in.scale() + " differ (the integers mean other numbers)";
      }
      boolean outPublic = out.values() != null;
      boolean inPublic = in.values() != null;
      if (out.commitment() == null && !outPublic || in.commitment() == null && !inPublic) {
        return pair + ": a private tensor cannot be linked (prove it hashed)";
      }
      if (outPublic && inPublic) {
        if (!Arrays.equals(out.values(), in.values())) {
          return pair + ": the values differ";
        }
      } else if (!outPublic && !inPublic) {
        if (!out.commitment().equals(in.commitment())) {
          return pair + ": the commitments differ (another tensor, or another salt)";
        }
      } else {
        ProofBundle.PublicTensor hashed = outPublic ? in : out;
        long[] values = outPublic ? out.values() : in.values();
        Secrets s = outPublic ? bSecrets : aSecrets;
        Secrets.Tensor secret = s == null ? null : s.find(hashed.name(), !outPublic);
        if (secret == null) {
          return pair + ": one side is public and the other hashed; its owner must publish the salt of '"
              + hashed.name() + "' (its secrets file) for this link to be checked";
        }
        Fr c = CompiledSlice.commitment(secret.salt(), values);
        if (!c.equals(hashed.commitment())) {
          return pair + ": the commitment does not open to the public values";
        }
      }
    }
    return null;
  }

  private static long size(int[] shape) {
    long n = 1;
    for (int d : shape) {
      n *= d;
    }
    return n;
  }
}
