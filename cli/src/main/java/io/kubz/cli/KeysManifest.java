package io.kubz.cli;

import io.kubz.field.BadInputException;
import io.kubz.field.G1;
import io.kubz.field.G2;
import io.kubz.slicer.json.Json;
import io.kubz.poly.srs.Srs;
import io.kubz.poly.srs.SrsCheck;
import io.kubz.slicer.bundle.ModelDigest;
import io.kubz.slicer.bundle.ProofBundle;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * {@code KEYDIR/manifest.json}, written by {@code kubz setup}: the model digest D of the keys in the
 * folder and the SRS's G2 points (by content: [1]_2 and [τ]_2 in EVM encoding, and whether it is a
 * development SRS), so that {@code kubz verify --keys KEYDIR} has a trust anchor without the model.
 * The folder is as trusted as whoever made it: it should be the model owner's, not the prover's.
 *
 * @param modelDigest D
 * @param g2 [1]_2, EVM encoding
 * @param tauG2 [τ]_2, EVM encoding
 * @param insecureSrs whether τ is known (the development SRS)
 * @param gkrPoints for {@code --proof-system gkr}: [τ]_1, [τ²]_1 (EVM encoding, so that with [1]_1
 *     the first three powers a HyperKZG verifier reads), [τ²]_2 and [τ³]_2; null for plonkish
 */
record KeysManifest(byte[] modelDigest, byte[] g2, byte[] tauG2, boolean insecureSrs, byte[][] gkrPoints) {
  static final String FILE = "manifest.json";
  static final int FORMAT_VERSION = 1;
  private static final String[] GKR_FIELDS = {"srs_tau_g1", "srs_tau2_g1", "srs_tau2_g2", "srs_tau3_g2"};

  static KeysManifest of(ProofBundle statement) {
    return new KeysManifest(statement.modelDigest(), statement.srs().g2(), statement.srs().tauG2(),
        statement.srs().insecure(), null);
  }

  /** A GKR setup's manifest: the statement's points and the SRS's first G1 powers. */
  static KeysManifest ofGkr(ProofBundle statement, Srs srs) {
    return new KeysManifest(statement.modelDigest(), statement.srs().g2(), statement.srs().tauG2(),
        statement.srs().insecure(), new byte[][] {srs.g1(1).toEvmBytes(), srs.g1(2).toEvmBytes(),
            statement.srs().tau2G2(), statement.srs().tau3G2()});
  }

  static boolean exists(Path dir) {
    return Files.isRegularFile(dir.resolve(FILE));
  }

  void write(Path dir, String model, String inputVisibility, String outputVisibility) throws IOException {
    write(dir, model, inputVisibility, outputVisibility, ProofBundle.PLONKISH);
  }

  /**
   * {@code proofSystem} is informational (the digest covers it); a GKR folder holds no keys, and
   * {@code kubz verify --keys} then needs the SRS's G1 powers too (--srs or --dev-srs).
   */
  void write(Path dir, String model, String inputVisibility, String outputVisibility, String proofSystem)
      throws IOException {
    HexFormat hex = HexFormat.of();
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("format_version", FORMAT_VERSION);
    m.put("model", model);
    m.put("model_digest", ModelDigest.hex(modelDigest));
    m.put("proof_system", proofSystem);
    m.put("input_visibility", inputVisibility);
    m.put("output_visibility", outputVisibility);
    m.put("srs_g2", hex.formatHex(g2));
    m.put("srs_tau_g2", hex.formatHex(tauG2));
    m.put("insecure_srs", insecureSrs);
    if (gkrPoints != null) {
      for (int i = 0; i < GKR_FIELDS.length; i++) {
        m.put(GKR_FIELDS[i], hex.formatHex(gkrPoints[i]));
      }
    }
    m.put("settings", "settings.json");
    m.put("plan", "plan.json");
    AtomicFiles.writeString(dir.resolve(FILE), Json.writePretty(m));
  }

  static KeysManifest read(Path dir) {
    Path file = dir.resolve(FILE);
    String text = Models.read(file, "key folder manifest");
    try {
      Map<String, Object> m = Json.asObject(Json.parse(text), file.toString());
      int version = Json.asInt(Json.get(m, "format_version"), "format_version");
      if (version != FORMAT_VERSION) {
        throw new BadInputException(file + ": manifest format_version " + version + " is not supported (expected "
            + FORMAT_VERSION + "): run kubz setup again");
      }
      HexFormat hex = HexFormat.of();
      byte[] digest = hex.parseHex(Json.asString(Json.get(m, "model_digest"), "model_digest"));
      byte[] g2 = hex.parseHex(Json.asString(Json.get(m, "srs_g2"), "srs_g2"));
      byte[] tau = hex.parseHex(Json.asString(Json.get(m, "srs_tau_g2"), "srs_tau_g2"));
      Object insecure = Json.get(m, "insecure_srs");
      if (digest.length != 32 || !(insecure instanceof Boolean)) {
        throw new IllegalArgumentException("model_digest must be 32 bytes and insecure_srs true or false");
      }
      byte[][] gkr = null;
      if (m.containsKey(GKR_FIELDS[0])) {
        gkr = new byte[GKR_FIELDS.length][];
        for (int i = 0; i < gkr.length; i++) {
          gkr[i] = hex.parseHex(Json.asString(Json.get(m, GKR_FIELDS[i]), GKR_FIELDS[i]));
        }
      }
      KeysManifest k = new KeysManifest(digest, g2, tau, (Boolean) insecure, gkr);
      k.srs(); // checks the points
      if (gkr != null && !k.gkrSrs().map(s -> SrsCheck.consecutivePowers(s) && SrsCheck.g2Powers(s)).orElse(false)) {
        throw new IllegalArgumentException("its SRS points are not consecutive powers of one τ");
      }
      return k;
    } catch (BadInputException e) {
      throw e;
    } catch (RuntimeException e) {
      throw new BadInputException(file + ": not a kubz setup manifest (" + e.getMessage() + "): run kubz setup again");
    }
  }

  /**
   * For a GKR setup: [τ^k]_1 for k ≤ 2 and [τ^k]_2 for k ≤ 3, what a HyperKZG verifier reads (pad
   * it with {@code GkrProofSystem.verifierSrs}); empty for a plonkish setup.
   */
  java.util.Optional<Srs> gkrSrs() {
    if (gkrPoints == null) {
      return java.util.Optional.empty();
    }
    long[] g1 = new long[3 * G1.AFFINE_LONGS];
    G1.generator().writeAffine(g1, 0);
    G1.fromEvmBytes(gkrPoints[0], 0).writeAffine(g1, G1.AFFINE_LONGS);
    G1.fromEvmBytes(gkrPoints[1], 0).writeAffine(g1, 2 * G1.AFFINE_LONGS);
    return java.util.Optional.of(new Srs(g1, 3, G2.fromEvmBytes(g2, 0), G2.fromEvmBytes(tauG2, 0),
        "the key folder's SRS points").withHigherG2(G2.fromEvmBytes(gkrPoints[2], 0),
            G2.fromEvmBytes(gkrPoints[3], 0)));
  }

  /** The SRS points as a one-power SRS (the G1 generator): all a verifier needs. */
  Srs srs() {
    long[] g1 = new long[G1.AFFINE_LONGS];
    G1.generator().writeAffine(g1, 0);
    return new Srs(g1, 1, G2.fromEvmBytes(g2, 0), G2.fromEvmBytes(tauG2, 0), "the key folder's SRS points");
  }
}
