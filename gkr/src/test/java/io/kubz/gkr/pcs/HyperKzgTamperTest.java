package io.kubz.gkr.pcs;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kubz.field.BadInputException;
import io.kubz.field.Fr;
import io.kubz.field.G1;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Every part of a proof is checked: changing any of it, or its length, is rejected without a throw. */
class HyperKzgTamperTest {
  private final HyperKzg pcs = new HyperKzg(HyperKzgTest.SRS);

  private record Case(G1 c, Fr[] u, Fr v, HyperKzgProof proof) {
    boolean verifies(HyperKzg pcs, HyperKzgProof p) {
      return pcs.verify(HyperKzgTest.transcript(), c, u, v, p);
    }

    boolean verifies(HyperKzg pcs, byte[] p) {
      return pcs.verify(HyperKzgTest.transcript(), c, u, v, p);
    }
  }

  private Case honest(int n, long seed) {
    Random rnd = new Random(seed);
    long[] f = Mles.random(rnd, n);
    Fr[] u = Mles.point(rnd, n);
    G1 c = pcs.commit(f);
    HyperKzg.Opening o = pcs.open(HyperKzgTest.transcript(), c, f, u);
    Case k = new Case(c, u, o.value(), o.proof());
    assertTrue(k.verifies(pcs, o.proof()), "the honest proof verifies");
    return k;
  }

  @Test
  void everyScalarAndEveryPointPlusOneIsRejected() {
    for (int n : new int[] {1, 2, 6}) {
      Case k = honest(n, 100 + n);
      HyperKzgProof p = k.proof();
      for (int i = 0; i < p.evals().size(); i++) {
        List<Fr> ev = new ArrayList<>(p.evals());
        ev.set(i, ev.get(i).add(Fr.ONE));
        assertFalse(k.verifies(pcs, new HyperKzgProof(p.folds(), ev, p.witnesses())),
            "n = " + n + ", eval " + i);
      }
      for (int i = 0; i < p.folds().size(); i++) {
        List<G1> folds = new ArrayList<>(p.folds());
        folds.set(i, folds.get(i).add(G1.generator()));
        assertFalse(k.verifies(pcs, new HyperKzgProof(folds, p.evals(), p.witnesses())),
            "n = " + n + ", fold " + i);
      }
      for (int i = 0; i < p.witnesses().size(); i++) {
        List<G1> w = new ArrayList<>(p.witnesses());
        w.set(i, w.get(i).add(G1.generator()));
        assertFalse(k.verifies(pcs, new HyperKzgProof(p.folds(), p.evals(), w)),
            "n = " + n + ", witness " + i);
        if (!p.witnesses().get(i).isInfinity()) { // a zero quotient has the witness at infinity
          w.set(i, G1.INFINITY);
          assertFalse(k.verifies(pcs, new HyperKzgProof(p.folds(), p.evals(), w)),
              "n = " + n + ", witness " + i + " at infinity");
        }
      }
    }
  }

  @Test
  void wrongCountsAreRejected() {
    Case k = honest(4, 7);
    HyperKzgProof p = k.proof();
    List<G1> more = new ArrayList<>(p.folds());
    more.add(G1.generator());
    assertFalse(k.verifies(pcs, new HyperKzgProof(more, p.evals(), p.witnesses())));
    assertFalse(k.verifies(pcs, new HyperKzgProof(p.folds(), p.evals().subList(0, 11),
        p.witnesses())));
    assertFalse(k.verifies(pcs, new HyperKzgProof(p.folds(), p.evals(), List.of())));
    assertFalse(k.verifies(pcs, new HyperKzgProof(p.folds(), p.evals(),
        List.of(p.witnesses().get(0), p.witnesses().get(0)))));
    assertFalse(k.verifies(pcs, HyperKzgProof.empty()));
    assertFalse(k.verifies(pcs, (HyperKzgProof) null));
    Fr[] shorter = Arrays.copyOf(k.u(), 3);
    assertFalse(pcs.verify(HyperKzgTest.transcript(), k.c(), shorter, k.v(), p));
    Fr[] withNull = k.u().clone();
    withNull[2] = null;
    assertFalse(pcs.verify(HyperKzgTest.transcript(), k.c(), withNull, k.v(), p));
  }

  @Test
  void truncatedExtendedAndFlippedBytesAreRejected() {
    for (int n : new int[] {0, 1, 5}) {
      Case k = honest(n, 200 + n);
      byte[] b = k.proof().toBytes();
      assertTrue(k.verifies(pcs, b));
      for (int cut : new int[] {1, 31, 32, b.length}) {
        if (cut <= b.length && b.length > 0) {
          assertFalse(k.verifies(pcs, Arrays.copyOf(b, b.length - cut)), "n " + n + " cut " + cut);
        }
      }
      assertFalse(k.verifies(pcs, Arrays.copyOf(b, b.length + 1)), "n " + n + " +1 byte");
      assertFalse(k.verifies(pcs, Arrays.copyOf(b, b.length + 32)), "n " + n + " +32 bytes");
      assertFalse(k.verifies(pcs, (byte[]) null));
      for (int i = 0; i < b.length; i++) {
        for (int bit : new int[] {0, 7}) {
          byte[] t = b.clone();
          t[i] ^= (byte) (1 << bit);
          assertFalse(k.verifies(pcs, t), "n " + n + " byte " + i + " bit " + bit);
        }
      }
    }
  }

  @Test
  void malformedEncodingsAreFormatErrors() {
    byte[] b = honest(2, 9).proof().toBytes();
    byte[] big = b.clone();
    Arrays.fill(big, 32, 64, (byte) 0xff); // the first scalar ≥ r
    assertThrows(BadInputException.class, () -> HyperKzgProof.fromBytes(big, 2));
    byte[] flag = b.clone();
    flag[0] &= 0x3f; // gnark's "uncompressed" flag on a compressed point
    assertThrows(BadInputException.class, () -> HyperKzgProof.fromBytes(flag, 2));
    assertThrows(BadInputException.class, () -> HyperKzgProof.fromBytes(b, 3));
    assertThrows(BadInputException.class, () -> HyperKzgProof.fromBytes(b, -1));
  }
}
