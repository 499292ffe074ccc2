package io.kubz.slicer.api;

import com.google.protobuf.ByteString;
import io.kubz.field.Fr;
import io.kubz.plonkish.proto.ProofMsg;
import io.kubz.slicer.bundle.BundleCodec;
import io.kubz.slicer.bundle.ProofBundle;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** Malicious bundles for the fuzzer: counts far beyond what kubz writes, model digest recomputed. */
final class Bundles {
  private Bundles() {}

  /**
   * A mutant bundle; {@code anchored} when it only changes what the model digest describes (the
   * SRS's declared size): a bundle on its own is checked for consistency only, so it must be
   * rejected once the verifier holds the honest model digest.
   */
  record Mutant(String name, byte[] bytes, boolean anchored) {
    Mutant(String name, byte[] bytes) {
      this(name, bytes, false);
    }
  }

  static byte[] forged(ProofBundle b, List<ProofBundle.Slice> slices) {
    return forged(new ProofBundle(b.modelDigest(), b.modelName(), b.planJson(), b.quantJson(), b.inputVisibility(),
        b.outputVisibility(), b.srs(), slices, b.inputs(), b.outputs()));
  }

  static byte[] forged(ProofBundle b) {
    return BundleCodec.encode(ProvingSession.withDigest(b));
  }

  static ProofBundle.Slice slice(ProofBundle.Slice s, List<String> nodes, List<ProofBundle.Entry> layout,
      List<Fr> instance, byte[] proof) {
    return new ProofBundle.Slice(s.id(), nodes, s.verifyingKey(), s.vkDigest(), layout, instance, proof, s.rows());
  }

  static List<Mutant> countMutants(ProofBundle b) {
    List<Mutant> out = new ArrayList<>();
    ProofBundle.Slice s0 = b.slices().get(0);
    List<ProofBundle.Slice> many = new ArrayList<>(b.slices());
    ProofBundle.Slice stub = new ProofBundle.Slice(0, List.of(), new byte[0], new byte[32], List.of(), List.of(),
        new byte[0], 0);
    while (many.size() <= BundleCodec.MAX_SLICES) {
      many.add(stub);
    }
    out.add(new Mutant("2^12 + 1 slices", forged(b, many)));
    out.add(new Mutant("2^16 + 1 nodes in slice 0", forged(b, with0(b,
        slice(s0, Collections.nCopies(BundleCodec.MAX_NODES + 1, "n"), s0.layout(), s0.instance(), s0.proof())))));
    List<ProofBundle.Entry> layout = new ArrayList<>(s0.layout());
    while (layout.size() <= BundleCodec.MAX_LAYOUT) {
      layout.add(new ProofBundle.Entry("t" + layout.size(), true, false, 0, 1));
    }
    out.add(new Mutant("2^16 + 1 layout entries", forged(b, with0(b, slice(s0, s0.nodes(), layout, s0.instance(),
        s0.proof())))));
    List<ProofBundle.Entry> far = new ArrayList<>(s0.layout());
    far.add(new ProofBundle.Entry("far", true, false, Integer.MAX_VALUE, Integer.MAX_VALUE));
    out.add(new Mutant("a layout entry at row 2^31 - 1 of length 2^31 - 1", forged(b, with0(b,
        slice(s0, s0.nodes(), far, s0.instance(), s0.proof())))));
    List<Fr> longer = new ArrayList<>(s0.instance());
    longer.addAll(Collections.nCopies(100_000, Fr.ONE));
    out.add(new Mutant("100,000 more instance values than the circuit has rows", forged(b, with0(b,
        slice(s0, s0.nodes(), s0.layout(), longer, s0.proof())))));
    ProofMsg.Builder big = ProofMsg.newBuilder().setVersion(2);
    for (int i = 0; i < 300_000; i++) {
      big.addEvaluations(ByteString.EMPTY);
    }
    out.add(new Mutant("a proof of 300,000 elements", forged(b, with0(b,
        slice(s0, s0.nodes(), s0.layout(), s0.instance(), big.build().toByteArray())))));
    out.add(new Mutant("a model name of 10^5 characters", forged(new ProofBundle(b.modelDigest(),
        "m".repeat(100_000), b.planJson(), b.quantJson(), b.inputVisibility(), b.outputVisibility(), b.srs(),
        b.slices(), b.inputs(), b.outputs()))));
    out.add(new Mutant("a plan nested 100,000 arrays deep", forged(new ProofBundle(b.modelDigest(), b.modelName(),
        "[".repeat(100_000), b.quantJson(), b.inputVisibility(), b.outputVisibility(), b.srs(), b.slices(),
        b.inputs(), b.outputs()))));
    List<ProofBundle.PublicTensor> outputs = new ArrayList<>();
    for (ProofBundle.PublicTensor t : b.outputs()) {
      outputs.add(new ProofBundle.PublicTensor(t.name(), new int[] {Integer.MAX_VALUE, Integer.MAX_VALUE}, t.scale(),
          t.mode(), t.values(), t.commitment()));
    }
    out.add(new Mutant("outputs of shape (2^31 - 1) x (2^31 - 1)", forged(new ProofBundle(b.modelDigest(),
        b.modelName(), b.planJson(), b.quantJson(), b.inputVisibility(), b.outputVisibility(), b.srs(), b.slices(),
        b.inputs(), outputs))));
    List<ProofBundle.PublicTensor> ranked = new ArrayList<>();
    for (ProofBundle.PublicTensor t : b.outputs()) {
      ranked.add(new ProofBundle.PublicTensor(t.name(), new int[BundleCodec.MAX_RANK + 1], t.scale(), t.mode(),
          t.values(), t.commitment()));
    }
    out.add(new Mutant("outputs of rank 17", forged(new ProofBundle(b.modelDigest(), b.modelName(), b.planJson(),
        b.quantJson(), b.inputVisibility(), b.outputVisibility(), b.srs(), b.slices(), b.inputs(), ranked))));
    List<ProofBundle.PublicTensor> inputs = new ArrayList<>(b.inputs());
    while (inputs.size() <= BundleCodec.MAX_TENSORS) {
      inputs.add(b.inputs().get(0));
    }
    out.add(new Mutant("2^12 + 1 model inputs", forged(new ProofBundle(b.modelDigest(), b.modelName(), b.planJson(),
        b.quantJson(), b.inputVisibility(), b.outputVisibility(), b.srs(), b.slices(), inputs, b.outputs()))));
    out.add(new Mutant("an SRS of 2^31 - 1 points", forged(new ProofBundle(b.modelDigest(), b.modelName(),
        b.planJson(), b.quantJson(), b.inputVisibility(), b.outputVisibility(), new ProofBundle.SrsInfo(b.srs().g2(),
        b.srs().tauG2(), b.srs().source(), Integer.MAX_VALUE), b.slices(), b.inputs(), b.outputs())), true));
    return out;
  }

  private static List<ProofBundle.Slice> with0(ProofBundle b, ProofBundle.Slice s0) {
    List<ProofBundle.Slice> slices = new ArrayList<>(b.slices());
    slices.set(0, s0);
    return slices;
  }
}
