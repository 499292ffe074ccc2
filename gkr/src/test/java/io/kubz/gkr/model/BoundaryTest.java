package io.kubz.gkr.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kubz.field.G1;
import io.kubz.gkr.testing.Statements;
import io.kubz.poly.transcript.Keccak256Transcript;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

/**
 * Committed boundaries (package documentation): {@link Models#small} cut after tensor k into a
 * producer (tensors 0..k, output k committed) and a consumer (input k committed, the rest), proved
 * separately; the two proofs carry the same C_T exactly when they were made on the same tensor.
 */
class BoundaryTest {
  /** A chain model cut after tensor k: producer, consumer, and the consumer's public inputs. */
  record Cut(LayeredModel producer, LayeredModel consumer, long[][] inputs) {}

  static Cut cut(Models.Case c, int k) {
    List<Layer> all = c.model().layers();
    LayeredModel producer = new LayeredModel(all.subList(0, k + 1), new int[] {k}, c.model().tables());
    List<Layer> rest = new ArrayList<>();
    rest.add(new Layer.Input(all.get(k).size()));
    for (int j = k + 1; j < all.size(); j++) {
      rest.add(shift(all.get(j), k));
    }
    int out = c.model().outputs()[0] - k;
    return new Cut(producer, new LayeredModel(rest, new int[] {out}, c.model().tables()), c.inputs());
  }

  /** Layer j of a chain with its input ids moved down by k (tensor k becomes the consumer's input 0). */
  private static Layer shift(Layer l, int k) {
    if (l instanceof Layer.Linear lin) {
      return new Layer.Linear(lin.size(), lin.terms().stream().map(t -> new Layer.Term(t.tensor() - k,
          t.matrix())).toList(), lin.bias());
    } else if (l instanceof Layer.Rescale r) {
      return new Layer.Rescale(r.size(), r.input() - k, r.shift(), r.outBits());
    } else if (l instanceof Layer.Lookup u) {
      return new Layer.Lookup(u.size(), u.input() - k, u.table());
    }
    throw new IllegalArgumentException("not in Models.small: " + l);
  }

  static LayeredProver.Output produce(Cut k, LayeredProver.Hook hook) {
    return LayeredProver.prove(k.producer(), k.producer().outputs(), k.inputs(), LayeredTest.PCS,
        LayeredTest.transcript(), hook);
  }

  static boolean verifyProducer(Cut k, LayeredProof p) {
    return LayeredVerifier.verify(k.producer(), k.producer().outputs(), k.inputs(), new long[1][], p,
        LayeredTest.PCS, LayeredTest.transcript());
  }

  static LayeredProver.Output consume(Cut k, long[] t) {
    return LayeredProver.prove(k.consumer(), new int[] {0}, new long[][] {t}, LayeredTest.PCS,
        LayeredTest.transcript());
  }

  static boolean verifyConsumer(Cut k, long[][] outputs, LayeredProof p) {
    return LayeredVerifier.verify(k.consumer(), new int[] {0}, new long[1][], outputs, p, LayeredTest.PCS,
        LayeredTest.transcript());
  }

  /** Cut 1: a linear output; 2: a rescale's; 3: a lookup's. */
  @Property(tries = 6)
  void linkedProofsVerifyAndShareTheirCommitment(@ForAll long seed, @ForAll @IntRange(min = 1, max = 3) int at) {
    Models.Case c = Models.small(seed);
    Cut k = cut(c, at);
    LayeredProver.Output p = produce(k, null);
    assertTrue(verifyProducer(k, p.proof()));
    LayeredProver.Output q = consume(k, p.outputs()[0]);
    assertTrue(verifyConsumer(k, q.outputs(), q.proof()));
    long[][] whole = Evaluator.run(c.model(), c.inputs());
    assertArrayEquals(whole[c.model().outputs()[0]], q.outputs()[0], "the two halves compute the whole");
    assertEquals(1, p.proof().boundaryCommitments().size());
    assertArrayEquals(p.proof().boundaryCommitments().get(0), q.proof().boundaryCommitments().get(0),
        "producer and consumer commit the same C_T");
    assertArrayEquals(LayeredProver.commitTensor(LayeredTest.PCS, whole[at]).toCompressed(),
        p.proof().boundaryCommitments().get(0), "C_T is the deterministic commitment of T");
    LayeredProof back = LayeredProof.parse(q.proof().toBytes()).orElseThrow();
    assertArrayEquals(q.proof().toBytes(), back.toBytes());
    assertTrue(verifyConsumer(k, q.outputs(), back));
  }

  @Test
  void aConsumerOnAnotherTensorCarriesAnotherCommitment() {
    Cut k = cut(Models.small(3), 3);
    LayeredProver.Output p = produce(k, null);
    long[] other = p.outputs()[0].clone();
    other[other.length - 1] += 1;
    LayeredProver.Output q = consume(k, other);
    assertTrue(verifyConsumer(k, q.outputs(), q.proof()), "a consistent proof on its own");
    assertFalse(java.util.Arrays.equals(p.proof().boundaryCommitments().get(0),
        q.proof().boundaryCommitments().get(0)), "the link check sees the difference");
  }

  /** A producer that changes its boundary tensor (and so C_T) after the model ran is rejected. */
  @Property(tries = 6)
  void aChangedBoundaryValueIsRejected(@ForAll long seed, @ForAll @IntRange(min = 1, max = 3) int at,
      @ForAll @IntRange(min = 0, max = 5) int entry) {
    Cut k = cut(Models.small(seed), at);
    int i = entry % k.producer().layers().get(at).size();
    LayeredProver.Output p = produce(k, new LayeredProver.Hook() {
      @Override
      public void values(long[][] v) {
        v[at][i] += 1;
      }
    });
    assertFalse(verifyProducer(k, p.proof()));
  }

  @Test
  void aProofIsBoundToWhatIsCommitted() {
    Cut k = cut(Models.small(5), 2);
    LayeredProver.Output p = produce(k, null);
    assertFalse(LayeredVerifier.verify(k.producer(), k.inputs(), p.outputs(), p.proof(), LayeredTest.PCS,
        LayeredTest.transcript()), "checked as a public output");
    LayeredProver.Output open = LayeredProver.prove(k.producer(), k.inputs(), LayeredTest.PCS,
        LayeredTest.transcript());
    assertFalse(verifyProducer(k, open.proof()), "a proof with a public output checked as committed");
    assertThrows(IllegalArgumentException.class, () -> LayeredProver.prove(k.producer(), new int[] {1},
        k.inputs(), LayeredTest.PCS, LayeredTest.transcript()), "tensor 1 is no boundary");
  }

  @Test
  void everyNewFieldTamperedIsRejected() {
    Cut k = cut(Models.small(9), 2);
    LayeredProver.Output p = produce(k, null);
    LayeredProof proof = p.proof();
    LayeredTamperTest.Mapper count = new LayeredTamperTest.Mapper(-1, -1);
    count.map(proof);
    LayeredTamperTest.Mapper before = new LayeredTamperTest.Mapper(-1, -1);
    before.map(new LayeredProof(proof.wit, proof.logup, proof.evals, proof.sumchecks, proof.opening, proof.pcs));
    assertTrue(count.frs() > before.frs() && count.g1s() > before.g1s() + 1, "the boundary adds elements");
    // the boundary's elements are mapped last: every one of them, and every point
    for (int i = before.frs(); i < count.frs(); i++) {
      assertFalse(verifyProducer(k, new LayeredTamperTest.Mapper(i, -1).map(proof)), "field element " + i);
    }
    for (int i = before.g1s(); i < count.g1s(); i++) {
      assertFalse(verifyProducer(k, new LayeredTamperTest.Mapper(-1, i).map(proof)), "point " + i);
    }
    LayeredProof noCommitment = new LayeredProof(proof.wit, proof.logup, proof.evals, proof.sumchecks,
        proof.opening, proof.pcs, List.of(), proof.boundaryOpenings, proof.boundaryPcs);
    assertFalse(verifyProducer(k, noCommitment));
    LayeredProof noOpening = new LayeredProof(proof.wit, proof.logup, proof.evals, proof.sumchecks,
        proof.opening, proof.pcs, proof.boundary, List.of(), proof.boundaryPcs);
    assertFalse(verifyProducer(k, noOpening));
    LayeredProof twice = new LayeredProof(proof.wit, proof.logup, proof.evals, proof.sumchecks,
        proof.opening, proof.pcs, proof.boundary, proof.boundaryOpenings,
        List.of(proof.boundaryPcs.get(0), proof.boundaryPcs.get(0)));
    assertFalse(verifyProducer(k, twice));
    List<G1> two = List.of(proof.boundary.get(0), proof.boundary.get(0));
    assertFalse(verifyProducer(k, new LayeredProof(proof.wit, proof.logup, proof.evals, proof.sumchecks,
        proof.opening, proof.pcs, two, proof.boundaryOpenings, proof.boundaryPcs)));
    byte[] bytes = proof.toBytes();
    for (int cut = 1; cut < 200; cut++) {
      Optional<LayeredProof> shorter = LayeredProof.parse(java.util.Arrays.copyOf(bytes, bytes.length - cut));
      assertTrue(shorter.isEmpty() || !verifyProducer(k, shorter.get()), "truncated by " + cut);
    }
  }

  @Test
  void theGoldenBoundaryProofVerifiesAndIsReproduced() throws IOException {
    byte[] bytes;
    try (InputStream in = getClass().getResourceAsStream("/golden/layered-boundary-v2.bin")) {
      assertNotNull(in, "missing golden proof layered-boundary-v2.bin");
      bytes = in.readAllBytes();
    }
    Cut k = cut(Models.small(BoundaryGoldenProof.SEED), BoundaryGoldenProof.AT);
    LayeredProof p = LayeredProof.parse(bytes).orElseThrow();
    assertTrue(LayeredVerifier.verify(k.consumer(), new int[] {0}, new long[1][],
        BoundaryGoldenProof.outputs(k), p, LayeredTest.PCS, new Keccak256Transcript(Statements.DOMAIN)));
    assertArrayEquals(bytes, BoundaryGoldenProof.proof(), "the prover is deterministic");
  }
}
