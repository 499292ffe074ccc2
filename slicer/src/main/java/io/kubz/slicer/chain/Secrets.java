package io.kubz.slicer.chain;

import io.kubz.field.BadInputException;
import io.kubz.field.Fr;
import io.kubz.slicer.json.Json;
import io.kubz.slicer.bundle.ProofBundle;
import io.kubz.slicer.lower.CompiledSlice;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a prover keeps beside a bundle and never puts in it: for every HASHED model input and output,
 * its integer values and its salt. With it the next model of a chain commits to the same tensor
 * with the same commitment ({@link ChainInput}), and a link to a public side can be checked.
 *
 * @param modelDigest hex model digest of the bundle these secrets belong to
 * @param tensors the hashed model inputs and outputs
 */
public record Secrets(String modelDigest, List<Tensor> tensors) {
  /** The format tag of the JSON file. */
  public static final String FORMAT = "kubz-secrets-v1";

  public Secrets {
    tensors = List.copyOf(tensors);
  }

  /**
   * One hashed tensor.
   *
   * @param output true for a model output, false for a model input
   * @param commitment the commitment the bundle declares, Poseidon(salt, values)
   */
  public record Tensor(String name, boolean output, int scale, int[] shape, long[] values, Fr salt, Fr commitment) {}

  /** The secrets of a proof: the salt and values of each HASHED model input and output of its bundle. */
  public static Secrets of(io.kubz.slicer.api.ModelProver.Result r) {
    List<Tensor> ts = new ArrayList<>();
    for (boolean output : new boolean[] {false, true}) {
      for (ProofBundle.PublicTensor t : output ? r.parsed().outputs() : r.parsed().inputs()) {
        if (t.commitment() != null) {
          ts.add(new Tensor(t.name(), output, t.scale(), t.shape(), r.hidden().get(t.name()), r.salts().get(t.name()),
              t.commitment()));
        }
      }
    }
    return new Secrets(HexFormat.of().formatHex(r.parsed().modelDigest()), ts);
  }

  /** The secret of a model output (or input) by name, or null. */
  public Tensor find(String name, boolean output) {
    for (Tensor t : tensors) {
      if (t.name().equals(name) && t.output() == output) {
        return t;
      }
    }
    return null;
  }

  /**
   * Checks these secrets against the bundle they claim to belong to: same model digest, and every
   * hashed input and output of the bundle has a secret whose values and salt give the declared
   * commitment. Throws a BadInputException that names what does not match.
   */
  public void check(ProofBundle b, String what) {
    String digest = HexFormat.of().formatHex(b.modelDigest());
    if (!digest.equals(modelDigest)) {
      throw new BadInputException(what + " belongs to another model (digest " + modelDigest + ", the bundle's is "
          + digest + "): pass the secrets file written with this bundle");
    }
    for (boolean output : new boolean[] {false, true}) {
      for (ProofBundle.PublicTensor t : output ? b.outputs() : b.inputs()) {
        if (t.commitment() == null) {
          continue;
        }
        Tensor s = find(t.name(), output);
        if (s == null) {
          throw new BadInputException(what + " has no salt for " + (output ? "output" : "input") + " '" + t.name()
              + "'");
        }
        if (!CompiledSlice.commitment(s.salt(), s.values()).equals(t.commitment())) {
          throw new BadInputException(what + " does not open the bundle's commitment to " + (output ? "output" : "input")
              + " '" + t.name() + "': it belongs to another proof of this model (or was altered)");
        }
      }
    }
  }

  public String toJson() {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("format", FORMAT);
    m.put("model_digest", modelDigest);
    List<Object> ts = new ArrayList<>();
    for (Tensor t : tensors) {
      Map<String, Object> e = new LinkedHashMap<>();
      e.put("name", t.name());
      e.put("role", t.output() ? "output" : "input");
      e.put("scale", t.scale());
      List<Object> shape = new ArrayList<>();
      for (int d : t.shape()) {
        shape.add(d);
      }
      e.put("shape", shape);
      List<Object> values = new ArrayList<>();
      for (long v : t.values()) {
        values.add(v);
      }
      e.put("values", values);
      e.put("salt", HexFormat.of().formatHex(t.salt().toBytesBE()));
      e.put("commitment", HexFormat.of().formatHex(t.commitment().toBytesBE()));
      ts.add(e);
    }
    m.put("tensors", ts);
    return Json.writePretty(m);
  }

  /** Parses a secrets file; anything malformed is a BadInputException naming {@code what}. */
  public static Secrets fromJson(String json, String what) {
    try {
      Map<String, Object> m = Json.asObject(Json.parse(json), what);
      if (!FORMAT.equals(Json.get(m, "format"))) {
        throw new BadInputException(what + " is not a kubz secrets file (no \"format\": \"" + FORMAT + "\")");
      }
      List<Tensor> ts = new ArrayList<>();
      for (Object o : Json.asArray(Json.get(m, "tensors"), what + " tensors")) {
        Map<String, Object> e = Json.asObject(o, what + " tensor");
        String role = Json.asString(Json.get(e, "role"), what + " role");
        if (!role.equals("input") && !role.equals("output")) {
          throw new BadInputException(what + ": role must be input or output, got " + role);
        }
        List<Object> sh = Json.asArray(Json.get(e, "shape"), what + " shape");
        int[] shape = new int[sh.size()];
        long size = 1;
        for (int i = 0; i < shape.length; i++) {
          shape[i] = Json.asInt(sh.get(i), what + " shape");
          size *= Math.max(0, shape[i]);
        }
        List<Object> vs = Json.asArray(Json.get(e, "values"), what + " values");
        if (vs.size() != size) {
          throw new BadInputException(what + ": " + vs.size() + " values for shape " + java.util.Arrays.toString(shape));
        }
        long[] values = new long[vs.size()];
        for (int i = 0; i < values.length; i++) {
          values[i] = Json.asLong(vs.get(i), what + " values");
        }
        ts.add(new Tensor(Json.asString(Json.get(e, "name"), what + " name"), role.equals("output"),
            Json.asInt(Json.get(e, "scale"), what + " scale"), shape, values,
            fr(Json.asString(Json.get(e, "salt"), what + " salt"), what + " salt"),
            fr(Json.asString(Json.get(e, "commitment"), what + " commitment"), what + " commitment")));
      }
      return new Secrets(Json.asString(Json.get(m, "model_digest"), what + " model_digest"), ts);
    } catch (BadInputException e) {
      throw e;
    } catch (RuntimeException e) {
      throw new BadInputException(what + " is not a valid secrets file: " + e.getMessage());
    }
  }

  private static Fr fr(String hex, String what) {
    byte[] b;
    try {
      b = HexFormat.of().parseHex(hex);
    } catch (IllegalArgumentException e) {
      throw new BadInputException(what + " is not hex: " + hex);
    }
    if (b.length != 32) {
      throw new BadInputException(what + " must be 32 bytes (64 hex digits), got " + b.length);
    }
    return Fr.fromBytesBE(b);
  }
}
