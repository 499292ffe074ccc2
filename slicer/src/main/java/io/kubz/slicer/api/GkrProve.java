package io.kubz.slicer.api;

import io.kubz.field.BadInputException;
import io.kubz.gkr.model.LayeredProver;
import io.kubz.slicer.bundle.BundleCodec;
import io.kubz.slicer.bundle.ModelDigest;
import io.kubz.slicer.bundle.ProofBundle;
import io.kubz.slicer.ir.Graph;
import io.kubz.slicer.ir.Tensor;
import io.kubz.slicer.quant.QuantizedGraph;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@link ModelProver#prove} for {@code --proof-system gkr}: quantize exactly as the plonkish path
 * ({@link ModelProver#quantizeFor}), plan the whole model as one slice, lower and load the SRS
 * ({@link GkrSession}), prove, bundle. The prover's own stages are reported as stages of the run:
 * {@value ProgressListener#WITNESS}, {@value ProgressListener#COMMIT}, {@value ProgressListener#TOWERS},
 * {@value ProgressListener#LAYERS}, {@value ProgressListener#OPENING} (their sum is the slice's prove
 * time).
 */
final class GkrProve {
  private GkrProve() {}

  static ModelProver.Result prove(Graph model, List<Tensor> inputs, ModelProver.Options o) {
    refuseUnsupported(o);
    io.kubz.slicer.backend.GkrProofSystem.checkVisibility(o.visibility());
    ProgressListener progress = o.progress();
    Map<String, Long> stages = new LinkedHashMap<>();
    long t0 = System.nanoTime();
    progress.begin(ProgressListener.QUANTIZE, 1);
    QuantizedGraph q = ModelProver.quantizeFor(model, inputs, o);
    end(progress, stages, ProgressListener.QUANTIZE, System.nanoTime() - t0);
    GkrSession session = new GkrSession(q, o.visibility(), o.srs(), progress);
    stages.put(ProgressListener.LOWER, session.lowerNanos());
    stages.put(ProgressListener.SRS, session.setupNanos());

    Map<String, long[]> quantized = new LinkedHashMap<>();
    for (int i = 0; i < inputs.size(); i++) {
      quantized.put(q.graph().inputs().get(i).name(), q.quantizeInput(inputs.get(i)));
    }
    LayeredProver.Output out = session.prove(quantized);
    end(progress, stages, ProgressListener.WITNESS, out.witnessNanos());
    end(progress, stages, ProgressListener.COMMIT, out.commitNanos());
    end(progress, stages, ProgressListener.TOWERS, out.towerNanos());
    end(progress, stages, ProgressListener.LAYERS, out.layerNanos());
    end(progress, stages, ProgressListener.OPENING, out.openingNanos());
    long proveNanos = out.witnessNanos() + out.commitNanos() + out.towerNanos() + out.layerNanos()
        + out.openingNanos();

    t0 = System.nanoTime();
    progress.begin(ProgressListener.BUNDLE, 1);
    ProofBundle bundle = session.bundle(session.lowered().inputValues(quantized), out);
    byte[] bytes = BundleCodec.encode(bundle);
    end(progress, stages, ProgressListener.BUNDLE, System.nanoTime() - t0);

    ProveSummary.SliceRow row = new ProveSummary.SliceRow(0, q.graph().nodes().size(),
        session.plan().slices().get(0).estimatedRows(), session.log2Size(), session.setupNanos(), proveNanos,
        session.peakBytes(), "local");
    ProveSummary summary = new ProveSummary(ModelDigest.hex(bundle.modelDigest()), session.plan().strategy(),
        List.of(row), stages, bundle.outputs(), 0, bytes.length, io.kubz.slicer.backend.GkrProofSystem.NAME);
    return new ModelProver.Result(bytes, bundle, summary, Map.of(), Map.of());
  }

  /** What the GKR path does not do (yet): a plan of several slices, hashed-input chains, another executor. */
  static void refuseUnsupported(ModelProver.Options o) {
    if (o.plan() != null && o.plan().slices().size() != 1) {
      throw new BadInputException("--proof-system gkr proves the whole model as one slice: drop --plan (the saved"
          + " plan has " + o.plan().slices().size() + " slices), or prove with --proof-system plonkish");
    }
    if (!o.inputSalts().isEmpty()) {
      throw new BadInputException("--proof-system gkr takes public inputs only, so it cannot continue a chain of"
          + " hashed tensors: prove with --proof-system plonkish");
    }
    if (o.executor() != null) {
      throw new BadInputException("--proof-system gkr proves on this machine only (no cluster executor yet): drop"
          + " --cluster, or prove with --proof-system plonkish");
    }
  }

  private static void end(ProgressListener p, Map<String, Long> stages, String stage, long nanos) {
    if (!stage.equals(ProgressListener.QUANTIZE) && !stage.equals(ProgressListener.BUNDLE)) {
      p.begin(stage, 1);
    }
    stages.put(stage, nanos);
    p.end(stage, nanos);
  }
}
