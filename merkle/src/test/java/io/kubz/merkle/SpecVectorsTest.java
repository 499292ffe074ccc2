package io.kubz.merkle;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.kubz.field.Fr;
import io.kubz.field.json.Json;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The sponge, tensor commitment and Merkle trees of package-info.java against the same
 * constructions composed from circomlibjs's Poseidon (vectors/kubz_spec_circomlibjs.json, made by
 * vectors/kubz_spec_circomlibjs.mjs): another ecosystem reproduces them from the specification.
 */
class SpecVectorsTest {
  private static Map<String, Object> root;

  @BeforeAll
  static void load() throws IOException {
    try (InputStream in = SpecVectorsTest.class.getResourceAsStream("/vectors/kubz_spec_circomlibjs.json")) {
      root = Json.asObject(Json.parse(new String(in.readAllBytes(), StandardCharsets.UTF_8)), "vectors");
    }
  }

  private static List<Map<String, Object>> cases(String key) {
    List<Map<String, Object>> out = new ArrayList<>();
    for (Object o : Json.asArray(Json.get(root, key), key)) {
      out.add(Json.asObject(o, key));
    }
    assertFalse(out.isEmpty(), key);
    return out;
  }

  private static BigInteger big(Map<String, Object> m, String key) {
    return new BigInteger(Json.asString(Json.get(m, key), key));
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
    for (Map<String, Object> c : cases("sponge")) {
      List<Object> ins = Json.asArray(Json.get(c, "inputs"), "inputs");
      Fr[] x = new Fr[ins.size()];
      for (int i = 0; i < x.length; i++) {
        x[i] = Fr.of(new BigInteger(Json.asString(ins.get(i), "input")));
      }
      long domain = big(c, "domain").longValueExact();
      assertEquals(big(c, "output"), PoseidonSponge.hash(domain, x).toBigInteger(), "domain " + domain + ", n " + x.length);
    }
  }

  @Test
  void tensorCommitment() {
    for (Map<String, Object> c : cases("commit")) {
      int n = Json.asInt(Json.get(c, "n"), "n");
      Fr salt = Fr.of(big(c, "salt"));
      long[] v = values(n, Json.asInt(Json.get(c, "seed"), "seed"));
      assertEquals(big(c, "output"), TensorCommitment.commit(salt, v, n).toBigInteger(), "n " + n);
    }
  }

  @Test
  void merkleRoots() {
    for (Map<String, Object> c : cases("merkle")) {
      int n = Json.asInt(Json.get(c, "n"), "n");
      int arity = Json.asInt(Json.get(c, "arity"), "arity");
      long[] v = values(n, Json.asInt(Json.get(c, "seed"), "seed"));
      assertEquals(big(c, "root"), MerkleTree.build(arity, v, 0, n).root().toBigInteger(), "arity " + arity + ", n " + n);
    }
  }
}
