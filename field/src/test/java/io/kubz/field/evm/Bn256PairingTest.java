package io.kubz.field.evm;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.kubz.field.Fixtures;
import io.kubz.field.Fq;
import io.kubz.field.G1;
import io.kubz.field.G2;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HexFormat;
import java.util.Optional;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/** go-ethereum's pairing precompile vectors (EIP-197), and the inputs the precompile must reject. */
class Bn256PairingTest {
  private static final HexFormat HEX = HexFormat.of();

  private static int runAll(String json) {
    JsonNode vectors = readTree(json);
    for (JsonNode o : vectors) {
      byte[] in = HEX.parseHex(o.get("Input").asText());
      assertEquals(o.get("Expected").asText(), HEX.formatHex(Bn256Pairing.run(in)),
          o.get("Name").asText());
    }
    return vectors.size();
  }

  @Test
  void fixtures() throws IOException {
    Optional<Path> p = Fixtures.resolve("bn254-evm-precompiles/bn256Pairing.json");
    Assumptions.assumeTrue(p.isPresent(), "fixtures absent: bn254-evm-precompiles/bn256Pairing.json");
    assertEquals(14, runAll(Files.readString(p.get())));
  }

  @Test
  void bundledVectors() throws IOException {
    try (InputStream in = Bn256PairingTest.class.getResourceAsStream("/vectors/evm/bn256Pairing.json")) {
      assertEquals(12, runAll(new String(in.readAllBytes(), StandardCharsets.UTF_8)));
    }
  }

  private static byte[] pairs(G1[] ps, G2[] qs) {
    byte[] out = new byte[192 * ps.length];
    for (int i = 0; i < ps.length; i++) {
      System.arraycopy(ps[i].toEvmBytes(), 0, out, 192 * i, 64);
      System.arraycopy(qs[i].toEvmBytes(), 0, out, 192 * i + 64, 128);
    }
    return out;
  }

  private static byte[] word(int v) {
    byte[] w = new byte[32];
    w[31] = (byte) v;
    return w;
  }

  @Test
  void constructedChecks() {
    G1 p = G1.generator().mul(BigInteger.valueOf(123456789));
    G2 q = G2.generator().mul(BigInteger.valueOf(987654321));
    assertArrayEquals(word(1), Bn256Pairing.run(pairs(new G1[] {p, p.neg()}, new G2[] {q, q})));
    assertArrayEquals(word(0), Bn256Pairing.run(pairs(new G1[] {p, p}, new G2[] {q, q})));
    assertArrayEquals(word(1), Bn256Pairing.run(pairs(new G1[] {G1.INFINITY}, new G2[] {q})));
    assertArrayEquals(word(1), Bn256Pairing.run(pairs(new G1[] {p}, new G2[] {G2.INFINITY})));
    assertArrayEquals(word(1), Bn256Pairing.run(new byte[0]));
  }

  @Test
  void rejectsMalformedInput() {
    byte[] ok = pairs(new G1[] {G1.generator()}, new G2[] {G2.generator()});
    assertThrows(IllegalArgumentException.class, () -> Bn256Pairing.run(new byte[191]));
    assertThrows(IllegalArgumentException.class, () -> Bn256Pairing.run(java.util.Arrays.copyOf(ok, 193)));
    // G1 off the curve
    byte[] g1off = ok.clone();
    g1off[63] ^= 1;
    assertThrows(IllegalArgumentException.class, () -> Bn256Pairing.run(g1off));
    // a G2 coordinate ≥ q (x.c0 replaced by q itself)
    byte[] big = ok.clone();
    byte[] qb = Fq.MODULUS.toByteArray();
    java.util.Arrays.fill(big, 96, 128, (byte) 0);
    System.arraycopy(qb, 0, big, 128 - qb.length, qb.length);
    assertThrows(IllegalArgumentException.class, () -> Bn256Pairing.run(big));
    // G2 off the twist
    byte[] g2off = ok.clone();
    g2off[191] ^= 1;
    assertThrows(IllegalArgumentException.class, () -> Bn256Pairing.run(g2off));
    // G2 on the twist but outside the order-r subgroup
    byte[] wrong = ok.clone();
    System.arraycopy(nonSubgroupPoint(), 0, wrong, 64, 128);
    assertThrows(IllegalArgumentException.class, () -> Bn256Pairing.run(wrong));
  }

  /** EVM bytes of a twist point outside G2, found by trying x = k + u. */
  private static byte[] nonSubgroupPoint() {
    io.kubz.field.Fq2 b = io.kubz.field.Fq2.of(3, 0).mul(io.kubz.field.Fq2.XI.inverse());
    for (long k = 1; ; k++) {
      io.kubz.field.Fq2 x = io.kubz.field.Fq2.of(k, 1);
      io.kubz.field.Fq2 y = x.square().mul(x).add(b).sqrt();
      if (y != null) {
        G2 p = G2.of(x, y);
        Assumptions.assumeFalse(p.inSubgroup());
        byte[] out = new byte[128];
        System.arraycopy(p.x().c1().toBytesBE(), 0, out, 0, 32);
        System.arraycopy(p.x().c0().toBytesBE(), 0, out, 32, 32);
        System.arraycopy(p.y().c1().toBytesBE(), 0, out, 64, 32);
        System.arraycopy(p.y().c0().toBytesBE(), 0, out, 96, 32);
        return out;
      }
    }
  }

  private static JsonNode readTree(String json) {
    try {
      JsonNode n = new ObjectMapper().readTree(json);
      assertTrue(n.isArray(), "the vectors are a JSON array");
      return n;
    } catch (JsonProcessingException e) {
      throw new AssertionError("unreadable vectors: " + e.getOriginalMessage(), e);
    }
  }
}
