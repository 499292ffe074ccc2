package io.kubz.slicer.backend;

import io.kubz.field.BadInputException;
import io.kubz.field.Fr;
import io.kubz.plonkish.Proof;
import io.kubz.plonkish.format.KeyCodec;
import io.kubz.plonkish.format.ProofCodec;
import io.kubz.plonkish.ir.CircuitDescription;
import io.kubz.plonkish.keygen.ProvingKey;
import io.kubz.plonkish.keygen.VerifyingKey;
import io.kubz.plonkish.prover.Prover;
import io.kubz.plonkish.verifier.Verifier;
import io.kubz.poly.kzg.Kzg;
import io.kubz.poly.srs.Srs;
import io.kubz.slicer.exec.CircuitDigest;
import io.kubz.slicer.exec.KeyCache;
import io.kubz.slicer.exec.SliceJob;
import io.kubz.slicer.lower.CompiledSlice;
import io.kubz.slicer.lower.SliceCompiler;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The plonkish back end behind the {@link ProofSystem} seam, delegating to what
 * {@code ProvingSession} and {@code BundleVerifier} do per slice: {@link SliceCompiler} lowers the
 * slice to a circuit, the {@link KeyCache} makes or finds its keys by {@link CircuitDigest}, the
 * plonkish prover proves the witness the circuit re-synthesizes from the job's tensors and salts,
 * and the verifier checks the proof against the public instance (column 0).
 */
public final class PlonkishProofSystem implements ProofSystem {
  public static final String NAME = "plonkish";

  private final KeyCache cache;

  /** @param cache where keys are found or kept ({@link KeyCache#inMemory()} for none on disk) */
  public PlonkishProofSystem(KeyCache cache) {
    this.cache = cache;
  }

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public Compiled compile(SliceSource source) {
    CompiledSlice cs = SliceCompiler.compile(source.graph(), source.spec(), source.links());
    return new PlonkishCompiled(cs, cs.description(), CircuitDigest.of(cs.description()));
  }

  @Override
  public boolean verify(VerifierKey key, SliceProof proof, Srs srs) {
    if (key == null || proof == null || srs == null || !NAME.equals(key.system())
        || !NAME.equals(proof.system()) || !proof.boundaryCommitments().isEmpty()) {
      return false;
    }
    try {
      VerifyingKey vk = KeyCodec.decodeVerifyingKey(key.bytes());
      if (!Arrays.equals(vk.digest(), key.digest())) {
        return false;
      }
      Proof p = ProofCodec.decode(proof.proof());
      if (vk.numInstance() == 0 && !proof.publicValues().isEmpty()) {
        return false;
      }
      Fr[][] instance = new Fr[vk.numInstance()][];
      for (int c = 0; c < instance.length; c++) {
        instance[c] = c == 0 ? proof.publicValues().toArray(new Fr[0]) : new Fr[0];
      }
      return Verifier.verify(vk, new Kzg(srs), instance, p);
    } catch (RuntimeException e) {
      return false; // malformed key or proof bytes: a format failure, reported as "does not verify"
    }
  }

  private final class PlonkishCompiled implements Compiled {
    private final CompiledSlice slice;
    private final CircuitDescription description;
    private final String digest;

    PlonkishCompiled(CompiledSlice slice, CircuitDescription description, String digest) {
      this.slice = slice;
      this.description = description;
      this.digest = digest;
    }

    @Override
    public String system() {
      return NAME;
    }

    @Override
    public String digest() {
      return digest;
    }

    @Override
    public int log2Size() {
      return description.k();
    }

    @Override
    public long peakBytes() {
      return Prover.estimateBytes(description); // the key, circuit and witness included
    }

    @Override
    public Keyed setup(Srs srs) {
      int k = description.k();
      if ((long) srs.size() < (1L << k) + 1) {
        throw new BadInputException("the SRS is too small: this slice has 2^" + k + " rows, so the SRS"
            + " needs 2^" + (k + 1) + " powers, has " + srs.size() + " (" + srs.source()
            + "): use a larger powers-of-tau file, or slice finer");
      }
      Kzg kzg = new Kzg(srs);
      ProvingKey pk = cache.provingKey(digest, description, kzg);
      return new PlonkishKeyed(this, kzg, pk);
    }
  }

  private record PlonkishKeyed(PlonkishCompiled compiled, Kzg kzg, ProvingKey pk) implements Keyed {
    @Override
    public VerifierKey verifierKey() {
      return new VerifierKey(NAME, pk.vk().digest(), KeyCodec.encode(pk.vk()));
    }

    @Override
    public SliceProof prove(SliceJob job) {
      if (!compiled.digest().equals(job.circuitDigest())) {
        throw new IllegalArgumentException("job for slice " + job.sliceId() + " names circuit "
            + job.circuitDigest() + ", this slice compiled to " + compiled.digest());
      }
      Map<String, Fr> salts = new HashMap<>();
      job.salts().forEach((t, b) -> salts.put(t, Fr.fromBytesBE(b)));
      CompiledSlice cs = compiled.slice;
      Proof p = Prover.prove(pk, kzg, cs.circuit(job.tensors(), salts).witness());
      Fr[][] instance = cs.instance(job.tensors(), salts);
      return new SliceProof(NAME, ProofCodec.encode(p), List.of(instance[0]), Map.of());
    }
  }
}
