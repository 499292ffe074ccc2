package io.kubz.slicer.api;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kubz.field.Fr;
import io.kubz.plonkish.builder.Circuit;
import io.kubz.plonkish.keygen.Keygen;
import io.kubz.plonkish.keygen.ProvingKey;
import io.kubz.plonkish.prover.Prover;
import io.kubz.poly.kzg.Kzg;
import io.kubz.slicer.exec.KeyCache;
import io.kubz.slicer.exec.SliceJob;
import io.kubz.slicer.ir.Graph;
import io.kubz.slicer.ir.Tensor;
import io.kubz.slicer.lower.Visibility;
import io.kubz.slicer.onnx.ExampleModels;
import io.kubz.slicer.plan.SlicePlan;
import io.kubz.slicer.quant.IntegerInterpreter;
import io.kubz.slicer.quant.QuantizedGraph;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Issue #16, finding 7 (out of memory on a 2^17-row slice): the peak-memory estimate of a real
 * compiled slice covers what proving it holds. The heap is measured after a full collection at
 * every prover stage, relative to the heap before the slice's circuit was synthesized, so it counts
 * the circuit, witness, proving key and the prover's arrays, as the estimate does.
 */
class SliceMemoryTest {
  @Test
  void theEstimateOfACompiledSliceCoversItsProof() {
    Graph g = Runs.graph(ExampleModels.cnn(3));
    List<Tensor> in = Runs.input(g, 4);
    QuantizedGraph q = ModelProver.quantize(g, in, null);
    SlicePlan plan = Strategy.perLayer().plan(q.graph(), new LoweredCost(q));
    ProvingSession s = new ProvingSession(q, plan, Visibility.PUBLIC, log2 -> Runs.srs(), KeyCache.inMemory(),
        ProgressListener.NONE, 0);
    int widest = 0;
    for (int i = 0; i < plan.slices().size(); i++) {
      widest = s.k(i) > s.k(widest) ? i : widest;
    }
    List<long[]> qin = new ArrayList<>();
    in.forEach(t -> qin.add(q.quantizeInput(t)));
    Map<String, long[]> trace = IntegerInterpreter.trace(q, qin);
    Map<String, Fr> salts = s.salts(new java.util.Random(1));
    SliceJob job = s.job(widest, trace, salts);
    Map<String, Fr> jobSalts = new HashMap<>();
    job.salts().forEach((t, b) -> jobSalts.put(t, Fr.fromBytesBE(b)));
    Kzg kzg = new Kzg(s.srs());

    long base = live();
    Circuit c = s.slices().get(widest).circuit(job.tensors(), jobSalts);
    ProvingKey pk = Keygen.keygen(c.description(), kzg);
    long[] peak = {live() - base};
    Prover.prove(pk, kzg, c.witness(), new SecureRandom(), (stage, nanos) -> peak[0] = Math.max(peak[0], live() - base),
        true);
    long estimate = Prover.estimateBytes(c.description(), true);
    assertTrue(peak[0] <= estimate, "slice " + widest + " (2^" + s.k(widest) + " rows) held " + peak[0]
        + " bytes while proved, estimated " + estimate);
    assertTrue(estimate <= 4 * peak[0], "the estimate " + estimate + " is within 4x of the " + peak[0] + " measured");
    assertTrue(s.peakBytes(widest) >= estimate, "the session admits the slice on at least this estimate");
  }

  private static long live() {
    Runtime r = Runtime.getRuntime();
    for (int i = 0; i < 3; i++) {
      System.gc();
    }
    return r.totalMemory() - r.freeMemory();
  }
}
