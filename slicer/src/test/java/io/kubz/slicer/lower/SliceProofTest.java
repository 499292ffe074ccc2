package io.kubz.slicer.lower;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kubz.field.Fr;
import io.kubz.plonkish.Proof;
import io.kubz.plonkish.keygen.Keygen;
import io.kubz.plonkish.keygen.ProvingKey;
import io.kubz.plonkish.prover.Prover;
import io.kubz.plonkish.verifier.Verifier;
import io.kubz.poly.kzg.Kzg;
import io.kubz.poly.kzg.PolynomialCommitment;
import io.kubz.poly.srs.Srs;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** A real proof of one slice: keygen from the witness-free description, prove, verify, tamper. */
class SliceProofTest {

  @Test
  void aGemmReluSliceProvesAndVerifies() {
    Models.Traced t = Models.mlp(21);
    // first layer and its ReLU, input public, output committed for the next slice
    String gemm = t.q().nodes().get(0).name();
    String relu = t.q().nodes().get(1).name();
    CompiledSlice cs = SliceCompiler.compile(t.q(), Set.of(gemm, relu), Visibility.PUBLIC);
    int k = cs.description().k();
    assertTrue(k <= 12, "k = " + k);
    PolynomialCommitment pcs = new Kzg(Srs.dev(k + 1, 20261122L));
    ProvingKey pk = Keygen.keygen(cs.description(), pcs);
    Map<String, Fr> salts = t.salts(5);
    Proof proof = Prover.prove(pk, pcs, cs.witness(t.trace(), salts), new Random(9));
    Fr[][] inst = cs.instance(t.trace(), salts);
    assertTrue(Verifier.verify(pk.vk(), pcs, inst, proof));

    Fr[][] tampered = {inst[0].clone()};
    int last = tampered[0].length - 1; // the output commitment
    tampered[0][last] = tampered[0][last].add(Fr.ONE);
    assertFalse(Verifier.verify(pk.vk(), pcs, tampered, proof));
    Fr[][] otherSalt = cs.instance(t.trace(), t.salts(6));
    assertFalse(Verifier.verify(pk.vk(), pcs, otherSalt, proof));
  }

  @Test
  void aCnnWithFreivaldsConvolutionsProvesAndVerifies() {
    Models.Traced t = Models.cnn(22);
    // the whole CNN as one slice, input and output public: no commitment, so no degree-6 sponge
    // 4 lanes: fewer columns than the default 8, which keeps this proof quick
    CompiledSlice cs = SliceCompiler.compile(t.q(), SliceCircuitTest.all(t), Visibility.PUBLIC, 4);
    // phase 0 circuit advice, phase 1 the Horner accumulators, phase 2 the permutation argument
    assertEquals(3, cs.description().numPhases(), "Freivalds' check uses a second phase: " + cs.estimate());
    int k = cs.description().k();
    assertTrue(k <= 12, "k = " + k + " " + cs.estimate());
    PolynomialCommitment pcs = new Kzg(Srs.dev(k + 1, 20261122L));
    ProvingKey pk = Keygen.keygen(cs.description(), pcs);
    Map<String, Fr> salts = Map.of();
    Proof proof = Prover.prove(pk, pcs, cs.witness(t.trace(), salts), new Random(9));
    Fr[][] inst = cs.instance(t.trace(), salts);
    assertTrue(Verifier.verify(pk.vk(), pcs, inst, proof));
    Fr[][] tampered = {inst[0].clone()};
    int out = cs.layout().find("output", true).row();
    tampered[0][out] = tampered[0][out].add(Fr.ONE); // a public output value
    assertFalse(Verifier.verify(pk.vk(), pcs, tampered, proof));
  }
}
