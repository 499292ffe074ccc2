package io.kubz.slicer.bundle;

import com.google.protobuf.ByteString;
import com.google.protobuf.CodedInputStream;
import com.google.protobuf.InvalidProtocolBufferException;
import io.kubz.field.Fr;
import io.kubz.slicer.bundle.proto.BundleMsg;
import io.kubz.slicer.bundle.proto.InstanceEntryMsg;
import io.kubz.slicer.bundle.proto.PublicTensorMsg;
import io.kubz.slicer.bundle.proto.SliceMsg;
import io.kubz.slicer.bundle.proto.SrsMsg;
import java.util.ArrayList;
import java.util.List;

/**
 * Bundle bytes (protobuf {@code bundle.proto}): version {@value ProofBundle#FORMAT_VERSION} when
 * every slice is plonkish (as before GKR, so old bundles read and verify unchanged), version
 * {@value ProofBundle#FORMAT_VERSION_SYSTEMS} when a slice names another proof system. A reader
 * of version 1 refuses version 2 bundles by their version; this one refuses a bundle whose version
 * does not match its contents.
 */
public final class BundleCodec {
  /** Larger bundles are refused before parsing (a lenet_5 bundle is well under 1 MiB). */
  public static final int MAX_BYTES = 1 << 30;
  /**
   * Counts a bundle may hold, each far above what kubz writes: they bound the verifier's work per
   * item before it starts (a bundle's size alone does not: 4 bytes can claim an instance row).
   */
  public static final int MAX_SLICES = 1 << 12;
  public static final int MAX_NODES = 1 << 16;
  public static final int MAX_LAYOUT = 1 << 16;
  public static final int MAX_INSTANCE = 1 << 22;
  public static final int MAX_TENSORS = 1 << 12;
  public static final int MAX_RANK = 16;
  public static final int MAX_VALUES = 1 << 26;
  /** Characters of a name (model, node, tensor, SRS source, visibility). */
  public static final int MAX_NAME = 1 << 12;
  /** Characters of the plan and settings JSON. */
  public static final int MAX_JSON = 1 << 26;
  /** Bytes of a GKR boundary commitment C_T (a compressed G1 point). */
  public static final int COMMITMENT_BYTES = 32;

  private BundleCodec() {}

  public static byte[] encode(ProofBundle b) {
    int version = b.formatVersion();
    BundleMsg.Builder m = BundleMsg.newBuilder().setFormatVersion(version)
        .setModelDigest(ByteString.copyFrom(b.modelDigest())).setModelName(b.modelName())
        .setPlanJson(b.planJson()).setQuantJson(b.quantJson())
        .setInputVisibility(b.inputVisibility()).setOutputVisibility(b.outputVisibility())
        .setSrs(SrsMsg.newBuilder().setG2(ByteString.copyFrom(b.srs().g2()))
            .setTauG2(ByteString.copyFrom(b.srs().tauG2())).setSource(b.srs().source()).setSize(b.srs().size())
            .setInsecure(b.srs().insecure()).setTau2G2(ByteString.copyFrom(b.srs().tau2G2()))
            .setTau3G2(ByteString.copyFrom(b.srs().tau3G2())));
    for (ProofBundle.Slice s : b.slices()) {
      SliceMsg.Builder sm = SliceMsg.newBuilder().setId(s.id()).addAllNodes(s.nodes())
          .setVerifyingKey(ByteString.copyFrom(s.verifyingKey())).setVkDigest(ByteString.copyFrom(s.vkDigest()))
          .setProof(ByteString.copyFrom(s.proof())).setRows(s.rows());
      if (version >= ProofBundle.FORMAT_VERSION_SYSTEMS) {
        sm.setProofSystem(s.system());
      }
      s.commitments().forEach(c -> sm.addBoundaryCommitments(ByteString.copyFrom(c)));
      for (ProofBundle.Entry e : s.layout()) {
        sm.addLayout(InstanceEntryMsg.newBuilder().setTensor(e.tensor()).setOutput(e.output())
            .setCommitment(e.commitment()).setRow(e.row()).setLength(e.length()));
      }
      for (Fr v : s.instance()) {
        sm.addInstance(ByteString.copyFrom(v.toBytesBE()));
      }
      m.addSlices(sm);
    }
    b.inputs().forEach(t -> m.addInputs(tensor(t)));
    b.outputs().forEach(t -> m.addOutputs(tensor(t)));
    return m.build().toByteArray();
  }

  /**
   * Parses bundle bytes. Anything malformed (not protobuf, wrong version, a field element ≥ r,
   * negative sizes, counts or names beyond the limits above) raises {@link BundleFormatException};
   * nothing else escapes.
   */
  public static ProofBundle decode(byte[] bytes) {
    if (bytes == null || bytes.length == 0) {
      throw new BundleFormatException("the bundle is empty");
    }
    if (bytes.length > MAX_BYTES) {
      throw new BundleFormatException("the bundle is " + bytes.length + " bytes, more than any kubz writes");
    }
    BundleMsg m;
    try {
      // explicit limits: a claimed length past the end (2^31, 2^32 − 1) fails at once, nesting is shallow
      CodedInputStream in = CodedInputStream.newInstance(bytes);
      in.setRecursionLimit(8);
      in.setSizeLimit(bytes.length);
      m = BundleMsg.parser().parseFrom(in);
    } catch (InvalidProtocolBufferException e) {
      throw new BundleFormatException("not a kubz proof bundle (malformed protobuf: " + e.getMessage() + ")", e);
    }
    int version = m.getFormatVersion();
    if (version != ProofBundle.FORMAT_VERSION && version != ProofBundle.FORMAT_VERSION_SYSTEMS) {
      throw new BundleFormatException("bundle format version " + Integer.toUnsignedString(version)
          + " is not supported (this kubz reads " + ProofBundle.FORMAT_VERSION + " and "
          + ProofBundle.FORMAT_VERSION_SYSTEMS + ")");
    }
    try {
      name("model name", m.getModelName());
      within("characters of plan JSON", m.getPlanJson().length(), MAX_JSON);
      within("characters of settings JSON", m.getQuantJson().length(), MAX_JSON);
      name("input visibility", m.getInputVisibility());
      name("output visibility", m.getOutputVisibility());
      name("SRS source", m.getSrs().getSource());
      within("slices", m.getSlicesCount(), MAX_SLICES);
      List<ProofBundle.Slice> slices = new ArrayList<>();
      for (SliceMsg s : m.getSlicesList()) {
        within("nodes of a slice", s.getNodesCount(), MAX_NODES);
        s.getNodesList().forEach(n -> name("node name", n));
        within("layout entries of a slice", s.getLayoutCount(), MAX_LAYOUT);
        within("instance values of a slice", s.getInstanceCount(), MAX_INSTANCE);
        if (s.getVkDigest().size() != 32) {
          throw new IllegalArgumentException("a verifying-key digest is 32 bytes, got " + s.getVkDigest().size());
        }
        List<ProofBundle.Entry> layout = new ArrayList<>();
        for (InstanceEntryMsg e : s.getLayoutList()) {
          layout.add(new ProofBundle.Entry(name("tensor name", e.getTensor()), e.getOutput(), e.getCommitment(),
              nonNegative(e.getRow()), nonNegative(e.getLength())));
        }
        List<Fr> instance = new ArrayList<>();
        for (ByteString v : s.getInstanceList()) {
          instance.add(Fr.fromBytesBE(v.toByteArray()));
        }
        String system = version == ProofBundle.FORMAT_VERSION ? "" : name("proof system", s.getProofSystem());
        if (version == ProofBundle.FORMAT_VERSION && !s.getProofSystem().isEmpty()) {
          throw new IllegalArgumentException("a version 1 bundle names a proof system");
        }
        if (version == ProofBundle.FORMAT_VERSION_SYSTEMS && system.isEmpty()) {
          throw new IllegalArgumentException("slice " + s.getId() + " names no proof system");
        }
        within("boundary commitments of a slice", s.getBoundaryCommitmentsCount(), MAX_LAYOUT);
        List<byte[]> commitments = new ArrayList<>();
        for (ByteString c : s.getBoundaryCommitmentsList()) {
          if (c.size() != COMMITMENT_BYTES) {
            throw new IllegalArgumentException("a boundary commitment is " + COMMITMENT_BYTES + " bytes, got " + c.size());
          }
          commitments.add(c.toByteArray());
        }
        if (!commitments.isEmpty() && (version == ProofBundle.FORMAT_VERSION || ProofBundle.PLONKISH.equals(system))) {
          throw new IllegalArgumentException("slice " + s.getId() + " carries boundary commitments but is no GKR slice");
        }
        if (s.getRows() < 0) {
          throw new IllegalArgumentException("negative row count " + Long.toUnsignedString(s.getRows()));
        }
        slices.add(new ProofBundle.Slice(nonNegative(s.getId()), s.getNodesList(), s.getVerifyingKey().toByteArray(),
            s.getVkDigest().toByteArray(), layout, instance, s.getProof().toByteArray(), s.getRows(), system,
            commitments));
      }
      within("model inputs", m.getInputsCount(), MAX_TENSORS);
      within("model outputs", m.getOutputsCount(), MAX_TENSORS);
      SrsMsg srs = m.getSrs();
      if (version == ProofBundle.FORMAT_VERSION && (!srs.getTau2G2().isEmpty() || !srs.getTau3G2().isEmpty())) {
        throw new IllegalArgumentException("a version 1 bundle carries [τ²]_2 or [τ³]_2");
      }
      ProofBundle b = new ProofBundle(m.getModelDigest().toByteArray(), m.getModelName(), m.getPlanJson(), m.getQuantJson(),
          m.getInputVisibility(), m.getOutputVisibility(),
          new ProofBundle.SrsInfo(srs.getG2().toByteArray(), srs.getTauG2().toByteArray(), srs.getSource(),
              nonNegative(srs.getSize()), srs.getInsecure(), srs.getTau2G2().toByteArray(),
              srs.getTau3G2().toByteArray()),
          slices, tensors(m.getInputsList()), tensors(m.getOutputsList()));
      if (b.formatVersion() != version) {
        throw new IllegalArgumentException("format version " + version + " for a bundle of version " + b.formatVersion());
      }
      return b;
    } catch (IllegalArgumentException e) {
      throw new BundleFormatException("malformed bundle: " + e.getMessage(), e);
    }
  }

  private static void within(String what, long count, long max) {
    if (count > max) {
      throw new IllegalArgumentException(count + " " + what + ", more than the " + max + " a bundle may hold");
    }
  }

  private static String name(String what, String s) {
    within("characters in a " + what, s.length(), MAX_NAME);
    return s;
  }

  /** The number of elements of a shape, saturating at Long.MAX_VALUE. */
  private static long elements(int[] shape) {
    long n = 1;
    for (int d : shape) {
      n = d == 0 ? 0 : n > Long.MAX_VALUE / d ? Long.MAX_VALUE : n * d;
    }
    return n;
  }

  private static int nonNegative(int v) {
    if (v < 0) {
      throw new IllegalArgumentException("negative count or index " + Integer.toUnsignedString(v));
    }
    return v;
  }

  private static PublicTensorMsg tensor(ProofBundle.PublicTensor t) {
    PublicTensorMsg.Builder b = PublicTensorMsg.newBuilder().setName(t.name()).setScale(t.scale()).setMode(t.mode());
    for (int d : t.shape()) {
      b.addShape(d);
    }
    if (t.values() != null) {
      for (long v : t.values()) {
        b.addValues(v);
      }
    }
    if (t.commitment() != null) {
      b.setCommitment(ByteString.copyFrom(t.commitment().toBytesBE()));
    }
    return b.build();
  }

  private static List<ProofBundle.PublicTensor> tensors(List<PublicTensorMsg> msgs) {
    List<ProofBundle.PublicTensor> out = new ArrayList<>();
    for (PublicTensorMsg t : msgs) {
      name("tensor name", t.getName());
      name("visibility", t.getMode());
      within("dimensions of a tensor", t.getShapeCount(), MAX_RANK);
      within("values of a tensor", t.getValuesCount(), MAX_VALUES);
      int[] shape = new int[t.getShapeCount()];
      for (int i = 0; i < shape.length; i++) {
        shape[i] = nonNegative(t.getShape(i));
      }
      long[] values = t.getValuesCount() == 0 ? null : t.getValuesList().stream().mapToLong(Long::longValue).toArray();
      if (values != null && elements(shape) != values.length) {
        throw new IllegalArgumentException("tensor '" + t.getName() + "' has " + values.length
            + " values for its shape " + java.util.Arrays.toString(shape));
      }
      Fr c = t.getCommitment().isEmpty() ? null : Fr.fromBytesBE(t.getCommitment().toByteArray());
      out.add(new ProofBundle.PublicTensor(t.getName(), shape, nonNegative(t.getScale()), t.getMode(), values, c));
    }
    return out;
  }
}
