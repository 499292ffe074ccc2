package io.kubz.slicer.bundle;

import com.google.protobuf.ByteString;
import com.google.protobuf.InvalidProtocolBufferException;
import io.kubz.field.Fr;
import io.kubz.slicer.bundle.proto.BundleMsg;
import io.kubz.slicer.bundle.proto.InstanceEntryMsg;
import io.kubz.slicer.bundle.proto.PublicTensorMsg;
import io.kubz.slicer.bundle.proto.SliceMsg;
import io.kubz.slicer.bundle.proto.SrsMsg;
import java.util.ArrayList;
import java.util.List;

/** Bundle bytes (protobuf {@code bundle.proto}, version {@value ProofBundle#FORMAT_VERSION}). */
public final class BundleCodec {
  /** Larger bundles are refused before parsing (a lenet_5 bundle is well under 1 MiB). */
  public static final int MAX_BYTES = 1 << 30;

  private BundleCodec() {}

  public static byte[] encode(ProofBundle b) {
    BundleMsg.Builder m = BundleMsg.newBuilder().setFormatVersion(ProofBundle.FORMAT_VERSION)
        .setModelDigest(ByteString.copyFrom(b.modelDigest())).setModelName(b.modelName())
        .setPlanJson(b.planJson()).setQuantJson(b.quantJson())
        .setInputVisibility(b.inputVisibility()).setOutputVisibility(b.outputVisibility())
        .setSrs(SrsMsg.newBuilder().setG2(ByteString.copyFrom(b.srs().g2()))
            .setTauG2(ByteString.copyFrom(b.srs().tauG2())).setSource(b.srs().source()).setSize(b.srs().size())
            .setInsecure(b.srs().insecure()));
    for (ProofBundle.Slice s : b.slices()) {
      SliceMsg.Builder sm = SliceMsg.newBuilder().setId(s.id()).addAllNodes(s.nodes())
          .setVerifyingKey(ByteString.copyFrom(s.verifyingKey())).setVkDigest(ByteString.copyFrom(s.vkDigest()))
          .setProof(ByteString.copyFrom(s.proof())).setRows(s.rows());
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
   * negative sizes) raises {@link BundleFormatException}; nothing else escapes.
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
      m = BundleMsg.parseFrom(bytes);
    } catch (InvalidProtocolBufferException e) {
      throw new BundleFormatException("not a kubz proof bundle (malformed protobuf: " + e.getMessage() + ")", e);
    }
    if (m.getFormatVersion() != ProofBundle.FORMAT_VERSION) {
      throw new BundleFormatException("bundle format version " + m.getFormatVersion()
          + " is not supported (this kubz reads " + ProofBundle.FORMAT_VERSION + ")");
    }
    try {
      List<ProofBundle.Slice> slices = new ArrayList<>();
      for (SliceMsg s : m.getSlicesList()) {
        List<ProofBundle.Entry> layout = new ArrayList<>();
        for (InstanceEntryMsg e : s.getLayoutList()) {
          layout.add(new ProofBundle.Entry(e.getTensor(), e.getOutput(), e.getCommitment(), nonNegative(e.getRow()),
              nonNegative(e.getLength())));
        }
        List<Fr> instance = new ArrayList<>();
        for (ByteString v : s.getInstanceList()) {
          instance.add(Fr.fromBytesBE(v.toByteArray()));
        }
        slices.add(new ProofBundle.Slice(nonNegative(s.getId()), s.getNodesList(), s.getVerifyingKey().toByteArray(),
            s.getVkDigest().toByteArray(), layout, instance, s.getProof().toByteArray(), s.getRows()));
      }
      SrsMsg srs = m.getSrs();
      return new ProofBundle(m.getModelDigest().toByteArray(), m.getModelName(), m.getPlanJson(), m.getQuantJson(),
          m.getInputVisibility(), m.getOutputVisibility(),
          new ProofBundle.SrsInfo(srs.getG2().toByteArray(), srs.getTauG2().toByteArray(), srs.getSource(),
              nonNegative(srs.getSize()), srs.getInsecure()),
          slices, tensors(m.getInputsList()), tensors(m.getOutputsList()));
    } catch (IllegalArgumentException e) {
      throw new BundleFormatException("malformed bundle: " + e.getMessage(), e);
    }
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
      int[] shape = new int[t.getShapeCount()];
      for (int i = 0; i < shape.length; i++) {
        shape[i] = nonNegative(t.getShape(i));
      }
      long[] values = t.getValuesCount() == 0 ? null : t.getValuesList().stream().mapToLong(Long::longValue).toArray();
      Fr c = t.getCommitment().isEmpty() ? null : Fr.fromBytesBE(t.getCommitment().toByteArray());
      out.add(new ProofBundle.PublicTensor(t.getName(), shape, nonNegative(t.getScale()), t.getMode(), values, c));
    }
    return out;
  }
}
