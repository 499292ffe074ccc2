package io.kubz.slicer.api;

import io.kubz.field.BadInputException;
import io.kubz.field.Fr;
import io.kubz.gkr.model.LayeredProver;
import io.kubz.slicer.bundle.BundleCodec;
import io.kubz.slicer.bundle.ModelDigest;
import io.kubz.slicer.bundle.ProofBundle;
import io.kubz.slicer.exec.KeyCache;
import io.kubz.slicer.exec.LocalExecutor;
import io.kubz.slicer.exec.SliceExecutor;
import io.kubz.slicer.exec.SliceJob;
import io.kubz.slicer.exec.SliceResult;
import io.kubz.slicer.ir.Graph;
import io.kubz.slicer.ir.Tensor;
import io.kubz.slicer.layered.LayeredLowering;
import io.kubz.slicer.plan.SlicePlan;
import io.kubz.slicer.plan.SliceSpec;
import io.kubz.slicer.quant.IntegerInterpreter;
import io.kubz.slicer.quant.QuantizedGraph;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * {@link ModelProver#prove} for a plan whose slices use both back ends ({@code --proof-system
 * mixed}, or a plan that names the other system for some slice): quantize as every path does,
 * plan ({@link MixedPlan}), compile, key and lower ({@link MixedSession}), witness (the integer
 * interpreter's trace, fresh salts), then the bridges ({@link MixedSession#claims}: C and C_T of
 * each bridged tensor natively, r = H(C, C_T), y), then prove: the plonkish slices through the
 * executor (their jobs carry r), the GKR slices here with their external claims (r, y); bundle.
 */
final class MixedProve {
  private MixedProve() {}

  static ModelProver.Result prove(Graph model, List<Tensor> inputs, ModelProver.Options o, String fallback) {
    ProgressListener progress = o.progress();
    Map<String, Long> stages = new LinkedHashMap<>();
    long t0 = System.nanoTime();
    progress.begin(ProgressListener.QUANTIZE, 1);
    QuantizedGraph q = ModelProver.quantizeFor(model, inputs, o);
    end(progress, stages, ProgressListener.QUANTIZE, t0);
    t0 = System.nanoTime();
    progress.begin(ProgressListener.PLAN, 1);
    SlicePlan plan = MixedPlan.plan(q, o, fallback);
    end(progress, stages, ProgressListener.PLAN, t0);
    String only = MixedPlan.only(plan);
    if (only != null) { // one back end after all: its own path, so that its bundle is that path's bundle
      return ModelProver.prove(model, inputs, o.withPlan(plan).withProofSystem(only));
    }
    t0 = System.nanoTime();
    KeyCache cache = new KeyCache(o.cacheDir());
    MixedSession session = new MixedSession(q, plan, o.visibility(), o.srs(), cache, progress, false);
    stages.put(ProgressListener.COMPILE, System.nanoTime() - t0);
    return prove(session, inputs, o, stages, cache.generated());
  }

  static ModelProver.Result prove(MixedSession session, List<Tensor> inputs, ModelProver.Options o,
      Map<String, Long> stages, int keysGenerated) {
    ProgressListener progress = o.progress();
    QuantizedGraph q = session.graph();
    SlicePlan plan = session.plan();
    int n = plan.slices().size();
    long t0 = System.nanoTime();
    progress.begin(ProgressListener.WITNESS, n);
    List<long[]> qin = new ArrayList<>();
    inputs.forEach(t -> qin.add(q.quantizeInput(t)));
    Map<String, long[]> trace = IntegerInterpreter.trace(q, qin);
    Random rnd = o.random() != null ? o.random() : new SecureRandom();
    ProvingSession plonk = session.plonkish();
    Map<String, Fr> salts = plonk == null ? new LinkedHashMap<>() : plonk.salts(rnd);
    for (Map.Entry<String, Fr> e : o.inputSalts().entrySet()) {
      if (!salts.containsKey(e.getKey())) {
        throw new BadInputException("a salt was given for '" + e.getKey() + "', which is not a hashed input of "
            + q.graph().name());
      }
      salts.put(e.getKey(), e.getValue());
    }
    Map<String, MixedSession.Claim> claims = session.claims(trace, salts);
    Map<String, Fr[]> points = new LinkedHashMap<>();
    claims.forEach((t, c) -> points.put(t, c.r()));
    List<SliceJob> jobs = new ArrayList<>();
    List<List<Fr>> instances = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      if (session.gkr(i)) {
        instances.add(null);
      } else {
        int k = session.plonkishIndex(i);
        jobs.add(plonk.job(k, trace, salts, points));
        instances.add(Arrays.asList(plonk.slices().get(k).instance(trace, salts, points)[0]));
      }
      progress.advance(ProgressListener.WITNESS, plan.slices().get(i).id(), "");
    }
    end(progress, stages, ProgressListener.WITNESS, t0);

    t0 = System.nanoTime();
    progress.begin(ProgressListener.PROVE, n);
    byte[][] proofs = new byte[n][];
    long[] nanos = new long[n];
    String[] where = new String[n];
    for (int i = 0; i < n; i++) {
      if (!session.gkr(i)) {
        continue;
      }
      progress.sliceStarted(plan.slices().get(i).id(), "local");
      long ts = System.nanoTime();
      LayeredLowering.Lowered low = session.compiled(i).lowered();
      LayeredProver.Output out = session.keyed(i).prove(low.inputValues(trace), session.externals(i, claims));
      for (int j = 0; j < low.outputs().size(); j++) {
        if (!Arrays.equals(out.outputs()[j], trace.get(low.outputs().get(j)))) {
          throw new IllegalStateException("GKR slice " + plan.slices().get(i).id() + " computed other values of '"
              + low.outputs().get(j) + "' than the integer interpreter");
        }
      }
      proofs[i] = out.proof().toBytes();
      nanos[i] = System.nanoTime() - ts;
      where[i] = "local";
      progress.advance(ProgressListener.PROVE, plan.slices().get(i).id(), "local");
    }
    if (!jobs.isEmpty()) {
      SliceExecutor ex = o.executor() != null ? o.executor() : new LocalExecutor(o.threads(), o.memoryBytes());
      List<SliceResult> results = ex.execute(jobs, plonk.prover(), progress.slices());
      for (SliceResult r : results) {
        int i = index(plan, r.sliceId());
        proofs[i] = r.proof();
        nanos[i] = r.proveNanos();
        where[i] = r.worker();
      }
    }
    end(progress, stages, ProgressListener.PROVE, t0);

    t0 = System.nanoTime();
    progress.begin(ProgressListener.BUNDLE, 1);
    ProofBundle st = session.bundle(trace, instances, Arrays.asList(proofs));
    ProofBundle bundle = new ProofBundle(st.modelDigest(), st.modelName(), st.planJson(), st.quantJson(),
        st.inputVisibility(), st.outputVisibility(), st.srs(), st.slices(),
        ModelProver.declare(st.inputs(), trace, salts), ModelProver.declare(st.outputs(), trace, salts));
    byte[] bytes = BundleCodec.encode(bundle);
    end(progress, stages, ProgressListener.BUNDLE, t0);

    List<ProveSummary.SliceRow> rows = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      SliceSpec s = plan.slices().get(i);
      boolean g = session.gkr(i);
      int k = g ? session.compiled(i).log2Size() : plonk.k(session.plonkishIndex(i));
      long peak = g ? session.compiled(i).peakBytes() : plonk.peakBytes(session.plonkishIndex(i));
      long keygen = g ? 0 : plonk.keygenNanos(session.plonkishIndex(i));
      rows.add(new ProveSummary.SliceRow(s.id(), s.nodes().size(), s.estimatedRows(), k, keygen, nanos[i], peak,
          where[i], s.proofSystem()));
    }
    ProveSummary summary = new ProveSummary(ModelDigest.hex(bundle.modelDigest()), plan.strategy(), rows, stages,
        bundle.outputs(), keysGenerated, bytes.length, MixedPlan.NAME);
    Map<String, Fr> hiddenSalts = new LinkedHashMap<>();
    Map<String, long[]> hidden = new LinkedHashMap<>();
    for (List<ProofBundle.PublicTensor> ts : List.of(bundle.inputs(), bundle.outputs())) {
      for (ProofBundle.PublicTensor t : ts) {
        if (t.commitment() != null) {
          hiddenSalts.put(t.name(), salts.get(t.name()));
          hidden.put(t.name(), trace.get(t.name()).clone());
        }
      }
    }
    return new ModelProver.Result(bytes, bundle, summary, hiddenSalts, hidden);
  }

  private static int index(SlicePlan plan, int sliceId) {
    for (int i = 0; i < plan.slices().size(); i++) {
      if (plan.slices().get(i).id() == sliceId) {
        return i;
      }
    }
    throw new IllegalStateException("executor returned slice " + sliceId + ", which the plan does not have");
  }

  private static void end(ProgressListener p, Map<String, Long> stages, String stage, long t0) {
    long nanos = System.nanoTime() - t0;
    stages.put(stage, nanos);
    p.end(stage, nanos);
  }
}
