package io.kubz.gkr.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kubz.field.Fr;
import io.kubz.gkr.opening.Claim;
import io.kubz.gkr.pcs.HyperKzg;
import io.kubz.gkr.testing.Naive;
import io.kubz.poly.srs.Srs;
import io.kubz.poly.transcript.Keccak256Transcript;
import io.kubz.poly.transcript.Transcript;
import java.math.BigInteger;
import java.util.List;
import java.util.Optional;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.junit.jupiter.api.Test;

/** Completeness of the layered protocol on random small models, and every claim against the truth. */
class LayeredTest {
  static final HyperKzg PCS = new HyperKzg(Srs.devWithTau(14, Fr.of(0x5eed_1234L).pow(3), "LayeredTest"));

  static Transcript transcript() {
    return new Keccak256Transcript("layered-test");
  }

  static LayeredProver.Output prove(Models.Case c) {
    return LayeredProver.prove(c.model(), c.inputs(), PCS, transcript());
  }

  static boolean verify(Models.Case c, long[][] outputs, LayeredProof p) {
    return LayeredVerifier.verify(c.model(), c.inputs(), outputs, p, PCS, transcript());
  }

  @Property(tries = 12)
  void anHonestProofVerifiesFromItsBytes(@ForAll long seed) {
    Models.Case c = Models.mlp(seed);
    LayeredProver.Output out = prove(c);
    long[][] v = Evaluator.run(c.model(), c.inputs());
    int[] outs = c.model().outputs();
    for (int i = 0; i < outs.length; i++) {
      assertArrayEquals(v[outs[i]], out.outputs()[i], "output " + i + " is the evaluator's");
    }
    assertTrue(verify(c, out.outputs(), out.proof()));
    Optional<LayeredProof> back = LayeredProof.parse(out.proof().toBytes());
    assertTrue(back.isPresent(), "the proof's bytes parse");
    assertArrayEquals(out.proof().toBytes(), back.get().toBytes());
    assertTrue(verify(c, out.outputs(), back.get()));
  }

  /**
   * A max of 32 and 64 inputs (a softmax's maximum over its positions): its product sumcheck has
   * degree 33 and 65, past where the round polynomials' Lagrange denominators overflowed a long.
   */
  @Test
  void aMaxOfManyInputsVerifies() {
    for (int k : new int[] {20, 32, 64}) {
      java.util.Random rnd = new java.util.Random(k);
      int n = 12;
      java.util.List<Layer> l = new java.util.ArrayList<>();
      l.add(new Layer.Input(n));
      int[] ins = new int[k];
      for (int j = 0; j < k; j++) {
        int[] src = new int[n];
        for (int i = 0; i < n; i++) {
          src[i] = rnd.nextInt(n);
        }
        l.add(new Layer.Linear(n, java.util.List.of(new Layer.Term(0, SparseMatrix.gather(n, src))), null));
        ins[j] = j + 1;
      }
      l.add(new Layer.Max(n, ins, 8));
      Models.Case c = new Models.Case(new LayeredModel(l, new int[] {k + 1}, java.util.List.of()),
          new long[][] {Models.vector(rnd, n, 100)});
      LayeredProver.Output out = prove(c);
      org.junit.jupiter.api.Assertions.assertTrue(verify(c, out.outputs(), out.proof()), k + " inputs");
      long[][] other = out.outputs().clone();
      other[0] = other[0].clone();
      other[0][3] += 1;
      org.junit.jupiter.api.Assertions.assertFalse(verify(c, other, out.proof()), k + " inputs, another output");
    }
  }

  @Test
  void theSmallModelVerifies() {
    Models.Case c = Models.small(7);
    LayeredProver.Output out = prove(c);
    assertTrue(verify(c, out.outputs(), out.proof()));
  }

  /** GKR.md test 2: every claim the walk emits is the true MLE of its tensor (or of Wit) at its point. */
  @Property(tries = 6)
  void everyEmittedClaimIsTrue(@ForAll long seed) {
    Models.Case c = Models.mlp(seed);
    long[][] v = Evaluator.run(c.model(), c.inputs());
    Layout layout = new Layout(c.model());
    long[][] wit = new long[1][];
    int[] checked = new int[1];
    LayeredProver.Hook hook = new LayeredProver.Hook() {
      @Override
      public void wit(long[] w, Layout l) {
        wit[0] = w.clone();
      }

      @Override
      public void claims(List<List<Claim>> tensors, List<Claim> witClaims) {
        for (int t = 0; t < tensors.size(); t++) {
          BigInteger[] table = padded(v[t], layout.vars[t]);
          for (Claim cl : tensors.get(t)) {
            assertEquals(Naive.mle(table, Naive.big(cl.point())), cl.value().toBigInteger(),
                "a claim on tensor " + t);
            checked[0]++;
          }
        }
        BigInteger[] w = padded(wit[0], layout.witVars);
        for (Claim cl : witClaims) {
          assertEquals(Naive.mle(w, Naive.big(cl.point())), cl.value().toBigInteger(), "a Wit claim");
          checked[0]++;
        }
      }
    };
    LayeredProver.Output out = LayeredProver.prove(c.model(), c.inputs(), PCS, transcript(), hook);
    assertTrue(checked[0] > 20, "claims were checked: " + checked[0]);
    assertTrue(verify(c, out.outputs(), out.proof()));
  }

  static BigInteger[] padded(long[] values, int vars) {
    BigInteger[] t = new BigInteger[1 << vars];
    for (int i = 0; i < t.length; i++) {
      t[i] = i < values.length ? BigInteger.valueOf(values[i]).mod(Fr.MODULUS) : BigInteger.ZERO;
    }
    return t;
  }

  @Test
  void wrongOutputsOrInputsAreRejected() {
    Models.Case c = Models.mlp(3);
    LayeredProver.Output out = prove(c);
    long[][] y = out.outputs();
    long[][] bad = y.clone();
    bad[0] = y[0].clone();
    bad[0][0] += 1;
    assertFalse(verify(c, bad, out.proof()));
    long[][] in = {c.inputs()[0].clone()};
    in[0][0] += 1;
    assertFalse(LayeredVerifier.verify(c.model(), in, y, out.proof(), PCS, transcript()));
    assertFalse(LayeredVerifier.verify(c.model(), c.inputs(), new long[][] {y[0]}, out.proof(), PCS,
        transcript()), "too few outputs: false, no exception");
  }

  @Property(tries = 12)
  void matMulsOfActivationsVerify(@ForAll long seed) {
    Models.Case c = Models.attention(seed);
    LayeredProver.Output out = prove(c);
    assertTrue(verify(c, out.outputs(), out.proof()));
    long[][] bad = out.outputs().clone();
    bad[0] = bad[0].clone();
    bad[0][bad[0].length - 1] += 1;
    assertFalse(verify(c, bad, out.proof()), "a changed product entry");
  }

  @Property(tries = 6)
  void matMulClaimsAreTrue(@ForAll long seed) {
    Models.Case c = Models.attention(seed);
    long[][] v = Evaluator.run(c.model(), c.inputs());
    Layout layout = new Layout(c.model());
    LayeredProver.Hook hook = new LayeredProver.Hook() {
      @Override
      public void claims(List<List<Claim>> tensors, List<Claim> witClaims) {
        for (int t = 0; t < tensors.size(); t++) {
          for (Claim cl : tensors.get(t)) {
            assertEquals(Naive.mle(padded(v[t], layout.vars[t]), Naive.big(cl.point())),
                cl.value().toBigInteger(), "a claim on tensor " + t);
          }
        }
      }
    };
    LayeredProver.prove(c.model(), c.inputs(), PCS, transcript(), hook);
  }

  /** Nothing committed (no lookups, rescales or maxes): no Wit, no towers, no opening. */
  @Property(tries = 8)
  void aModelWithoutCommittedTensorsVerifies(@ForAll long seed) {
    java.util.Random rnd = new java.util.Random(seed);
    int n0 = 1 + rnd.nextInt(6);
    int n1 = 1 + rnd.nextInt(6);
    List<Layer> l = List.of(new Layer.Input(n0),
        new Layer.Linear(n1, List.of(new Layer.Term(0, Models.dense(rnd, n1, n0, 5))), Models.vector(rnd, n1, 9)),
        new Layer.Product(n1, 1, 1));
    Models.Case c = new Models.Case(new LayeredModel(l, new int[] {2, 0}, List.of()),
        new long[][] {Models.vector(rnd, n0, 9)});
    assertEquals(0, LayeredProver.commitmentVars(c.model()));
    LayeredProver.Output out = prove(c);
    assertTrue(out.proof().wit == null && out.proof().logup == null && out.proof().opening == null);
    assertTrue(verify(c, out.outputs(), LayeredProof.parse(out.proof().toBytes()).orElseThrow()));
    long[][] bad = out.outputs().clone();
    bad[0] = bad[0].clone();
    bad[0][0] += 1;
    assertFalse(verify(c, bad, out.proof()));
  }
}
