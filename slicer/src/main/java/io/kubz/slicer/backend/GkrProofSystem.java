package io.kubz.slicer.backend;

import io.kubz.field.BadInputException;
import io.kubz.field.Fr;
import io.kubz.gkr.model.Boundaries;
import io.kubz.gkr.model.Layer;
import io.kubz.gkr.model.LayeredModel;
import io.kubz.gkr.model.LayeredProof;
import io.kubz.gkr.model.LayeredProver;
import io.kubz.gkr.model.LayeredVerifier;
import io.kubz.gkr.model.ModelDigests;
import io.kubz.gkr.pcs.HyperKzg;
import io.kubz.poly.srs.Srs;
import io.kubz.poly.transcript.Keccak256Transcript;
import io.kubz.poly.transcript.Transcript;
import io.kubz.slicer.exec.SliceJob;
import io.kubz.slicer.layered.LayeredLowering;
import io.kubz.slicer.lower.Visibility;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The sumcheck / logUp-GKR back end behind the {@link ProofSystem} seam (GKR.md): a slice (by
 * default the whole model: GKR.md "Slices and links"; with a plan, each slice, whose boundaries to
 * other slices are committed tensors: {@link LayeredLowering#lower(io.kubz.slicer.quant.QuantizedGraph,
 * io.kubz.slicer.plan.SliceSpec)}) is lowered to a {@link LayeredModel}, proved
 * by {@link LayeredProver} with HyperKZG over the same SRS as the plonkish path, and checked by
 * {@link LayeredVerifier}.
 *
 * <p>Statement: D = {@link ModelDigests#digest} of the layered model is the circuit digest and the
 * verifier key's digest; the verifier key's bytes are the model itself ({@link LayeredModelCodec}),
 * so that a verifier trusting only a bundle's model digest can run the verifier. The transcript
 * (Keccak-256) absorbs, before the prover's first message, a domain label, D and the SRS's
 * [τ^k]_2 for k ≤ 3 (GKR.md, "Fiat–Shamir rules"). The public values are the model's inputs then
 * outputs (order of {@link LayeredModel#inputs()} and {@link LayeredModel#outputs()}), integers as
 * field elements (negatives as r − |v|); a committed boundary is left out of them and linked by its
 * C_T instead ({@link SliceProof#boundaryCommitments()}, by tensor name).
 *
 * <p>Privacy: sumcheck messages reveal information about the witness, so until a zero-knowledge
 * sumcheck exists only PUBLIC inputs and outputs are accepted ({@link #checkVisibility}).
 */
public final class GkrProofSystem implements ProofSystem {
  public static final String NAME = "gkr";
  private static final byte[] DOMAIN = "kubz-gkr-slice-v1".getBytes(StandardCharsets.US_ASCII);
  /** The most witness variables a verifier accepts to load an SRS for (2^28 powers: beyond any ceremony file kubz reads). */
  public static final int MAX_WITNESS_VARS = Srs.MAX_LOG2;

  @Override
  public String name() {
    return NAME;
  }

  /** Refuses what GKR cannot prove without leaking: private or hashed model inputs or outputs. */
  public static void checkVisibility(Visibility v) {
    if (v.input() != Visibility.Mode.PUBLIC || v.output() != Visibility.Mode.PUBLIC) {
      throw new BadInputException("--proof-system gkr proves public inputs and outputs only (visibility input="
          + v.input().name().toLowerCase(java.util.Locale.ROOT) + ", output="
          + v.output().name().toLowerCase(java.util.Locale.ROOT) + "): its sumcheck messages reveal information"
          + " about the witness until a zero-knowledge sumcheck (masking polynomials) exists. Use --proof-system"
          + " plonkish for private or hashed tensors");
    }
  }

  @Override
  public Compiled compile(SliceSource source) {
    checkVisibility(source.links().visibility());
    if (source.spec().nodes().size() == source.graph().nodes().size()) {
      return compile(LayeredLowering.lower(source.graph()));
    }
    return compile(LayeredLowering.lower(source.graph(), source.spec()));
  }

  /** The compiled form of an already lowered model (a whole model, or a slice with committed boundaries). */
  public GkrCompiled compile(LayeredLowering.Lowered lowered) {
    return new GkrCompiled(lowered, ModelDigests.digest(lowered.model()),
        witnessLog2(lowered.model(), lowered.committed()));
  }

  /**
   * Verifies a slice whose inputs and outputs are all public. A slice with committed boundaries is
   * refused (false) here, by design: its {@link VerifierKey} is the layered model alone, which does
   * not say which of its inputs and outputs are committed (so the public values cannot be split
   * into tensors), its C_T are only meaningful against the other end of each link, and a bridged
   * boundary's opening also needs the claims (r, y) that the plonkish slice at the other end proves.
   * Such a slice is checked by {@code BundleVerifier} (which reads the committed tensors from the
   * slice's layout, compares C_T across each cut and derives the bridge claims), or directly by
   * {@link #verify(LayeredModel, int[], byte[], byte[], List, List, Srs, List)}.
   */
  @Override
  public boolean verify(VerifierKey key, SliceProof proof, Srs srs) {
    if (key == null || proof == null || srs == null || !NAME.equals(key.system()) || !NAME.equals(proof.system())
        || !proof.boundaryCommitments().isEmpty()) {
      return false;
    }
    try {
      Optional<LayeredModel> model = LayeredModelCodec.decode(key.bytes());
      if (model.isEmpty() || !Arrays.equals(ModelDigests.digest(model.get()), key.digest())) {
        return false;
      }
      return verify(model.get(), key.digest(), proof.proof(), proof.publicValues(), srs);
    } catch (RuntimeException e) {
      return false; // malformed bytes or an SRS without [τ²]_2, [τ³]_2: "does not verify"
    }
  }

  /**
   * Whether {@code proof} proves that {@code model} (whose digest is {@code digest}, checked by the
   * caller) maps the inputs to the outputs in {@code publicValues}. Never throws on the proof.
   */
  public static boolean verify(LayeredModel model, byte[] digest, byte[] proof, List<Fr> publicValues, Srs srs) {
    return verify(model, new int[0], digest, proof, publicValues, List.of(), srs);
  }

  /**
   * As above for a slice whose tensors {@code committed} (increasing ids) are boundaries linked by
   * commitments: {@code publicValues} holds only the public inputs then outputs, and the proof's
   * C_T must be {@code commitments} (compressed, increasing tensor id; what the bundle records and
   * compares with the other end of each link). Never throws on the proof.
   */
  public static boolean verify(LayeredModel model, int[] committed, byte[] digest, byte[] proof,
      List<Fr> publicValues, List<byte[]> commitments, Srs srs) {
    return verify(model, committed, digest, proof, publicValues, commitments, srs, List.of());
  }

  /**
   * As above for a slice with bridged boundaries: {@code external} are the claims (r, y) on its
   * committed tensors that the plonkish ends of its bridges prove ({@code io.kubz.slicer.lower.Bridge});
   * the proof verifies only with exactly the claims it was made with.
   */
  public static boolean verify(LayeredModel model, int[] committed, byte[] digest, byte[] proof,
      List<Fr> publicValues, List<byte[]> commitments, Srs srs, List<Boundaries.External> external) {
    try {
      int[] ins = model.inputs();
      int[] outs = model.outputs();
      long total = 0;
      for (int t : ins) {
        total += Arrays.binarySearch(committed, t) >= 0 ? 0 : model.layers().get(t).size();
      }
      for (int t : outs) {
        total += Arrays.binarySearch(committed, t) >= 0 ? 0 : model.layers().get(t).size();
      }
      if (total != publicValues.size() || srs.g2PowerCount() < 4 || commitments.size() != committed.length) {
        return false;
      }
      int[] at = {0};
      long[][] inputs = split(model, ins, committed, publicValues, at);
      long[][] outputs = split(model, outs, committed, publicValues, at);
      if (inputs == null || outputs == null) {
        return false;
      }
      Optional<LayeredProof> p = LayeredProof.parse(proof);
      if (p.isEmpty()) {
        return false;
      }
      List<byte[]> carried = p.get().boundaryCommitments();
      for (int i = 0; i < committed.length; i++) {
        if (!Arrays.equals(carried.get(i), commitments.get(i))) {
          return false;
        }
      }
      return LayeredVerifier.verify(model, committed, inputs, outputs, p.get(), new HyperKzg(srs),
          statement(digest, srs), external);
    } catch (RuntimeException e) {
      return false;
    }
  }

  /** The public tensors among {@code ids} read from {@code values} at {@code at} (null for committed ones). */
  private static long[][] split(LayeredModel model, int[] ids, int[] committed, List<Fr> values, int[] at) {
    long[][] out = new long[ids.length][];
    for (int i = 0; i < ids.length; i++) {
      if (Arrays.binarySearch(committed, ids[i]) >= 0) {
        continue;
      }
      out[i] = integers(values, at[0], model.layers().get(ids[i]).size());
      if (out[i] == null) {
        return null;
      }
      at[0] += out[i].length;
    }
    return out;
  }

  /**
   * The SRS a GKR verifier needs, from {@code points} (at least [τ^k]_1 for k ≤ 2 and [τ^k]_2 for
   * k ≤ 3: a ceremony file or dev SRS read at 2^2 powers): HyperKZG's verifier reads only those
   * (its three-point opening check), but accepts a witness of v variables only from an SRS of 2^v
   * powers. So the other powers are left unset (zero limbs) rather than loaded or computed: a
   * verifier then never reads a ceremony file beyond its first four powers. Proving with it fails.
   * If the verifier ever read another power, honest proofs would stop verifying (GkrProveTest).
   */
  public static Srs verifierSrs(Srs points, int log2) {
    if (log2 < 0 || log2 > MAX_WITNESS_VARS) {
      throw new BadInputException("a GKR witness of 2^" + log2 + " entries is beyond what a verifier accepts (2^"
          + MAX_WITNESS_VARS + ")");
    }
    if ((long) points.size() >= (1L << log2)) {
      return points;
    }
    if (points.size() < 3 || points.g2PowerCount() < 4) {
      throw new BadInputException("the SRS (" + points.source() + ") has " + points.size() + " G1 and "
          + points.g2PowerCount() + " G2 powers; a GKR verifier needs [τ^k]_1 for k ≤ 2 and [τ^k]_2 for k ≤ 3");
    }
    long[] g1 = new long[io.kubz.field.G1.AFFINE_LONGS << log2];
    System.arraycopy(points.g1Powers(), 0, g1, 0, 3 * io.kubz.field.G1.AFFINE_LONGS);
    return new Srs(g1, 1 << log2, points.g2(), points.tauG2(), points.source() + " (verifier powers)")
        .withHigherG2(points.g2Power(2), points.g2Power(3));
  }

  /** A fresh transcript that has absorbed the statement: domain label, D and [τ^k]_2 for k ≤ 3. */
  public static Transcript statement(byte[] digest, Srs srs) {
    Transcript t = new Keccak256Transcript("kubz-gkr");
    t.absorbBytes("domain", DOMAIN);
    t.absorbBytes("layered model digest", digest);
    for (int k = 0; k < 4; k++) {
      t.absorbBytes("srs g2 power", srs.g2Power(k).toEvmBytes());
    }
    return t;
  }

  /** Field elements back to the integers they encode (|v| < 2^62), or null when one is not such an integer. */
  private static long[] integers(List<Fr> values, int from, int n) {
    long[] out = new long[n];
    for (int i = 0; i < n; i++) {
      BigInteger v = values.get(from + i).toSignedBigInteger();
      if (v.bitLength() > 62) {
        return null;
      }
      out[i] = v.longValue();
    }
    return out;
  }

  /** The public values of a run of a slice: its public inputs then public outputs (committed ones left out). */
  public static List<Fr> publicValues(LayeredModel model, int[] committed, long[][] inputs, long[][] outputs) {
    List<Fr> out = new ArrayList<>();
    int[][] ids = {model.inputs(), model.outputs()};
    long[][][] groups = {inputs, outputs};
    for (int g = 0; g < 2; g++) {
      for (int i = 0; i < ids[g].length; i++) {
        if (Arrays.binarySearch(committed, ids[g][i]) < 0) {
          for (long v : groups[g][i]) {
            out.add(Fr.of(v));
          }
        }
      }
    }
    return out;
  }

  /** The public values of a run: the inputs then the outputs, as field elements. */
  public static List<Fr> publicValues(long[][] inputs, long[][] outputs) {
    List<Fr> out = new ArrayList<>();
    for (long[][] group : List.of(inputs, outputs)) {
      for (long[] t : group) {
        for (long v : t) {
          out.add(Fr.of(v));
        }
      }
    }
    return out;
  }

  /**
   * log2 of the powers of tau a proof of {@code m} commits with ({@link LayeredProver#commitmentVars}),
   * at least 2: a ceremony file read at fewer than 4 powers has no [τ²]_2, [τ³]_2.
   */
  public static int witnessLog2(LayeredModel m) {
    return Math.max(2, LayeredProver.commitmentVars(m));
  }

  /** The same for a slice whose tensors {@code committed} are boundaries (each committed too). */
  public static int witnessLog2(LayeredModel m, int[] committed) {
    return Math.max(2, LayeredProver.commitmentVars(m, committed));
  }

  /** The graph tensor name of a lowered model's input or output tensor {@code id}. */
  public static String boundaryName(LayeredLowering.Lowered low, int id) {
    int[] ins = low.model().inputs();
    for (int i = 0; i < ins.length; i++) {
      if (ins[i] == id) {
        return low.inputs().get(i);
      }
    }
    int[] outs = low.model().outputs();
    for (int i = 0; i < outs.length; i++) {
      if (outs[i] == id) {
        return low.outputs().get(i);
      }
    }
    throw new IllegalArgumentException("tensor " + id + " is no input or output");
  }

  /** A lowered model: its statement digest and the SRS size its witness needs. */
  public final class GkrCompiled implements Compiled {
    private final LayeredLowering.Lowered lowered;
    private final byte[] digest;
    private final int log2;

    GkrCompiled(LayeredLowering.Lowered lowered, byte[] digest, int log2) {
      this.lowered = lowered;
      this.digest = digest;
      this.log2 = log2;
    }

    public LayeredLowering.Lowered lowered() {
      return lowered;
    }

    /** D, 32 bytes. */
    public byte[] digestBytes() {
      return digest.clone();
    }

    @Override
    public String system() {
      return NAME;
    }

    @Override
    public String digest() {
      return HexFormat.of().formatHex(digest);
    }

    @Override
    public int log2Size() {
      return log2;
    }

    @Override
    public long peakBytes() {
      long entries = 0;
      for (Layer l : lowered.model().layers()) {
        entries += l.size();
      }
      return 32L * (4 * entries + 8 * (1L << log2));
    }

    @Override
    public GkrKeyed setup(Srs srs) {
      if ((long) srs.size() < (1L << log2)) {
        throw new BadInputException("the SRS is too small for --proof-system gkr: the model's committed witness"
            + " needs 2^" + log2 + " powers of tau, the SRS (" + srs.source() + ") has " + srs.size()
            + ": use a larger powers-of-tau file");
      }
      return new GkrKeyed(this, srs, new HyperKzg(srs));
    }
  }

  /** A compiled model with its SRS: it proves runs. */
  public static final class GkrKeyed implements Keyed {
    private final GkrCompiled compiled;
    private final Srs srs;
    private final HyperKzg pcs;

    GkrKeyed(GkrCompiled compiled, Srs srs, HyperKzg pcs) {
      this.compiled = compiled;
      this.srs = srs;
      this.pcs = pcs;
    }

    @Override
    public GkrCompiled compiled() {
      return compiled;
    }

    /** The SRS it commits and opens with. */
    public Srs srs() {
      return srs;
    }

    @Override
    public VerifierKey verifierKey() {
      return new VerifierKey(NAME, compiled.digest, LayeredModelCodec.encode(compiled.lowered.model()));
    }

    @Override
    public SliceProof prove(SliceJob job) {
      if (!compiled.digest().equals(job.circuitDigest())) {
        throw new IllegalArgumentException("job for slice " + job.sliceId() + " names model " + job.circuitDigest()
            + ", this slice lowered to " + compiled.digest());
      }
      long[][] inputs = compiled.lowered.inputValues(job.tensors());
      LayeredProver.Output o = prove(inputs);
      LayeredLowering.Lowered low = compiled.lowered;
      int[] committed = low.committed();
      Map<String, byte[]> links = new java.util.LinkedHashMap<>();
      List<byte[]> cs = o.proof().boundaryCommitments();
      for (int i = 0; i < committed.length; i++) {
        links.put(boundaryName(low, committed[i]), cs.get(i));
      }
      return new SliceProof(NAME, o.proof().toBytes(), publicValues(low.model(), committed, inputs, o.outputs()),
          links);
    }

    /** Proves a run on the model's inputs (order of {@link LayeredModel#inputs()}), with stage times. */
    public LayeredProver.Output prove(long[][] inputs) {
      return prove(inputs, List.of());
    }

    /** As above, with the claims (r, y) of its bridged boundaries ({@link Boundaries.External}). */
    public LayeredProver.Output prove(long[][] inputs, List<Boundaries.External> external) {
      return LayeredProver.prove(compiled.lowered.model(), compiled.lowered.committed(), inputs, pcs,
          statement(compiled.digest, srs), external);
    }

    /** C_T of a committed boundary with these values (compressed), as this slice's proof carries it. */
    public byte[] commitment(long[] values) {
      return LayeredProver.commitTensor(pcs, values).toCompressed();
    }
  }
}
