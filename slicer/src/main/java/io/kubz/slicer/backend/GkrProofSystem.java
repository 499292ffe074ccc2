package io.kubz.slicer.backend;

import io.kubz.field.BadInputException;
import io.kubz.field.Fr;
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
 * default the whole model: GKR.md "Slices and links") is lowered to a {@link LayeredModel}, proved
 * by {@link LayeredProver} with HyperKZG over the same SRS as the plonkish path, and checked by
 * {@link LayeredVerifier}.
 *
 * <p>Statement: D = {@link ModelDigests#digest} of the layered model is the circuit digest and the
 * verifier key's digest; the verifier key's bytes are the model itself ({@link LayeredModelCodec}),
 * so that a verifier trusting only a bundle's model digest can run the verifier. The transcript
 * (Keccak-256) absorbs, before the prover's first message, a domain label, D and the SRS's
 * [τ^k]_2 for k ≤ 3 (GKR.md, "Fiat–Shamir rules"). The public values are the model's inputs then
 * outputs (order of {@link LayeredModel#inputs()} and {@link LayeredModel#outputs()}), integers as
 * field elements (negatives as r − |v|).
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
    if (source.spec().nodes().size() != source.graph().nodes().size()) {
      throw new BadInputException("--proof-system gkr proves the whole model as one slice, not a slice of "
          + source.spec().nodes().size() + " of its " + source.graph().nodes().size() + " nodes");
    }
    return compile(LayeredLowering.lower(source.graph()));
  }

  /** The compiled form of an already lowered model. */
  public GkrCompiled compile(LayeredLowering.Lowered lowered) {
    return new GkrCompiled(lowered, ModelDigests.digest(lowered.model()), witnessLog2(lowered.model()));
  }

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
    try {
      int[] ins = model.inputs();
      int[] outs = model.outputs();
      long total = 0;
      for (int t : ins) {
        total += model.layers().get(t).size();
      }
      for (int t : outs) {
        total += model.layers().get(t).size();
      }
      if (total != publicValues.size() || srs.g2PowerCount() < 4) {
        return false;
      }
      int at = 0;
      long[][] inputs = new long[ins.length][];
      for (int i = 0; i < ins.length; i++) {
        inputs[i] = integers(publicValues, at, model.layers().get(ins[i]).size());
        at += inputs[i].length;
      }
      long[][] outputs = new long[outs.length][];
      for (int i = 0; i < outs.length; i++) {
        outputs[i] = integers(publicValues, at, model.layers().get(outs[i]).size());
        at += outputs[i].length;
      }
      if (Arrays.asList(inputs).contains(null) || Arrays.asList(outputs).contains(null)) {
        return false;
      }
      Optional<LayeredProof> p = LayeredProof.parse(proof);
      return p.isPresent()
          && LayeredVerifier.verify(model, inputs, outputs, p.get(), new HyperKzg(srs), statement(digest, srs));
    } catch (RuntimeException e) {
      return false;
    }
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
      return new SliceProof(NAME, o.proof().toBytes(), publicValues(inputs, o.outputs()), Map.of());
    }

    /** Proves a run on the model's inputs (order of {@link LayeredModel#inputs()}), with stage times. */
    public LayeredProver.Output prove(long[][] inputs) {
      return LayeredProver.prove(compiled.lowered.model(), inputs, pcs, statement(compiled.digest, srs));
    }
  }
}
