package io.kubz.plonkish.verifier;

import io.kubz.field.Fr;
import io.kubz.field.G1;
import io.kubz.plonkish.Proof;
import io.kubz.plonkish.Protocol;
import io.kubz.plonkish.ir.Column;
import io.kubz.plonkish.ir.Expression;
import io.kubz.plonkish.ir.Gate;
import io.kubz.plonkish.ir.Query;
import io.kubz.plonkish.keygen.KeyLimits;
import io.kubz.plonkish.keygen.VerifyingKey;
import io.kubz.poly.kzg.PolynomialCommitment;
import io.kubz.poly.kzg.PolynomialCommitment.VerifierQuery;
import io.kubz.poly.transcript.Transcript;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The verifier: replays the transcript, evaluates every gate at x from the opened values, derives
 * h(x) = Σ y^c·C_c(x) / (x^n − 1), and checks one KZG batch opening of all queried polynomials and
 * of H = Σ x^{ni}·H_i at x against h(x). Returns false on any malformed or wrong proof.
 */
public final class Verifier {
  private Verifier() {}

  /** @param instance public values per instance column, from row 0 (missing rows are zero) */
  public static boolean verify(VerifyingKey vk, PolynomialCommitment pcs, Fr[][] instance, Proof proof) {
    try {
      return check(vk, pcs, instance, proof);
    } catch (RuntimeException | StackOverflowError e) {
      // the walks are iterative and the keys bounded: an overflow here would be a bug, still a rejection
      return false;
    }
  }

  private static boolean check(VerifyingKey vk, PolynomialCommitment pcs, Fr[][] instance, Proof proof) {
    // a key made in memory skipped the reader's bounds: the verifier's work rests on them
    KeyLimits.checkShape(vk.k(), vk.blinding(), vk.advicePhases(), vk.numFixed(), vk.numInstance(),
        vk.challengePhases(), vk.gates().size(), vk.fixedCommitments().size());
    int n = vk.n();
    List<Query> all = vk.queries();
    List<Query> opened = new ArrayList<>();
    for (Query q : all) {
      if (!(q.column() instanceof Column.Instance)) {
        opened.add(q);
      }
    }
    if (all.size() - opened.size() > KeyLimits.MAX_INSTANCE_QUERIES || vk.maxDegree() > KeyLimits.MAX_DEGREE) {
      return false; // each instance query costs a pass over the public values, each degree a quotient piece
    }
    if (proof == null || instance == null || instance.length != vk.numInstance()
        || proof.advice().size() != vk.numAdvice() || proof.quotient().size() != vk.quotientPieces()
        || proof.evaluations().size() != opened.size()) {
      return false;
    }
    Fr[][] inst = new Fr[instance.length][];
    for (int c = 0; c < instance.length; c++) {
      inst[c] = Protocol.trim(instance[c]);
      if (inst[c].length > vk.usable()) {
        return false;
      }
    }
    Transcript t = Protocol.transcript(vk.digest(), inst);
    Fr[] challenges = new Fr[vk.challengePhases().length];
    boolean absorbed = true;
    for (int p = 0; p < vk.numPhases(); p++) {
      for (int c = 0; c < vk.numAdvice(); c++) {
        if (vk.advicePhases()[c] == p) {
          t.absorbG1("advice", proof.advice().get(c));
          absorbed = true;
        }
      }
      absorbed = Protocol.drawChallenges(t, vk.challengePhases(), p, challenges, absorbed);
    }
    if (!absorbed) {
      t.absorbBytes("quotient", new byte[] {'h'});
    }
    Fr y = t.challenge("y");
    for (G1 c : proof.quotient()) {
      t.absorbG1("quotient", c);
    }
    Fr x = t.challenge("x");
    for (Fr e : proof.evaluations()) {
      t.absorbScalar("eval", e);
    }

    Fr omega = Fr.readFrom(rootOfUnity(vk.k()), 0);
    Map<Query, Fr> values = new HashMap<>();
    List<VerifierQuery> queries = new ArrayList<>();
    int i = 0;
    for (Query q : opened) {
      Fr point = x.mul(omega.pow(Math.floorMod(q.rotation(), n)));
      Fr e = proof.evaluations().get(i++);
      values.put(q, e);
      G1 commitment = q.column() instanceof Column.Advice
          ? proof.advice().get(q.column().index())
          : vk.fixedCommitments().get(q.column().index());
      queries.add(new VerifierQuery(commitment, point, e));
    }
    for (Query q : all) {
      if (q.column() instanceof Column.Instance) {
        Fr point = x.mul(omega.pow(Math.floorMod(q.rotation(), n)));
        values.put(q, InstanceEvaluation.at(inst[q.column().index()], point, vk.k()));
      }
    }
    // C(x) = Σ_c y^c·C_c(x) in Horner order, as Quotient.combined, each C_c folded without recursion
    PointEvaluator at = new PointEvaluator(values, challenges, x, vk.k(), vk.usable());
    Fr c = null;
    for (Gate g : vk.gates()) {
      for (Expression p : g.polys()) {
        Fr v = Expression.fold(p, at);
        c = c == null ? v : c.mul(y).add(v);
      }
    }
    c = c == null ? Fr.ZERO : c;
    Fr hx = c.mul(x.pow(n).sub(Fr.ONE).inverse());
    G1 h = G1.INFINITY;
    Fr xn = x.pow(n);
    Fr power = Fr.ONE;
    for (G1 piece : proof.quotient()) {
      h = h.add(piece.mul(power));
      power = power.mul(xn);
    }
    queries.add(new VerifierQuery(h, x, hx));
    return pcs.verifyBatch(t, queries, new PolynomialCommitment.BatchOpening(proof.openings()));
  }

  private static long[] rootOfUnity(int k) {
    long[] w = new long[4];
    Fr.rootOfUnity(w, 0, k);
    return w;
  }
}
