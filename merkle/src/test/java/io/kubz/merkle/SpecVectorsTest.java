package io.kubz.merkle;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.kubz.field.Fr;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The sponge, tensor commitment and Merkle trees of package-info.java against the same
 * constructions composed from circomlibjs's Poseidon (vectors/kubz_spec_circomlibjs.json, made by
 * vectors/kubz_spec_circomlibjs.mjs): another ecosystem reproduces them from the specification.
 */
class SpecVectorsTest {
  private static JsonNode root;

  @BeforeAll
  static void load() throws IOException {
    try (InputStream in = SpecVectorsTest.class.getResourceAsStream("/vectors/kubz_spec_circomlibjs.json")) {
      root = new ObjectMapper().readTree(new String(in.readAllBytes(), StandardCharsets.UTF_8));
    }
  }

  private static List<JsonNode> cases(String key) {
    List<JsonNode> out = new ArrayList<>();
    for (JsonNode o : root.required(key)) {
      out.add(o);
    }
    assertFalse(out.isEmpty(), key);
    return out;
  }

  private static BigInteger big(JsonNode m, String key) {
    return new BigInteger(m.required(key).asText());
  }

  /** The script's test values: v_i = 7919·i² − 1000003·seed − 5 mod r. */
  private static long[] values(int n, int seed) {
    long[] v = new long[4 * n];
    for (int i = 0; i < n; i++) {
      BigInteger x = BigInteger.valueOf(i).pow(2).multiply(BigInteger.valueOf(7919))
          .subtract(BigInteger.valueOf(seed).multiply(BigInteger.valueOf(1000003))).subtract(BigInteger.valueOf(5));
      Fr.fromBigInteger(v, 4 * i, x);
    }
    return v;
  }

  @Test
  void sponge() {
    for (JsonNode c : cases("sponge")) {
      JsonNode ins = c.required("inputs");
      Fr[] x = new Fr[ins.size()];
      for (int i = 0; i < x.length; i++) {
        x[i] = Fr.of(new BigInteger(ins.get(i).asText()));
      }
      long domain = big(c, "domain").longValueExact();
      assertEquals(big(c, "output"), PoseidonSponge.hash(domain, x).toBigInteger(), "domain " + domain + ", n " + x.length);
    }
  }

  @Test
  void tensorCommitment() {
    for (JsonNode c : cases("commit")) {
      int n = c.required("n").intValue();
      Fr salt = Fr.of(big(c, "salt"));
      long[] v = values(n, c.required("seed").intValue());
      assertEquals(big(c, "output"), TensorCommitment.commit(salt, v, n).toBigInteger(), "n " + n);
    }
  }

  @Test
  void merkleRoots() {
    for (JsonNode c : cases("merkle")) {
      int n = c.required("n").intValue();
      int arity = c.required("arity").intValue();
      long[] v = values(n, c.required("seed").intValue());
      assertEquals(big(c, "root"), MerkleTree.build(arity, v, 0, n).root().toBigInteger(), "arity " + arity + ", n " + n);
    }
  }
}
