package io.kubz.gkr.pcs;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kubz.field.Fr;
import io.kubz.field.G1;
import io.kubz.poly.srs.Srs;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The golden proof in {@code vectors/hyperkzg/golden-n8.txt} (see the README there): made by
 * {@link #main} from a fixed seed; it must keep verifying, and today's prover must still make the
 * same bytes (a change of transcript or encoding shows here first).
 */
class HyperKzgGoldenTest {
  static final String RESOURCE = "/vectors/hyperkzg/golden-n8.txt";
  static final int N = 8;
  static final long SEED = 20261207L;

  record Golden(G1 commitment, Fr[] point, Fr value, byte[] proof) {}

  /** The statement and proof from the seed: dev SRS τ = 7^seed mod r, 2^8 evaluations, a point. */
  static Golden make() {
    HyperKzg pcs = pcs();
    Random rnd = new Random(SEED);
    long[] f = Mles.random(rnd, N);
    Fr[] u = Mles.point(rnd, N);
    G1 c = pcs.commit(f);
    HyperKzg.Opening o = pcs.open(HyperKzgTest.transcript(), c, f, u);
    return new Golden(c, u, o.value(), o.proof().toBytes());
  }

  static HyperKzg pcs() {
    return new HyperKzg(Srs.devWithTau(N, Fr.of(7).pow(SEED), "golden HyperKZG SRS"));
  }

  @Test
  void theGoldenProofKeepsVerifying() throws IOException {
    Map<String, byte[]> stored = read();
    Golden now = make();
    G1 c = G1.fromEvmBytes(stored.get("commitment"), 0);
    Fr value = Fr.fromBytesBE(stored.get("value"));
    assertEquals(now.commitment(), c, "the commitment from the seed");
    assertEquals(now.value(), value, "the value from the seed");
    byte[] proof = stored.get("proof");
    assertTrue(pcs().verify(HyperKzgTest.transcript(), c, now.point(), value, proof));
    assertArrayEquals(proof, now.proof(), "today's prover makes the stored bytes");
  }

  private static Map<String, byte[]> read() throws IOException {
    Map<String, byte[]> out = new LinkedHashMap<>();
    try (InputStream in = HyperKzgGoldenTest.class.getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IOException("missing test resource " + RESOURCE);
      }
      for (String line : new String(in.readAllBytes(), StandardCharsets.US_ASCII).split("\n")) {
        if (!line.isBlank() && !line.startsWith("#")) {
          String[] kv = line.trim().split(" ", 2);
          out.put(kv[0], HexFormat.of().parseHex(kv[1]));
        }
      }
    }
    return out;
  }

  /** Writes the golden file: {@code main(path-to-golden-n8.txt)}. */
  public static void main(String[] args) throws IOException {
    Golden g = make();
    String text = "# HyperKZG golden proof, made by HyperKzgGoldenTest.main; see README.md\n"
        + "commitment " + HexFormat.of().formatHex(g.commitment().toEvmBytes()) + "\n"
        + "value " + HexFormat.of().formatHex(g.value().toBytesBE()) + "\n"
        + "proof " + HexFormat.of().formatHex(g.proof()) + "\n";
    Files.writeString(Path.of(args[0]), text, StandardCharsets.US_ASCII);
  }
}
