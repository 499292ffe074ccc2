package io.kubz.slicer.backend;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kubz.field.Fr;
import io.kubz.poly.srs.Srs;
import io.kubz.slicer.exec.KeyCache;
import io.kubz.slicer.exec.SliceJob;
import io.kubz.slicer.ir.Graph;
import io.kubz.slicer.ir.Tensor;
import io.kubz.slicer.ir.ValueInfo;
import io.kubz.slicer.lower.Linking;
import io.kubz.slicer.lower.Visibility;
import io.kubz.slicer.onnx.ExampleModels;
import io.kubz.slicer.onnx.OnnxImporter;
import io.kubz.slicer.plan.SliceSpec;
import io.kubz.slicer.quant.Calibrator;
import io.kubz.slicer.quant.IntegerInterpreter;
import io.kubz.slicer.quant.QNode;
import io.kubz.slicer.quant.QuantPlan;
import io.kubz.slicer.quant.QuantizedGraph;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A tiny slice (a small MLP, input and output public) proved and verified through the seam. */
class PlonkishProofSystemTest {

  @Test
  void provesAndVerifiesATinySliceThroughTheInterface() {
    Graph g = OnnxImporter.convert(ExampleModels.mlp(31, 4, 3, 2), null, Map.of());
    Tensor x = ExampleModels.input(31, g.inputs().get(0).shape());
    QuantizedGraph q = Calibrator.calibrate(g, List.of(List.of(x)), QuantPlan.defaults()).graph();
    Map<String, long[]> trace = IntegerInterpreter.trace(q, List.of(q.quantizeInput(x)));
    List<String> nodes = q.nodes().stream().map(QNode::name).toList();
    List<String> ins = new ArrayList<>();
    g.inputs().forEach((ValueInfo v) -> ins.add(v.name()));
    List<String> outs = new ArrayList<>();
    g.outputs().forEach((ValueInfo v) -> outs.add(v.name()));
    SliceSpec spec = new SliceSpec(0, nodes, ins, outs, 0, null);
    Linking links = Linking.of(g, List.of(nodes), Visibility.PUBLIC);

    ProofSystem plonkish = new PlonkishProofSystem(KeyCache.inMemory());
    assertEquals("plonkish", plonkish.name());
    ProofSystem.Compiled compiled = plonkish.compile(new SliceSource(q, spec, links));
    assertEquals("plonkish", compiled.system());
    assertTrue(compiled.log2Size() >= 1 && compiled.log2Size() <= 14, "k = " + compiled.log2Size());
    assertTrue(compiled.peakBytes() > 0);
    Srs srs = Srs.dev(compiled.log2Size() + 1, 20261207L);
    ProofSystem.Keyed keyed = compiled.setup(srs);
    SliceJob job = new SliceJob(0, compiled.digest(), compiled.log2Size(), compiled.peakBytes(), trace,
        Map.of());
    SliceProof proof = keyed.prove(job);
    VerifierKey key = keyed.verifierKey();
    assertTrue(plonkish.verify(key, proof, srs));

    // the public values are the model's input then output, bit for bit the interpreter's
    long[] out = trace.get(outs.get(0));
    List<Fr> pub = proof.publicValues();
    assertEquals(Fr.of(out[out.length - 1]), pub.get(pub.size() - 1));

    // a changed output value, foreign or malformed bytes: false, never a throw
    List<Fr> changed = new ArrayList<>(pub);
    changed.set(changed.size() - 1, changed.get(changed.size() - 1).add(Fr.ONE));
    assertFalse(plonkish.verify(key, new SliceProof("plonkish", proof.proof(), changed, Map.of()), srs));
    byte[] cut = java.util.Arrays.copyOf(proof.proof(), proof.proof().length - 7);
    assertFalse(plonkish.verify(key, new SliceProof("plonkish", cut, pub, Map.of()), srs));
    byte[] flipped = proof.proof();
    flipped[flipped.length / 2] ^= 1;
    assertFalse(plonkish.verify(key, new SliceProof("plonkish", flipped, pub, Map.of()), srs));
    assertFalse(plonkish.verify(key, new SliceProof("gkr", proof.proof(), pub, Map.of()), srs));
    assertFalse(plonkish.verify(new VerifierKey("plonkish", new byte[32], key.bytes()), proof, srs));
    assertFalse(plonkish.verify(new VerifierKey("plonkish", key.digest(), new byte[40]), proof, srs));
    assertFalse(plonkish.verify(key, proof, Srs.dev(compiled.log2Size() + 1, 7)), "another SRS");

    // a job for another circuit is refused
    SliceJob other = new SliceJob(0, "not-" + compiled.digest(), job.k(), job.peakBytes(), trace, Map.of());
    assertThrows(IllegalArgumentException.class, () -> keyed.prove(other));
  }
}
