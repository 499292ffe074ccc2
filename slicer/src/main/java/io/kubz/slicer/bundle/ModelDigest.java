package io.kubz.slicer.bundle;

import io.kubz.poly.transcript.Keccak256Transcript;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;

/**
 * The digest that names what a bundle proves about: Keccak-256 of a canonical encoding of the
 * statement, independent of the inference's values. It covers, in order: a version tag and the
 * bundle's format version; the model
 * name, plan JSON and settings JSON; the input and output visibility; the SRS's [1]_2 and [τ]_2
 * and whether it is a development SRS (τ known), and from format version 2 on [τ²]_2, [τ³]_2; per
 * slice its id, from format version 2 on its proof system, node names, row count,
 * verifying-key digest (for a GKR slice the layered model's digest) and instance layout; the name, shape, scale and visibility of each model
 * input and output. The verifying keys bind the circuits (and through their fixed commitments the
 * G1 powers), so two bundles of the same model, plan, settings and SRS share it. The SRS enters by
 * content only: a prover writes no file path, cache state or number of loaded powers into the
 * bundle (its source and size fields stay empty, see {@code ProvingSession#statement}), so a
 * verifier recomputes D wherever its ceremony file lies; the digest still covers those two fields
 * as written, so that they cannot be changed unnoticed. What it leaves
 * out (instance values, proofs, declared values) the verifier checks against each other, so no
 * byte of a bundle can change without the verification failing.
 */
public final class ModelDigest {
  private ModelDigest() {}

  public static byte[] of(ProofBundle b) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (DataOutputStream out = new DataOutputStream(bytes)) {
      out.write("kubz-model-v2".getBytes(StandardCharsets.US_ASCII));
      int version = b.formatVersion();
      out.writeInt(version);
      string(out, b.modelName());
      string(out, b.planJson());
      string(out, b.quantJson());
      string(out, b.inputVisibility());
      string(out, b.outputVisibility());
      blob(out, b.srs().g2());
      blob(out, b.srs().tauG2());
      out.writeBoolean(b.srs().insecure());
      string(out, b.srs().source());
      out.writeInt(b.srs().size());
      if (version >= ProofBundle.FORMAT_VERSION_SYSTEMS) {
        blob(out, b.srs().tau2G2());
        blob(out, b.srs().tau3G2());
      }
      out.writeInt(b.slices().size());
      for (ProofBundle.Slice s : b.slices()) {
        out.writeInt(s.id());
        if (version >= ProofBundle.FORMAT_VERSION_SYSTEMS) {
          string(out, s.system());
        }
        out.writeInt(s.nodes().size());
        for (String n : s.nodes()) {
          string(out, n);
        }
        out.writeLong(s.rows());
        blob(out, s.vkDigest());
        out.writeInt(s.layout().size());
        for (ProofBundle.Entry e : s.layout()) {
          string(out, e.tensor());
          out.writeBoolean(e.output());
          out.writeBoolean(e.commitment());
          out.writeInt(e.row());
          out.writeInt(e.length());
        }
      }
      tensors(out, b.inputs());
      tensors(out, b.outputs());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return Keccak256Transcript.keccak(bytes.toByteArray());
  }

  public static String hex(byte[] digest) {
    return HexFormat.of().formatHex(digest);
  }

  private static void tensors(DataOutputStream out, java.util.List<ProofBundle.PublicTensor> ts) throws IOException {
    out.writeInt(ts.size());
    for (ProofBundle.PublicTensor t : ts) {
      string(out, t.name());
      out.writeInt(t.shape().length);
      for (int d : t.shape()) {
        out.writeInt(d);
      }
      out.writeInt(t.scale());
      string(out, t.mode());
    }
  }

  private static void string(DataOutputStream out, String s) throws IOException {
    blob(out, s.getBytes(StandardCharsets.UTF_8));
  }

  private static void blob(DataOutputStream out, byte[] b) throws IOException {
    out.writeInt(b.length);
    out.write(b);
  }
}
