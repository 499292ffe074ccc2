package io.kubz.merkle;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.kubz.field.Fixtures;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
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

  private static List<Case> parse(String text) throws IOException {
    JsonNode root = new ObjectMapper().readTree(text);
    List<Case> out = new ArrayList<>();
    for (JsonNode m : root.required("cases")) {
      JsonNode ins = m.required("inputs");
      BigInteger[] in = new BigInteger[ins.size()];
      for (int i = 0; i < in.length; i++) {
        in[i] = new BigInteger(ins.get(i).asText());
      }
      out.add(new Case(in, new BigInteger(m.required("output").asText())));
    }
    return out;
  }
}
