package io.kubz.slicer.api;

import io.kubz.gkr.format.GkrCodec;
import io.kubz.gkr.model.LayeredModel;
import io.kubz.gkr.model.LayeredProof;
import io.kubz.gkr.model.ModelDigests;
import io.kubz.poly.srs.Srs;
import io.kubz.slicer.backend.GkrProofSystem;
import io.kubz.slicer.backend.LayeredModelCodec;
import io.kubz.slicer.bundle.ProofBundle;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.function.IntFunction;

/**
 * The checks of {@link BundleVerifier} on a GKR slice: its verifying key decodes to a layered model
 * whose digest is the slice's key digest (which the model digest covers), its row count is the
 * power of two its witness commitment needs, and its proof verifies under the caller's SRS, whose
 * four G2 powers must be the bundle's; its layout is its model's inputs then outputs, each public
 * (values in the instance) or committed (a commitment entry naming its C_T among the slice's boundary
 * commitments, which must be the proof's). The links, inputs and outputs are checked by
 * {@link LinkCheck} from the slice's layout, as for plonkish slices (a GKR link compares C_T bytes). Each check returns null when
 * it passes, else why it failed; none throws.
 */
final class GkrCheck {
  private GkrCheck() {}

  /** A decoded GKR slice (with its committed boundary tensor ids, increasing), or why it is not one. */
  record Decoded(LayeredModel model, int log2, int[] committed, String failure) {
    static Decoded failed(String why) {
      return new Decoded(null, 0, null, why);
    }
  }

  static Decoded decode(ProofBundle.Slice s) {
    if (!GkrProofSystem.NAME.equals(s.system())) {
      return Decoded.failed("unknown proof system '" + s.system() + "' (this kubz knows plonkish and gkr)");
    }
    long rows = s.rows();
    if (rows < 2 || Long.bitCount(rows) != 1 || rows > (1L << GkrProofSystem.MAX_WITNESS_VARS)) {
      return Decoded.failed("a GKR slice's witness size must be a power of two up to 2^"
          + GkrProofSystem.MAX_WITNESS_VARS + ", got " + rows);
    }
    Optional<LayeredModel> m = LayeredModelCodec.decode(s.verifyingKey());
    if (m.isEmpty()) {
      return Decoded.failed("its layered model is malformed");
    }
    if (!Arrays.equals(ModelDigests.digest(m.get()), s.vkDigest())) {
      return Decoded.failed("its layered model does not match its digest");
    }
    int[] committed = committed(m.get(), s);
    if (committed == null) {
      return Decoded.failed("its instance layout is not its layered model's inputs then outputs (public values in"
          + " order, or a commitment naming its C_T by increasing tensor id)");
    }
    if (!s.commitments().isEmpty() && s.commitments().size() != committed.length) {
      return Decoded.failed("it has " + committed.length + " committed boundary tensors but "
          + s.commitments().size() + " boundary commitments");
    }
    return new Decoded(m.get(), Long.numberOfTrailingZeros(rows), committed, null);
  }

  /**
   * The committed tensor ids of a GKR slice from its layout, or null when the layout is not the
   * model's inputs then outputs in order: a public one as its values at consecutive rows from 0, a
   * committed one as a commitment entry whose row is its rank among the committed ids.
   */
  static int[] committed(LayeredModel m, ProofBundle.Slice s) {
    int[] ins = m.inputs();
    int[] outs = m.outputs();
    if (s.layout().size() != ins.length + outs.length) {
      return null;
    }
    List<Integer> ids = new ArrayList<>();
    for (int k = 0; k < s.layout().size(); k++) {
      if (s.layout().get(k).commitment()) {
        ids.add(k < ins.length ? ins[k] : outs[k - ins.length]);
      }
    }
    int[] sorted = ids.stream().mapToInt(Integer::intValue).sorted().distinct().toArray();
    if (sorted.length != ids.size()) {
      return null;
    }
    int row = 0;
    for (int k = 0; k < s.layout().size(); k++) {
      ProofBundle.Entry e = s.layout().get(k);
      int id = k < ins.length ? ins[k] : outs[k - ins.length];
      if (e.output() != (k >= ins.length)) {
        return null;
      }
      if (e.commitment()) {
        if (e.length() != 1 || e.row() != Arrays.binarySearch(sorted, id)) {
          return null;
        }
        continue;
      }
      if (e.row() != row || e.length() != m.layers().get(id).size()) {
        return null;
      }
      row += e.length();
    }
    return sorted;
  }

  /**
   * The proof of slice {@code s} against the caller's SRS: {@code trusted} (null for a self check)
   * gives the G2 points the bundle's must equal, {@code gkrSrs} the powers by log2 size.
   */
  static String verify(ProofBundle b, ProofBundle.Slice s, Decoded d, Srs trusted, IntFunction<Srs> gkrSrs) {
    return verify(b, s, d, trusted, gkrSrs, List.of());
  }

  /** As above, with the bridge claims on its committed boundaries ({@link BridgeCheck}). */
  static String verify(ProofBundle b, ProofBundle.Slice s, Decoded d, Srs trusted, IntFunction<Srs> gkrSrs,
      List<io.kubz.gkr.model.Boundaries.External> external) {
    if (trusted == null || gkrSrs == null) {
      return "a GKR proof is checked only under the verifier's SRS (HyperKZG needs its [τ]_1 and [τ²]_1):"
          + " verify with a trusted model, digest or key folder";
    }
    if (!b.srs().hasHigherG2()) {
      return "the bundle has no [τ²]_2, [τ³]_2 for its GKR proof";
    }
    Srs srs;
    try {
      srs = gkrSrs.apply(d.log2());
    } catch (RuntimeException e) {
      return "the trusted SRS could not be loaded with the 2^" + d.log2() + " powers its GKR proof needs ("
          + e.getMessage() + ")";
    }
    if (srs.g2PowerCount() < 4 || (long) srs.size() < (1L << d.log2())) {
      return "the trusted SRS (" + srs.source() + ") has " + srs.size() + " powers and " + srs.g2PowerCount()
          + " G2 powers; the GKR proof needs 2^" + d.log2() + " and [τ²]_2, [τ³]_2";
    }
    if (!Arrays.equals(srs.g2().toEvmBytes(), b.srs().g2()) || !Arrays.equals(srs.tauG2().toEvmBytes(), b.srs().tauG2())
        || !Arrays.equals(srs.g2Power(2).toEvmBytes(), b.srs().tau2G2())
        || !Arrays.equals(srs.g2Power(3).toEvmBytes(), b.srs().tau3G2())) {
      return "the GKR proof was made with a different SRS than the trusted one (" + srs.source() + ")";
    }
    if (!GkrProofSystem.verify(d.model(), d.committed(), s.vkDigest(), s.proof(), s.instance(), s.commitments(), srs,
        external)) {
      int version = LayeredProof.formatVersion(s.proof()); // only to say why: a proof of another kubz
      if (version >= 0 && version != GkrCodec.VERSION) {
        return "the GKR proof is in format version " + version + " and this kubz reads version "
            + GkrCodec.VERSION + " (version 1 was written before logUp used two towers per"
            + " table): prove again with this kubz, or verify with the kubz that made it";
      }
      return "the GKR proof does not verify against its public inputs and outputs";
    }
    return null;
  }
}
