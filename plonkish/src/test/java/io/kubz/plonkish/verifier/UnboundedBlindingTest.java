package io.kubz.plonkish.verifier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kubz.field.BadInputException;
import io.kubz.field.Fr;
import io.kubz.plonkish.Proof;
import io.kubz.plonkish.TestCircuits;
import io.kubz.plonkish.builder.Circuit;
import io.kubz.plonkish.format.KeyCodec;
import io.kubz.plonkish.ir.Expression;
import io.kubz.plonkish.keygen.KeyLimits;
import io.kubz.plonkish.keygen.Keygen;
import io.kubz.plonkish.keygen.ProvingKey;
import io.kubz.plonkish.keygen.VerifyingKey;
import io.kubz.plonkish.prover.Prover;
import io.kubz.plonkish.prover.Setup;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Issue #16, finding 4 (b): a key with k = 24 and almost every row a blinding row made the
 * verifier invert once per row (31 s to reject a 2.9 KB bundle). Such keys are refused when read
 * (blinding ≤ {@link KeyLimits#MAX_BLINDING}, k ≤ {@link KeyLimits#MAX_K}), rejected by the
 * verifier when handed over in memory, and the domain values the verifier does compute agree with
 * the definition L_i(x) = ω^i·(x^n − 1)/(n·(x − ω^i)) summed row by row.
 */
class UnboundedBlindingTest {
  static Circuit circuit;
  static ProvingKey pk;
  static Proof proof;

  @BeforeAll
  static void prove() {
    circuit = TestCircuits.fibonacci(20, TestCircuits.fib(19));
    pk = Setup.keygen(circuit);
    proof = Prover.prove(pk, Setup.PCS, circuit.witness(), new Random(12));
  }

  static VerifyingKey reshaped(VerifyingKey vk, int k, int blinding) {
    VerifyingKey v = new VerifyingKey(k, blinding, vk.advicePhases(), vk.numFixed(), vk.numInstance(),
        vk.challengePhases(), vk.gates(), vk.fixedCommitments(), new byte[32]);
    return new VerifyingKey(k, blinding, v.advicePhases(), v.numFixed(), v.numInstance(), v.challengePhases(),
        v.gates(), v.fixedCommitments(), Keygen.digestOf(v));
  }

  @Test
  void aKeyWithK24AndAMillionsOfBlindingRowsIsRefused() {
    VerifyingKey huge = reshaped(pk.vk(), 24, (1 << 24) - 2);
    BadInputException e = assertThrows(BadInputException.class, () -> KeyCodec.decodeVerifyingKey(KeyCodec.encode(huge)));
    assertTrue(e.getMessage().contains("blinding"), e.getMessage());
    assertFalse(Verifier.verify(huge, Setup.PCS, Setup.instance(circuit), proof));
    assertThrows(IllegalArgumentException.class,
        () -> new PointEvaluator(Map.of(), new Fr[0], Fr.of(5), 24, 1), "one usable row of 2^24");
  }

  @Test
  void kAndBlindingAreBoundedAtTheirLimitsExactly() {
    VerifyingKey vk = pk.vk();
    for (int[] kb : new int[][] {{KeyLimits.MAX_K + 1, vk.blinding()}, {vk.k(), KeyLimits.MAX_BLINDING + 1},
        {vk.k(), -1}, {0, 0}, {-3, 0}, {1, 1}}) {
      VerifyingKey bad = reshaped(vk, kb[0], kb[1]);
      assertThrows(BadInputException.class, () -> KeyCodec.decodeVerifyingKey(KeyCodec.encode(bad)),
          "k = " + kb[0] + ", blinding = " + kb[1]);
      assertFalse(Verifier.verify(bad, Setup.PCS, Setup.instance(circuit), proof));
    }
    // within the limits the key reads back (and, being another key, the proof does not verify)
    VerifyingKey wide = reshaped(vk, 12, KeyLimits.MAX_BLINDING);
    assertEquals(wide, KeyCodec.decodeVerifyingKey(KeyCodec.encode(wide)));
    assertFalse(Verifier.verify(wide, Setup.PCS, Setup.instance(circuit), proof));
    assertTrue(Verifier.verify(vk, Setup.PCS, Setup.instance(circuit), proof));
  }

  @Test
  void domainValuesAgreeWithTheRowByRowDefinition() {
    Random rnd = new Random(2026);
    for (int k : new int[] {3, 7, 12}) {
      int n = 1 << k;
      for (int blinding : new int[] {0, 1, 5, Math.min(KeyLimits.MAX_BLINDING, n - 2)}) {
        int usable = n - blinding - 1;
        Fr x = Fr.random(rnd);
        PointEvaluator p = new PointEvaluator(Map.of(), new Fr[0], x, k, usable);
        Fr[] naive = naive(x, k, usable);
        assertEquals(naive[0], p.domain(Expression.DomainPoly.FIRST), "L_0, k = " + k);
        assertEquals(naive[1], p.domain(Expression.DomainPoly.LAST), "L_u, k = " + k);
        assertEquals(naive[2], p.domain(Expression.DomainPoly.BLIND), "blinding, k = " + k + ", " + blinding);
        assertEquals(x, p.domain(Expression.DomainPoly.X));
      }
    }
  }

  /** L_0(x), L_u(x), Σ_{u<i<n} L_i(x), each L_i from its definition with its own inversion. */
  static Fr[] naive(Fr x, int k, int usable) {
    int n = 1 << k;
    long[] w = new long[4];
    Fr.rootOfUnity(w, 0, k);
    Fr omega = Fr.readFrom(w, 0);
    Fr zh = x.pow(n).sub(Fr.ONE);
    Fr[] out = {Fr.ZERO, Fr.ZERO, Fr.ZERO};
    for (int i = 0; i < n; i++) {
      Fr wi = omega.pow(i);
      Fr li = wi.mul(zh).mul(x.sub(wi).mul(Fr.of(n)).inverse());
      if (i == 0) {
        out[0] = li;
      }
      if (i == usable) {
        out[1] = li;
      } else if (i > usable) {
        out[2] = out[2].add(li);
      }
    }
    return out;
  }
}
