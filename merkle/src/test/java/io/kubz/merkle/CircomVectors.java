package io.kubz.merkle;

import io.kubz.field.Fixtures;
import io.kubz.field.json.Json;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** circomlibjs Poseidon vectors: the copy in test resources and the shared fixture. */
final class CircomVectors {
  static final String FIXTURE = "poseidon/circomlib_bn254.json";

  record Case(BigInteger[] inputs, BigInteger output) {}

  private CircomVectors() {}

  static List<Case> bundled() {
    try (InputStream in = CircomVectors.class.getResourceAsStream("/vectors/circomlib_bn254.json")) {
      return parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static Optional<List<Case>> shared() {
    Optional<Path> p = Fixtures.resolve(FIXTURE);
    if (p.isEmpty()) {
      return Optional.empty();
    }
    try {
      return Optional.of(parse(Files.readString(p.get())));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static List<Case> parse(String text) {
    Map<String, Object> root = Json.asObject(Json.parse(text), "vectors");
    List<Case> out = new ArrayList<>();
    for (Object c : Json.asArray(Json.get(root, "cases"), "cases")) {
      Map<String, Object> m = Json.asObject(c, "case");
      List<Object> ins = Json.asArray(Json.get(m, "inputs"), "inputs");
      BigInteger[] in = new BigInteger[ins.size()];
      for (int i = 0; i < in.length; i++) {
        in[i] = new BigInteger(Json.asString(ins.get(i), "input"));
      }
      out.add(new Case(in, new BigInteger(Json.asString(Json.get(m, "output"), "output"))));
    }
    return out;
  }
}
