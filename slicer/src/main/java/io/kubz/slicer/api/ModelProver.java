package io.kubz.slicer.api;

import io.kubz.field.BadInputException;
import io.kubz.field.Fr;
import io.kubz.poly.srs.Srs;
import io.kubz.slicer.backend.GkrProofSystem;
import io.kubz.slicer.bundle.BundleCodec;
import io.kubz.slicer.bundle.ProofBundle;
import io.kubz.slicer.exec.KeyCache;
import io.kubz.slicer.exec.LocalExecutor;
import io.kubz.slicer.exec.SliceExecutor;
import io.kubz.slicer.exec.SliceJob;
import io.kubz.slicer.exec.SliceResult;
import io.kubz.slicer.ir.Graph;
import io.kubz.slicer.ir.Tensor;
import io.kubz.slicer.ir.ValueInfo;
import io.kubz.slicer.lower.Visibility;
import io.kubz.slicer.plan.SlicePlan;
import io.kubz.slicer.quant.Calibrator;
import io.kubz.slicer.quant.IntegerInterpreter;
import io.kubz.slicer.quant.QuantPlan;
import io.kubz.slicer.quant.QuantizedGraph;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.IntFunction;

/**
 * The library entry point for proving: model and inputs in, proof bundle out.
 *
 * <pre>{@code
 * Graph model = OnnxImporter.read(Path.of("network.onnx"));
 * List<Tensor> input = InputData.read(Path.of("input.json"), model);
 * ModelProver.Result r = ModelProver.prove(model, input, ModelProver.Options.of(Srs.dev(17, 1))
 *     .withStrategy(Strategy.budget(12, 0)).withThreads(2).withCacheDir(Path.of(".kubz/keys")));
 * Files.write(Path.of("proof.kubz"), r.bundle());
 * }</pre>
 *
 * Stages: quantize (the given settings, else those {@link TrustedSettings} derives: calibrated on a
 * public input, from the model alone for a private or hashed one), plan (the given plan, else the strategy), compile and keygen ({@link ProvingSession},
 * keys cached by circuit digest), witness (the integer interpreter's trace, fresh salts, each
 * slice's public instance), prove (the executor), bundle.
 */
public final class ModelProver {
  private ModelProver() {}

  /**
   * Everything that steers a run. Start from {@link #of(Srs)} and override with the {@code with}
   * methods.
   *
   * @param quant quantization settings, or null to derive them ({@link TrustedSettings})
   * @param plan a slice plan (from {@code SlicePlan.fromJson}), or null to use {@code strategy}
   * @param strategy how to slice when no plan is given
   * @param visibility of the model's inputs and outputs
   * @param srs the powers of tau for a log2 size: asked for 2^(k+1) powers once the largest slice
   *     (2^k rows) is compiled; see {@link #of(Srs)} and {@link #ofDevSrs(long)}
   * @param threads slices proved at once by the default executor
   * @param cacheDir where keys persist between runs, or null for memory only
   * @param memoryBytes the default executor's memory budget: the slices proved at once together stay
   *     within it (default: the heap less the share kept for resident circuits and keys)
   * @param progress receives stage and slice events
   * @param executor where slices are proved, or null for a {@link LocalExecutor}
   * @param random source of the salts (null: SecureRandom); blinding is always SecureRandom
   * @param inputRange the declared range of private or hashed input values, from which settings are
   *     derived when none are given ({@link TrustedSettings})
   * @param inputSalts salts of HASHED model inputs by input name (the rest fresh): a chain's next
   *     model commits to its input with the salt the previous proof committed to it with
   * @param proofSystem "plonkish" (the default: sliced circuits), "gkr" (the whole model as one
   *     sumcheck / logUp-GKR proof, public inputs and outputs only; {@link GkrSession}) or "mixed"
   *     (each slice on the back end that suits it, linked by bridges; {@link MixedPlan}). A plan
   *     whose slices name another system than this one makes the run mixed too.
   */
  public record Options(QuantPlan quant, SlicePlan plan, Strategy strategy, Visibility visibility, IntFunction<Srs> srs,
      int threads, Path cacheDir, long memoryBytes, ProgressListener progress, SliceExecutor executor, Random random,
      Calibrator.InputRange inputRange, Map<String, Fr> inputSalts, String proofSystem) {
    /** The proof systems {@link #withProofSystem} takes. */
    public static final List<String> PROOF_SYSTEMS = List.of(ProofBundle.PLONKISH, GkrProofSystem.NAME,
        MixedPlan.NAME);

    public Options {
      inputSalts = inputSalts == null ? Map.of() : Map.copyOf(inputSalts);
      proofSystem = proofSystem == null ? ProofBundle.PLONKISH : proofSystem;
      if (!PROOF_SYSTEMS.contains(proofSystem)) {
        throw new BadInputException("unknown proof system '" + proofSystem + "': use one of " + PROOF_SYSTEMS);
      }
    }

    /** As before the proof-system option: plonkish. */
    public Options(QuantPlan quant, SlicePlan plan, Strategy strategy, Visibility visibility, IntFunction<Srs> srs,
        int threads, Path cacheDir, long memoryBytes, ProgressListener progress, SliceExecutor executor, Random random,
        Calibrator.InputRange inputRange, Map<String, Fr> inputSalts) {
      this(quant, plan, strategy, visibility, srs, threads, cacheDir, memoryBytes, progress, executor, random,
          inputRange, inputSalts, null);
    }

    /** Proves with "plonkish" or "gkr" (see {@link #proofSystem()}). */
    public Options withProofSystem(String system) {
      return new Options(quant, plan, strategy, visibility, srs, threads, cacheDir, memoryBytes, progress, executor,
          random, inputRange, inputSalts, system);
    }

    public boolean gkr() {
      return GkrProofSystem.NAME.equals(proofSystem) && !MixedPlan.mixes(plan, proofSystem);
    }

    /** Whether slices may use both back ends: "mixed", or a plan naming another system for a slice. */
    public boolean mixed() {
      return MixedPlan.NAME.equals(proofSystem) || MixedPlan.mixes(plan, proofSystem);
    }

    /** Proves with this SRS (a ceremony file's, or a dev SRS); too few powers is an error that says how many. */
    public static Options of(Srs srs) {
      return of(log2 -> srs);
    }

    /**
     * Proves with an SRS chosen by size: {@code srs.apply(log2)} must return at least 2^log2 powers
     * (e.g. {@code log2 -> srsCache.load(ptau, log2)}).
     */
    public static Options of(IntFunction<Srs> srs) {
      return new Options(null, null, Strategy.defaults(), Visibility.PUBLIC, srs, 1, null,
          Strategy.provingHeap(), ProgressListener.NONE, null, null, Calibrator.InputRange.DEFAULT,
          Map.of(), null);
    }

    /** An INSECURE development SRS of exactly the size needed, τ derived from {@code seed} (Srs.dev). */
    public static Options ofDevSrs(long seed) {
      return of(log2 -> Srs.dev(log2, seed));
    }

    public Options withQuant(QuantPlan q) {
      return new Options(q, plan, strategy, visibility, srs, threads, cacheDir, memoryBytes,
          progress, executor, random, inputRange, inputSalts, proofSystem);
    }

    public Options withPlan(SlicePlan p) {
      return new Options(quant, p, strategy, visibility, srs, threads, cacheDir, memoryBytes,
          progress, executor, random, inputRange, inputSalts, proofSystem);
    }

    public Options withStrategy(Strategy s) {
      return new Options(quant, plan, s, visibility, srs, threads, cacheDir, memoryBytes,
          progress, executor, random, inputRange, inputSalts, proofSystem);
    }

    public Options withVisibility(Visibility v) {
      return new Options(quant, plan, strategy, v, srs, threads, cacheDir, memoryBytes,
          progress, executor, random, inputRange, inputSalts, proofSystem);
    }

    public Options withThreads(int t) {
      return new Options(quant, plan, strategy, visibility, srs, t, cacheDir, memoryBytes,
          progress, executor, random, inputRange, inputSalts, proofSystem);
    }

    public Options withCacheDir(Path d) {
      return new Options(quant, plan, strategy, visibility, srs, threads, d, memoryBytes,
          progress, executor, random, inputRange, inputSalts, proofSystem);
    }

    public Options withMemoryBytes(long m) {
      return new Options(quant, plan, strategy, visibility, srs, threads, cacheDir, m,
          progress, executor, random, inputRange, inputSalts, proofSystem);
    }

    public Options withProgress(ProgressListener p) {
      return new Options(quant, plan, strategy, visibility, srs, threads, cacheDir, memoryBytes,
          p, executor, random, inputRange, inputSalts, proofSystem);
    }

    public Options withExecutor(SliceExecutor e) {
      return new Options(quant, plan, strategy, visibility, srs, threads, cacheDir, memoryBytes,
          progress, e, random, inputRange, inputSalts, proofSystem);
    }

    /** The declared range of the input values, for settings derived from the model alone. */
    public Options withInputRange(Calibrator.InputRange range) {
      return new Options(quant, plan, strategy, visibility, srs, threads, cacheDir, memoryBytes,
          progress, executor, random, range, inputSalts, proofSystem);
    }

    /** Salts for HASHED model inputs (a chain: the previous proof's output salts). */
    public Options withInputSalts(Map<String, Fr> salts) {
      return new Options(quant, plan, strategy, visibility, srs, threads, cacheDir, memoryBytes,
          progress, executor, random, inputRange, salts, proofSystem);
    }

    public Options withRandom(Random r) {
      return new Options(quant, plan, strategy, visibility, srs, threads, cacheDir, memoryBytes,
          progress, executor, r, inputRange, inputSalts, proofSystem);
    }
  }

  /**
   * The bundle bytes, the same bundle parsed, and the run's summary; and what must stay beside the
   * bundle, never in it: the salt and the values of each HASHED model input and output, by name
   * (a chain's secrets file, {@code io.kubz.slicer.chain.Secrets}).
   */
  public record Result(byte[] bundle, ProofBundle parsed, ProveSummary summary, Map<String, Fr> salts,
      Map<String, long[]> hidden) {}

  /**
   * Quantizes the model with the given settings, or by calibration on {@code inputs} (which then
   * enter the settings: only for a PUBLIC input, see {@link #quantizeFor}).
   */
  public static QuantizedGraph quantize(Graph model, List<Tensor> inputs, QuantPlan quant) {
    return (quant != null ? TrustedSettings.given(quant) : TrustedSettings.defaults())
        .quantize(model, Visibility.Mode.PUBLIC, inputs);
  }

  /**
   * Quantizes the model as a run with these options does: {@code o.quant()} when given, else the
   * rule of {@link TrustedSettings} (a PUBLIC input is calibrated on; a PRIVATE or HASHED one never
   * is: the settings then come from the model and {@code o.inputRange()} alone).
   */
  public static QuantizedGraph quantizeFor(Graph model, List<Tensor> inputs, Options o) {
    TrustedSettings rule = o.quant() != null ? TrustedSettings.given(o.quant()) : TrustedSettings.derived(o.inputRange());
    return rule.quantize(model, o.visibility(), inputs);
  }

  /**
   * Lowers a model and loads its SRS without proving, for {@code --proof-system gkr} (what
   * {@code kubz setup --proof-system gkr} does): its {@link GkrSession#statement()} has the model
   * digest of every bundle proved with these settings.
   */
  public static GkrSession setupGkr(QuantizedGraph q, Options o) {
    GkrProve.refuseUnsupported(o);
    return new GkrSession(q, GkrProve.plan(q, o), o.visibility(), o.srs(), o.progress());
  }

  /**
   * Compiles, keys and lowers a model for a run whose slices may use both back ends (what {@code
   * kubz setup --proof-system mixed} does) and returns the statement: the bundle without values or
   * proofs, whose model digest every bundle of such a run has, and the SRS it was made with.
   */
  public static Statement setupMixed(QuantizedGraph q, Options o) {
    SlicePlan plan = MixedPlan.plan(q, o, o.proofSystem());
    String only = MixedPlan.only(plan);
    if (GkrProofSystem.NAME.equals(only)) { // as the proof will be: a GKR bundle
      GkrSession g = setupGkr(q, o.withPlan(plan).withProofSystem(only));
      return new Statement(g.statement(), g.srs());
    }
    if (ProofBundle.PLONKISH.equals(only)) { // a plonkish bundle
      ProvingSession p = setup(q, plan, o.withProofSystem(only));
      return new Statement(p.statement(), p.srs());
    }
    MixedSession m = new MixedSession(q, plan, o.visibility(), o.srs(), new KeyCache(o.cacheDir()), o.progress(),
        false);
    return new Statement(m.statement(), m.gkrSrs());
  }

  /** A setup's statement (bundle without values or proofs) and its SRS. */
  public record Statement(ProofBundle bundle, Srs srs) {}

  /** Compiles and keys a model without proving (what {@code kubz setup} does). */
  public static ProvingSession setup(QuantizedGraph q, SlicePlan plan, Options o) {
    SlicePlan p = plan != null ? canonical(plan, q, o) : o.strategy().plan(q.graph(), new LoweredCost(q, o.visibility()));
    return new ProvingSession(q, p, o.visibility(), o.srs(), new KeyCache(o.cacheDir()), o.progress());
  }

  public static Result prove(Graph model, List<Tensor> inputs, Options o) {
    if (o.srs() == null) {
      throw new BadInputException("proving needs an SRS: pass a powers-of-tau file (--srs FILE.ptau) or --dev-srs");
    }
    checkInputs(model, inputs);
    if (o.mixed()) {
      return MixedProve.prove(model, inputs, o, o.proofSystem());
    }
    if (o.gkr()) {
      return GkrProve.prove(model, inputs, o);
    }
    ProgressListener progress = o.progress();
    Map<String, Long> stages = new LinkedHashMap<>();
    long t0 = System.nanoTime();
    progress.begin(ProgressListener.QUANTIZE, 1);
    QuantizedGraph q = quantizeFor(model, inputs, o);
    end(progress, stages, ProgressListener.QUANTIZE, t0);

    t0 = System.nanoTime();
    progress.begin(ProgressListener.PLAN, 1);
    SlicePlan plan = o.plan() != null ? canonical(o.plan(), q, o)
        : o.strategy().plan(q.graph(), new LoweredCost(q, o.visibility()));
    end(progress, stages, ProgressListener.PLAN, t0);

    long tc = System.nanoTime();
    KeyCache cache = new KeyCache(o.cacheDir());
    ProvingSession session = new ProvingSession(q, plan, o.visibility(), o.srs(), cache, progress);
    long compileAndKeygen = System.nanoTime() - tc;
    long keygen = session.keygenWallNanos(); // slices key two at a time: the stage's wall time, not their sum
    stages.put(ProgressListener.COMPILE, compileAndKeygen - keygen);
    stages.put(ProgressListener.KEYGEN, keygen);
    return prove(session, inputs, o, stages, cache.generated());
  }

  /**
   * Proves with a session set up beforehand ({@link #setup}), e.g. by a coordinator that needs the
   * session to verify what its workers return: the session's quantization and plan are used (those
   * of {@code o} are ignored), and the summary has no quantize, plan, compile or keygen stage.
   */
  public static Result prove(ProvingSession session, List<Tensor> inputs, Options o) {
    checkInputs(session.graph().graph(), inputs);
    return prove(session, inputs, o, new LinkedHashMap<>(), 0);
  }

  private static Result prove(ProvingSession session, List<Tensor> inputs, Options o, Map<String, Long> stages,
      int keysGenerated) {
    ProgressListener progress = o.progress();
    QuantizedGraph q = session.graph();
    SlicePlan plan = session.plan();
    long t0 = System.nanoTime();
    int n = plan.slices().size();
    progress.begin(ProgressListener.WITNESS, n);
    List<long[]> qin = new ArrayList<>();
    inputs.forEach(t -> qin.add(q.quantizeInput(t)));
    Map<String, long[]> trace = IntegerInterpreter.trace(q, qin);
    Random rnd = o.random() != null ? o.random() : new SecureRandom();
    Map<String, Fr> salts = session.salts(rnd);
    for (Map.Entry<String, Fr> e : o.inputSalts().entrySet()) {
      boolean input = q.graph().inputs().stream().anyMatch(v -> v.name().equals(e.getKey()));
      if (!input || !salts.containsKey(e.getKey())) {
        throw new BadInputException("a salt was given for '" + e.getKey() + "', which is not a hashed input of "
            + q.graph().name() + (input ? ": prove with --visibility input=hashed" : ""));
      }
      salts.put(e.getKey(), e.getValue());
    }
    List<SliceJob> jobs = new ArrayList<>();
    List<Fr[]> instances = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      jobs.add(session.job(i, trace, salts));
      instances.add(session.slices().get(i).instance(trace, salts)[0]);
      progress.advance(ProgressListener.WITNESS, plan.slices().get(i).id(), "");
    }
    end(progress, stages, ProgressListener.WITNESS, t0);

    t0 = System.nanoTime();
    progress.begin(ProgressListener.PROVE, n);
    SliceExecutor ex = o.executor() != null ? o.executor() : new LocalExecutor(o.threads(), o.memoryBytes());
    List<SliceResult> results = ex.execute(jobs, session.prover(), progress.slices());
    end(progress, stages, ProgressListener.PROVE, t0);

    t0 = System.nanoTime();
    progress.begin(ProgressListener.BUNDLE, 1);
    ProofBundle bundle = assemble(session, trace, salts, instances, results);
    byte[] bytes = BundleCodec.encode(bundle);
    end(progress, stages, ProgressListener.BUNDLE, t0);

    List<ProveSummary.SliceRow> rows = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      rows.add(new ProveSummary.SliceRow(plan.slices().get(i).id(), plan.slices().get(i).nodes().size(),
          plan.slices().get(i).estimatedRows(), session.k(i), session.keygenNanos(i),
          results.get(i).proveNanos(), session.peakBytes(i), results.get(i).worker()));
    }
    ProveSummary summary = new ProveSummary(io.kubz.slicer.bundle.ModelDigest.hex(bundle.modelDigest()), plan.strategy(),
        rows, stages, bundle.outputs(), keysGenerated, bytes.length);
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
    return new Result(bytes, bundle, summary, hiddenSalts, hidden);
  }

  /**
   * A given plan re-derived with the lowered cost, as {@code BundleVerifier.verifyForModel} derives
   * it from the bundle: its estimates (part of the plan JSON the model digest covers) then agree
   * whatever cost it was made or loaded with.
   */
  private static SlicePlan canonical(SlicePlan plan, QuantizedGraph q, Options o) {
    return SlicePlan.fromJson(plan.toJson(), q.graph(), new LoweredCost(q, o.visibility()));
  }

  private static void end(ProgressListener p, Map<String, Long> stages, String stage, long t0) {
    long nanos = System.nanoTime() - t0;
    stages.put(stage, nanos);
    p.end(stage, nanos);
  }

  private static void checkInputs(Graph model, List<Tensor> inputs) {
    if (inputs.size() != model.inputs().size()) {
      throw new BadInputException("the model has " + model.inputs().size() + " inputs, got " + inputs.size());
    }
    for (int i = 0; i < inputs.size(); i++) {
      ValueInfo v = model.inputs().get(i);
      if (inputs.get(i).size() != v.size()) {
        throw new BadInputException("input '" + v.name() + "' needs shape " + Arrays.toString(v.shape()) + " ("
            + v.size() + " values), got " + Arrays.toString(inputs.get(i).shape()));
      }
    }
  }

  /** The statement of the session with this run's instances, proofs and declared values. */
  private static ProofBundle assemble(ProvingSession session, Map<String, long[]> trace, Map<String, Fr> salts,
      List<Fr[]> instances, List<SliceResult> results) {
    ProofBundle st = session.statement();
    List<ProofBundle.Slice> slices = new ArrayList<>();
    for (int i = 0; i < st.slices().size(); i++) {
      ProofBundle.Slice s = st.slices().get(i);
      if (results.get(i).sliceId() != s.id()) {
        throw new IllegalStateException("executor returned slice " + results.get(i).sliceId() + " for " + s.id());
      }
      slices.add(new ProofBundle.Slice(s.id(), s.nodes(), s.verifyingKey(), s.vkDigest(), s.layout(),
          Arrays.asList(instances.get(i)), results.get(i).proof(), s.rows()));
    }
    return new ProofBundle(st.modelDigest(), st.modelName(), st.planJson(), st.quantJson(), st.inputVisibility(),
        st.outputVisibility(), st.srs(), slices, declare(st.inputs(), trace, salts),
        declare(st.outputs(), trace, salts));
  }

  /** The declared public tensors with their values (PUBLIC) or salted commitments (HASHED) filled in. */
  static List<ProofBundle.PublicTensor> declare(List<ProofBundle.PublicTensor> ts, Map<String, long[]> trace,
      Map<String, Fr> salts) {
    List<ProofBundle.PublicTensor> out = new ArrayList<>();
    for (ProofBundle.PublicTensor t : ts) {
      long[] v = trace.get(t.name());
      long[] values = t.mode().equals(Visibility.Mode.PUBLIC.name()) ? v.clone() : null;
      Fr c = t.mode().equals(Visibility.Mode.HASHED.name()) && salts.containsKey(t.name())
          ? io.kubz.slicer.lower.CompiledSlice.commitment(salts.get(t.name()), v) : null;
      out.add(new ProofBundle.PublicTensor(t.name(), t.shape(), t.scale(), t.mode(), values, c));
    }
    return out;
  }
}
