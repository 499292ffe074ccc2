package io.kubz.field.evm;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.kubz.field.Fixtures;
import io.kubz.field.G1;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HexFormat;
import java.util.Optional;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/** go-ethereum's precompile vectors (EIP-196), from the shared fixtures and from our resources. */
class Bn256PrecompileTest {
  private static final HexFormat HEX = HexFormat.of();

  private static int runAll(String json, UnaryOperator<byte[]> precompile) {
    JsonNode vectors = readTree(json);
    for (JsonNode o : vectors) {
      String name = o.get("Name").asText();
      byte[] in = HEX.parseHex(o.get("Input").asText());
      String expected = o.get("Expected").asText();
      assertEquals(expected, HEX.formatHex(precompile.apply(in)), name);
    }
    return vectors.size();
  }

  private static String fixture(String file) throws IOException {
    Optional<Path> p = Fixtures.resolve("bn254-evm-precompiles/" + file);
    Assumptions.assumeTrue(p.isPresent(), "fixtures absent: bn254-evm-precompiles/" + file);
    return Files.readString(p.get());
  }

  private static String resource(String file) throws IOException {
    try (InputStream in = Bn256PrecompileTest.class.getResourceAsStream("/vectors/evm/" + file)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  @Test
  void addFixtures() throws IOException {
    assertEquals(16, runAll(fixture("bn256Add.json"), Bn256Add::run));
  }

  @Test
  void scalarMulFixtures() throws IOException {
    assertEquals(19, runAll(fixture("bn256ScalarMul.json"), Bn256ScalarMul::run));
  }

  @Test
  void bundledVectors() throws IOException {
    assertEquals(6, runAll(resource("bn256Add.json"), Bn256Add::run));
    assertEquals(6, runAll(resource("bn256ScalarMul.json"), Bn256ScalarMul::run));
  }

  @Test
  void paddingAndTruncation() {
    byte[] g = G1.generator().toEvmBytes();
    assertArrayEquals(new byte[64], Bn256Add.run(new byte[0]));
    assertArrayEquals(new byte[64], Bn256ScalarMul.run(null));
    assertArrayEquals(g, Bn256Add.run(g), "G + (padded) O = G");
    byte[] gg = new byte[200];
    System.arraycopy(g, 0, gg, 0, 64);
    System.arraycopy(g, 0, gg, 64, 64);
    gg[199] = 1; // beyond 128 bytes: ignored
    assertArrayEquals(G1.generator().dbl().toEvmBytes(), Bn256Add.run(gg));
    byte[] g2 = new byte[65];
    System.arraycopy(g, 0, g2, 0, 64);
    g2[64] = 2; // scalar 0x02 followed by padding = 2·2^248
    assertArrayEquals(G1.generator().mul(BigInteger.TWO.shiftLeft(248)).toEvmBytes(),
        Bn256ScalarMul.run(g2));
  }

  @Test
  void invalidPointsAreRejected() {
    byte[] in = new byte[128];
    in[31] = 1;
    in[63] = 3; // (1, 3) is not on the curve
    assertThrows(IllegalArgumentException.class, () -> Bn256Add.run(in));
    assertThrows(IllegalArgumentException.class, () -> Bn256ScalarMul.run(in));
    byte[] big = new byte[96];
    byte[] q = new BigInteger(
        "30644e72e131a029b85045b68181585d97816a916871ca8d3c208c16d87cfd49", 16).toByteArray();
    System.arraycopy(q, q.length - 32, big, 0, 32); // x = q + 2 ≡ 2 mod q: non-canonical
    big[63] = 2;
    assertThrows(IllegalArgumentException.class, () -> Bn256ScalarMul.run(big));
    byte[] second = new byte[128];
    System.arraycopy(G1.generator().toEvmBytes(), 0, second, 0, 64);
    second[64 + 31] = 1; // second point (1, 0)
    assertThrows(IllegalArgumentException.class, () -> Bn256Add.run(second));
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
