package io.kubz.plonkish.prover;

import io.kubz.field.Fr;
import io.kubz.field.G1;
import io.kubz.field.Parallel;
import io.kubz.plonkish.Proof;
import io.kubz.plonkish.Protocol;
import io.kubz.plonkish.ir.CircuitDescription;
import io.kubz.plonkish.ir.Column;
import io.kubz.plonkish.ir.Query;
import io.kubz.plonkish.ir.Witness;
import io.kubz.plonkish.keygen.ProvingKey;
import io.kubz.plonkish.keygen.VerifyingKey;
import io.kubz.poly.CoeffPoly;
import io.kubz.poly.LagrangePoly;
import io.kubz.poly.kzg.PolynomialCommitment;
import io.kubz.poly.kzg.PolynomialCommitment.ProverQuery;
import io.kubz.poly.transcript.Transcript;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * The prover (see package-info for the protocol). It does not check the witness: an unsatisfied
 * circuit yields a proof the verifier rejects (use the MockProver to find out why).
 */
public final class Prover {
  private Prover() {}

  public static Proof prove(ProvingKey pk, PolynomialCommitment pcs, Witness witness) {
    return prove(pk, pcs, witness, new SecureRandom());
  }

  /**
   * The heap proving circuit d takes at its peak, with {@link #prove} (which copies the witness's
   * advice): see {@link #estimateBytes(CircuitDescription, boolean)}.
   */
  public static long estimateBytes(CircuitDescription d) {
    return estimateBytes(d, false);
  }

  /**
   * The heap proving circuit d takes at its peak, everything a proof of it holds included, each
   * array counted as this JVM lays it out ({@link HeapFootprint}): the circuit (fixed values, copy
   * constraints, regions), the witness, the proving key (fixed coefficients, 3 domain
   * polynomials), the instance's coefficients; then the larger of the quotient's working set (every
   * column on one sub-coset, the coset's powers, h on the extended domain) and the opening's (h,
   * its pieces, their combination, the batch opening's combinations). Checked against the bytes
   * really allocated in ProverMemoryTest.
   *
   * @param consume whether the proof is made with {@link #proveConsuming} (no copy of the advice)
   */
  public static long estimateBytes(CircuitDescription d, boolean consume) {
    long n = d.n();
    long col = HeapFootprint.column(n);
    long piece = HeapFootprint.column(n + 1);
    long a = d.numAdvice();
    long f = d.numFixed();
    long ins = d.numInstance();
    int e = Quotient.extension(d.maxDegree());
    long h = HeapFootprint.column(n << e);
    long held = (2 * f + 3) * col + (consume ? 1 : 2) * a * col + 2 * ins * col;
    long quotient = (a + f + ins + 5) * col + h;
    long opening = h + ((1L << e) + 6) * piece;
    long objects = 48L * d.copies().size() + 96L * d.regions().size();
    return held + Math.max(quotient, opening) + objects;
  }

  /**
   * As {@link #prove(ProvingKey, PolynomialCommitment, Witness)}, working in the witness's advice
   * arrays instead of copies of them (one copy of the advice less at the peak): the witness's values
   * are destroyed, so pass a witness made for this proof alone.
   */
  public static Proof proveConsuming(ProvingKey pk, PolynomialCommitment pcs, Witness witness) {
    return prove(pk, pcs, witness, new SecureRandom(), (name, nanos) -> {}, true);
  }

  /** Receives the wall time of each prover stage (for progress and timing tables). */
  @FunctionalInterface
  public interface StageListener {
    void stage(String name, long nanos);
  }

  /** {@code rnd} supplies the blinding values; pass a seeded one only for reproducible test proofs. */
  public static Proof prove(ProvingKey pk, PolynomialCommitment pcs, Witness witness, Random rnd) {
    return prove(pk, pcs, witness, rnd, (name, nanos) -> {});
  }

  public static Proof prove(ProvingKey pk, PolynomialCommitment pcs, Witness witness, Random rnd,
      StageListener listener) {
    return prove(pk, pcs, witness, rnd, listener, false);
  }

  /** @param consume whether the witness's advice arrays may serve as the prover's working memory */
  public static Proof prove(ProvingKey pk, PolynomialCommitment pcs, Witness witness, Random rnd,
      StageListener listener, boolean consume) {
    long[] clock = {System.nanoTime()};
    StageListener lap = (name, ignored) -> {
      long now = System.nanoTime();
      listener.stage(name, now - clock[0]);
      clock[0] = now;
    };
    CircuitDescription d = pk.description();
    VerifyingKey vk = pk.vk();
    int n = d.n();
    int a = d.numAdvice();
    int f = d.numFixed();
    int ins = d.numInstance();
    Transcript t = Protocol.transcript(vk.digest(), Protocol.instanceValues(witness.instance()));

    // 1. Advice, phase by phase: fill, interpolate, commit; then the phase's challenges.
    long[][] cols = new long[a + f + ins + 3][];
    G1[] adviceCommitments = new G1[a];
    Fr[] challenges = new Fr[d.numChallenges()];
    PhaseRunner runner = new PhaseRunner(d, witness, rnd, consume);
    boolean absorbed = true;
    for (int p = 0; p < d.numPhases(); p++) {
      runner.run(p, challenges);
      lap.stage("phase " + p + " witness", 0);
      List<Integer> phaseCols = new ArrayList<>();
      for (int c = 0; c < a; c++) {
        if (d.advicePhases()[c] == p) {
          phaseCols.add(c);
        }
      }
      for (int c : phaseCols) {
        // from the values: the same point as from cols[c], cheaper when the values are small
        adviceCommitments[c] = pcs.commitLagrange(LagrangePoly.wrap(PolyOps.domain(d.k()), false, runner.values(c)));
        t.absorbG1("advice", adviceCommitments[c]);
        absorbed = true;
      }
      lap.stage("phase " + p + " commit", 0);
      absorbed = Protocol.drawChallenges(t, d.challengePhases(), p, challenges, absorbed);
    }
    // every phase committed: later phases no longer read the values, so each advice column turns
    // into its coefficients in place (values and coefficients of all columns never coexist)
    Parallel.forRange(0, a, 1, (from, to) -> {
      for (int c = from; c < to; c++) {
        cols[c] = runner.coefficientsInPlace(c);
      }
    });
    lap.stage("interpolate", 0);
    for (int c = 0; c < f; c++) {
      cols[a + c] = pk.fixedCoeffs()[c];
    }
    for (int c = 0; c < ins; c++) {
      cols[a + f + c] = PhaseRunner.coefficients(witness.instance()[c], d.k());
    }
    System.arraycopy(pk.domainCoeffs(), 0, cols, a + f + ins, 3);

    // 2. Quotient h = Σ y^c·C_c / (X^n − 1), cut into pieces of n coefficients, blinded.
    if (!absorbed) {
      t.absorbBytes("quotient", new byte[] {'h'});
    }
    Fr y = t.challenge("y");
    long[] h = Quotient.compute(d, cols, challenges, y);
    lap.stage("quotient", 0);
    int pieces = vk.quotientPieces();
    long[][] piece = new long[pieces][];
    for (int i = 0; i < pieces; i++) {
      piece[i] = new long[4 * (n + 1)];
      System.arraycopy(h, 4 * i * n, piece[i], 0, 4 * n);
    }
    // H_i += b_i·X^n, H_{i+1} −= b_i: Σ x^{ni}·H_i is unchanged, each piece is masked.
    long[] b = new long[4];
    for (int i = 0; i + 1 < pieces; i++) {
      Fr.random(rnd).writeTo(b, 0);
      Fr.copy(piece[i], 4 * n, b, 0);
      Fr.sub(piece[i + 1], 0, piece[i + 1], 0, b, 0);
    }
    List<G1> quotientCommitments = new ArrayList<>();
    for (long[] q : piece) {
      G1 c = pcs.commit(CoeffPoly.wrap(q));
      quotientCommitments.add(c);
      t.absorbG1("quotient", c);
    }
    Fr x = t.challenge("x");
    lap.stage("quotient commit", 0);

    // 3. Evaluations at x·ω^r of every advice and fixed query, then one batch opening.
    Fr omega = PolyOps.domain(d.k()).omega();
    List<Query> queries = new ArrayList<>();
    for (Query q : vk.queries()) {
      if (!(q.column() instanceof Column.Instance)) {
        queries.add(q);
      }
    }
    Fr[] evals = new Fr[queries.size()];
    Fr[] points = new Fr[queries.size()];
    Parallel.forRange(0, queries.size(), 1, (from, to) -> {
      for (int i = from; i < to; i++) {
        Query q = queries.get(i);
        points[i] = x.mul(omega.pow(Math.floorMod(q.rotation(), n)));
        evals[i] = PolyOps.evaluate(cols[source(q.column(), a)], n, points[i]);
      }
    });
    List<ProverQuery> openings = new ArrayList<>();
    for (int i = 0; i < queries.size(); i++) {
      t.absorbScalar("eval", evals[i]);
      openings.add(new ProverQuery(CoeffPoly.wrap(cols[source(queries.get(i).column(), a)]), points[i], evals[i]));
    }
    long[] combined = new long[4 * (n + 1)];
    Fr xn = x.pow(n);
    Fr power = Fr.ONE;
    long[] pw = new long[4];
    for (long[] q : piece) {
      power.writeTo(pw, 0);
      long[] qq = q;
      Parallel.forRange(0, n + 1, 1 << 12, (from, to) -> {
        long[] tmp = new long[4];
        for (int i = from; i < to; i++) {
          Fr.mul(tmp, 0, qq, 4 * i, pw, 0);
          Fr.add(combined, 4 * i, combined, 4 * i, tmp, 0);
        }
      });
      power = power.mul(xn);
    }
    openings.add(new ProverQuery(CoeffPoly.wrap(combined), x, PolyOps.evaluate(combined, n + 1, x)));
    lap.stage("evaluations", 0);
    PolynomialCommitment.BatchOpening opening = pcs.openBatch(t, openings);
    lap.stage("opening", 0);
    return new Proof(List.of(adviceCommitments), quotientCommitments, List.of(evals), opening.witnesses());
  }

  /** Index of a column's coefficients in the prover's column array (advice, fixed, instance). */
  static int source(Column c, int numAdvice) {
    return c instanceof Column.Advice ? c.index() : numAdvice + c.index();
  }
}
