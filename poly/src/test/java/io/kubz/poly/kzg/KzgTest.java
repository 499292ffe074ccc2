package io.kubz.poly.kzg;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kubz.field.BadInputException;
import io.kubz.field.Fr;
import io.kubz.field.G1;
import io.kubz.poly.CoeffPoly;
import io.kubz.poly.TestValues;
import io.kubz.poly.kzg.PolynomialCommitment.BatchOpening;
import io.kubz.poly.kzg.PolynomialCommitment.Opening;
import io.kubz.poly.kzg.PolynomialCommitment.ProverQuery;
import io.kubz.poly.kzg.PolynomialCommitment.VerifierQuery;
import io.kubz.poly.ntt.Domain;
import io.kubz.poly.srs.Srs;
import io.kubz.poly.transcript.Keccak256Transcript;
import io.kubz.poly.transcript.PoseidonTranscript;
import io.kubz.poly.transcript.Transcript;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

class KzgTest {
  private static final Fr TAU = Fr.of(0x5eed_cafeL).pow(3);
  private static final Srs SRS = Srs.devWithTau(8, TAU, "KzgTest");
  private final PolynomialCommitment kzg = new Kzg(SRS);
  private final Random rnd = new Random(11);

  private CoeffPoly poly(int size) {
    return CoeffPoly.of(TestValues.frs(rnd, size));
  }

  @Test
  void commitmentIsTheEvaluationAtTau() {
    for (int size : new int[] {0, 1, 2, 100, 256}) {
      CoeffPoly p = poly(size);
      assertEquals(G1.generator().mul(p.evaluate(TAU)), kzg.commit(p), "size " + size);
    }
    CoeffPoly p = poly(64);
    Domain d = Domain.of(6);
    assertEquals(kzg.commit(p), kzg.commitLagrange(p.toLagrange(d)));
    assertThrows(IllegalArgumentException.class, () -> kzg.commitLagrange(p.toCoset(d)));
    assertThrows(BadInputException.class, () -> kzg.commit(CoeffPoly.wrap(onlyTop(257))));
    // trailing zero coefficients beyond the SRS are fine
    assertEquals(kzg.commit(p), kzg.commit(p.resize(400)));
  }

  private static long[] onlyTop(int size) {
    long[] c = new long[4 * size];
    Fr.setOne(c, 4 * (size - 1));
    return c;
  }

  @Test
  void singleOpeningAndTampering() {
    CoeffPoly p = poly(200);
    G1 c = kzg.commit(p);
    Fr z = Fr.random(rnd);
    Opening o = kzg.open(p, z);
    assertEquals(p.evaluate(z), o.eval());
    assertTrue(kzg.verify(c, z, o.eval(), o.witness()));
    assertFalse(kzg.verify(c, z, o.eval().add(Fr.ONE), o.witness()), "wrong evaluation");
    assertFalse(kzg.verify(c, z.add(Fr.ONE), o.eval(), o.witness()), "wrong point");
    assertFalse(kzg.verify(c.add(G1.generator()), z, o.eval(), o.witness()), "wrong commitment");
    assertFalse(kzg.verify(c, z, o.eval(), o.witness().dbl()), "wrong witness");
    assertFalse(kzg.verify(c, z, o.eval(), G1.INFINITY), "infinity witness");
  }

  private record Setup(List<ProverQuery> pq, List<VerifierQuery> vq) {}

  /** Four polynomials, three distinct points, one polynomial opened at two points. */
  private Setup setup() {
    CoeffPoly[] ps = {poly(256), poly(10), poly(1), poly(130)};
    Fr[] zs = {Fr.random(rnd), Fr.random(rnd), Fr.random(rnd)};
    int[][] plan = {{0, 0}, {1, 0}, {2, 1}, {3, 1}, {0, 2}, {3, 0}};
    List<ProverQuery> pq = new ArrayList<>();
    List<VerifierQuery> vq = new ArrayList<>();
    for (int[] q : plan) {
      ProverQuery p = ProverQuery.of(ps[q[0]], zs[q[1]]);
      pq.add(p);
      vq.add(new VerifierQuery(kzg.commit(ps[q[0]]), p.point(), p.eval()));
    }
    return new Setup(pq, vq);
  }

  private static Transcript transcript(int prefix) {
    Transcript t = new Keccak256Transcript("kzg-test");
    t.absorbScalar("prefix", Fr.of(prefix));
    return t;
  }

  @Test
  void batchOpeningVerifies() {
    Setup s = setup();
    BatchOpening proof = kzg.openBatch(transcript(1), s.pq());
    assertEquals(3, proof.witnesses().size());
    assertTrue(kzg.verifyBatch(transcript(1), s.vq(), proof));
  }

  private void assertTampered(Setup s, BatchOpening proof, UnaryOperator<List<VerifierQuery>> f,
      String what) {
    assertFalse(kzg.verifyBatch(transcript(1), f.apply(new ArrayList<>(s.vq())), proof), what);
  }

  @Test
  void batchTampering() {
    Setup s = setup();
    BatchOpening proof = kzg.openBatch(transcript(1), s.pq());
    for (int i = 0; i < s.vq().size(); i++) {
      final int k = i;
      VerifierQuery q = s.vq().get(k);
      assertTampered(s, proof, l -> {
        l.set(k, new VerifierQuery(q.commitment(), q.point(), q.eval().add(Fr.ONE)));
        return l;
      }, "wrong evaluation in query " + k);
      assertTampered(s, proof, l -> {
        l.set(k, new VerifierQuery(q.commitment().add(G1.generator()), q.point(), q.eval()));
        return l;
      }, "wrong commitment in query " + k);
      assertTampered(s, proof, l -> {
        l.set(k, new VerifierQuery(q.commitment(), q.point().add(Fr.ONE), q.eval()));
        return l;
      }, "wrong point in query " + k);
    }
    assertTampered(s, proof, l -> l.subList(0, 5), "a query dropped");
    // wrong batch challenge: the verifier's transcript differs, so v and u differ
    assertFalse(kzg.verifyBatch(transcript(2), s.vq(), proof), "different transcript");
    List<G1> ws = new ArrayList<>(proof.witnesses());
    ws.set(1, ws.get(1).add(G1.generator()));
    assertFalse(kzg.verifyBatch(transcript(1), s.vq(), new BatchOpening(ws)), "witness changed");
    assertFalse(kzg.verifyBatch(transcript(1), s.vq(), new BatchOpening(ws.subList(0, 2))),
        "witness missing");
    List<G1> swapped = new ArrayList<>(proof.witnesses());
    swapped.set(0, proof.witnesses().get(2));
    swapped.set(2, proof.witnesses().get(0));
    assertFalse(kzg.verifyBatch(transcript(1), s.vq(), new BatchOpening(swapped)), "swapped");
    assertFalse(kzg.verifyBatch(transcript(1), s.vq(), null), "no proof");
    assertFalse(kzg.verifyBatch(transcript(1), List.of(), new BatchOpening(List.of())), "empty");
    Transcript drained = transcript(1);
    drained.challenge("earlier round");
    assertFalse(kzg.verifyBatch(drained, List.of(), new BatchOpening(List.of())), "empty, drained");
  }

  @Test
  void commitmentIsLinear() {
    for (int round = 0; round < 5; round++) {
      CoeffPoly a = poly(1 + rnd.nextInt(256));
      CoeffPoly b = poly(1 + rnd.nextInt(256));
      Fr s = TestValues.fr(rnd);
      assertEquals(kzg.commit(a).add(kzg.commit(b)), kzg.commit(a.add(b)));
      assertEquals(kzg.commit(a).mul(s), kzg.commit(a.scale(s)));
    }
  }

  @Test
  void batchOverThePoseidonTranscript() {
    Setup s = setup();
    Transcript p = new PoseidonTranscript("kzg-test");
    p.absorbScalar("prefix", Fr.ONE);
    BatchOpening proof = kzg.openBatch(p, s.pq());
    Transcript v = new PoseidonTranscript("kzg-test");
    v.absorbScalar("prefix", Fr.ONE);
    assertTrue(kzg.verifyBatch(v, s.vq(), proof));
    Transcript w = new PoseidonTranscript("kzg-test");
    w.absorbScalar("prefix", Fr.of(2));
    assertFalse(kzg.verifyBatch(w, s.vq(), proof));
  }

  @Test
  void batchWithABadClaimFromTheProverFails() {
    Setup s = setup();
    List<ProverQuery> lying = new ArrayList<>(s.pq());
    ProverQuery q = lying.get(2);
    lying.set(2, new ProverQuery(q.poly(), q.point(), q.eval().add(Fr.ONE)));
    List<VerifierQuery> vq = new ArrayList<>(s.vq());
    VerifierQuery v = vq.get(2);
    vq.set(2, new VerifierQuery(v.commitment(), v.point(), v.eval().add(Fr.ONE)));
    BatchOpening proof = kzg.openBatch(transcript(1), lying);
    assertFalse(kzg.verifyBatch(transcript(1), vq, proof));
  }
}
