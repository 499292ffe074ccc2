package io.kubz.slicer.bundle;

import io.kubz.field.Fr;
import java.util.List;

/**
 * A proof of one model inference, slice by slice (see the package documentation for the format and
 * what the verifier checks). Immutable value; {@link BundleCodec} reads and writes its bytes.
 *
 * @param modelDigest {@link ModelDigest} of the statement this bundle proves
 * @param modelName the model's name (part of the digest)
 * @param planJson the slice plan as JSON ({@code io.kubz.slicer.plan.SlicePlan#toJson})
 * @param quantJson the quantization settings as JSON ({@code io.kubz.slicer.quant.QuantPlan#toJson})
 * @param inputVisibility PUBLIC, PRIVATE or HASHED for the model's inputs
 * @param outputVisibility the same for its outputs
 * @param srs the verifier's part of the SRS the keys were made with
 * @param slices every slice, in plan order (a topological order of the slice graph)
 * @param inputs the model's inputs as declared
 * @param outputs the model's outputs as declared
 */
public record ProofBundle(byte[] modelDigest, String modelName, String planJson, String quantJson,
    String inputVisibility, String outputVisibility, SrsInfo srs, List<Slice> slices, List<PublicTensor> inputs,
    List<PublicTensor> outputs) {
  /** The bundle format of a bundle whose slices are all plonkish (what kubz wrote before GKR). */
  public static final int FORMAT_VERSION = 1;
  /** The bundle format of a bundle with a slice of another proof system (GKR): slices name their system. */
  public static final int FORMAT_VERSION_SYSTEMS = 2;
  /** The proof system of a slice in a version-1 bundle. */
  public static final String PLONKISH = "plonkish";

  public ProofBundle {
    slices = List.copyOf(slices);
    inputs = List.copyOf(inputs);
    outputs = List.copyOf(outputs);
  }

  /**
   * [1]_2 and [τ]_2 in EVM encoding, a description and a number of G1 powers (kubz writes "" and
   * 0: a path or size would make the model digest depend on where and how the SRS was loaded), and
   * whether it is a development SRS whose τ is known ({@code insecure}).
   */
  public record SrsInfo(byte[] g2, byte[] tauG2, String source, int size, boolean insecure, byte[] tau2G2,
      byte[] tau3G2) {
    public SrsInfo {
      tau2G2 = tau2G2 == null ? new byte[0] : tau2G2;
      tau3G2 = tau3G2 == null ? new byte[0] : tau3G2;
    }

    /** Without [τ²]_2, [τ³]_2 (all a plonkish bundle needs). */
    public SrsInfo(byte[] g2, byte[] tauG2, String source, int size, boolean insecure) {
      this(g2, tauG2, source, size, insecure, new byte[0], new byte[0]);
    }

    /** A ceremony SRS (τ unknown). */
    public SrsInfo(byte[] g2, byte[] tauG2, String source, int size) {
      this(g2, tauG2, source, size, false);
    }

    /** Whether [τ²]_2 and [τ³]_2 are given (a bundle with GKR slices). */
    public boolean hasHigherG2() {
      return tau2G2.length > 0 || tau3G2.length > 0;
    }
  }

  /**
   * One slice's verifying key, public instance (column 0) and proof.
   *
   * @param layout which instance rows hold which boundary tensor's values or commitment
   * @param rows the circuit's used rows (for reports); for a GKR slice 2^(variables of its committed
   *     witness), the SRS size its verifier needs
   * @param system the proof system that proved it ({@value #PLONKISH} or "gkr"); for GKR the
   *     verifying key is the encoded layered model and the instance its public inputs and outputs
   * @param commitments a GKR slice's boundary commitments C_T (compressed G1), in increasing tensor
   *     id of its layered model; a commitment entry of its layout names one by its row
   */
  public record Slice(int id, List<String> nodes, byte[] verifyingKey, byte[] vkDigest, List<Entry> layout,
      List<Fr> instance, byte[] proof, long rows, String system, List<byte[]> commitments) {
    public Slice {
      nodes = List.copyOf(nodes);
      layout = List.copyOf(layout);
      instance = List.copyOf(instance);
      system = system == null || system.isEmpty() ? PLONKISH : system;
      commitments = commitments == null ? List.of() : commitments.stream().map(byte[]::clone).toList();
    }

    /** A slice without boundary commitments (every plonkish slice; a GKR slice with public boundaries). */
    public Slice(int id, List<String> nodes, byte[] verifyingKey, byte[] vkDigest, List<Entry> layout,
        List<Fr> instance, byte[] proof, long rows, String system) {
      this(id, nodes, verifyingKey, vkDigest, layout, instance, proof, rows, system, List.of());
    }

    /** A plonkish slice. */
    public Slice(int id, List<String> nodes, byte[] verifyingKey, byte[] vkDigest, List<Entry> layout,
        List<Fr> instance, byte[] proof, long rows) {
      this(id, nodes, verifyingKey, vkDigest, layout, instance, proof, rows, PLONKISH);
    }

    public boolean plonkish() {
      return PLONKISH.equals(system);
    }

    /** The layout entry of a tensor in a role, or null. */
    public Entry find(String tensor, boolean output) {
      for (Entry e : layout) {
        if (e.tensor().equals(tensor) && e.output() == output) {
          return e;
        }
      }
      return null;
    }
  }

  /**
   * Instance rows [row, row + length) of a slice hold the values of {@code tensor}, or (commitment)
   * one cell with its salted tensor commitment; {@code output} tells whether the slice produces or
   * reads it.
   */
  public record Entry(String tensor, boolean output, boolean commitment, int row, int length) {}

  /**
   * A model input or output as declared by the bundle: its integer values at {@code scale} (PUBLIC),
   * its commitment (HASHED), or nothing (PRIVATE).
   */
  public record PublicTensor(String name, int[] shape, int scale, String mode, long[] values, Fr commitment) {
    /** The real values v / 2^scale (PUBLIC only; empty otherwise). */
    public double[] real() {
      double[] r = new double[values == null ? 0 : values.length];
      for (int i = 0; i < r.length; i++) {
        r[i] = values[i] / Math.pow(2, scale);
      }
      return r;
    }
  }

  /**
   * {@value #FORMAT_VERSION} when every slice is plonkish (the bytes and the digest are those kubz
   * wrote before GKR, so older bundles and published digests stay valid), else
   * {@value #FORMAT_VERSION_SYSTEMS}.
   */
  public int formatVersion() {
    for (Slice s : slices) {
      if (!s.plonkish()) {
        return FORMAT_VERSION_SYSTEMS;
      }
    }
    return srs.hasHigherG2() ? FORMAT_VERSION_SYSTEMS : FORMAT_VERSION;
  }

  /** The slice with this id, or null. */
  public Slice slice(int id) {
    for (Slice s : slices) {
      if (s.id() == id) {
        return s;
      }
    }
    return null;
  }
}
