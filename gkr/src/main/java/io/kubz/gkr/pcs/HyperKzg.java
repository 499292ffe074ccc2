package io.kubz.gkr.pcs;

import io.kubz.field.BadInputException;
import io.kubz.field.Fr;
import io.kubz.field.G1;
import io.kubz.field.G2Prepared;
import io.kubz.field.Msm;
import io.kubz.field.Pairing;
import io.kubz.poly.srs.Srs;
import io.kubz.poly.transcript.Transcript;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * HyperKZG: a multilinear commitment on a univariate KZG SRS (see the package documentation for
 * the protocol and the transcript). An n-variable MLE is a flat array of 2^n Fr (Montgomery limbs,
 * variable 0 the least significant index bit), committed as the KZG commitment of the univariate
 * polynomial with those coefficients.
 */
public final class HyperKzg {
  private static final byte[] DOMAIN = "kubz-hyperkzg-v2".getBytes(StandardCharsets.US_ASCII);

  private final Srs srs;
  /** [1]_2 prepared once for the verifier's pairing check. */
  /** [τ^k]_2 for k ≤ 3, prepared once for the verifier's pairing check (only [1]_2 for a 1-power SRS). */
  private final G2Prepared[] g2;

  /**
   * HyperKZG over {@code srs}, which must hold [τ²]_2 and [τ³]_2 (a dev SRS, or one read from a
   * .ptau file by {@link io.kubz.poly.srs.PtauReader} or {@link io.kubz.poly.srs.SrsCache}) unless
   * it has a single G1 power (then only constants, with no pairing, can be opened).
   */
  public HyperKzg(Srs srs) {
    if (srs.size() >= 2 && srs.g2PowerCount() < 4) {
      throw new BadInputException("the SRS (" + srs.source() + ") holds [1]_2 and [τ]_2 but not"
          + " [τ²]_2, [τ³]_2, which HyperKZG's verifier needs: load it from a .ptau file with"
          + " PtauReader or SrsCache, or use a dev SRS");
    }
    this.srs = srs;
    int k = srs.size() >= 2 ? 4 : 1;
    this.g2 = new G2Prepared[k];
    for (int i = 0; i < k; i++) {
      g2[i] = Pairing.prepare(i == 0 ? srs.g2() : srs.g2Power(i));
    }
  }

  public Srs srs() {
    return srs;
  }

  /** The most variables an MLE committed with this SRS may have. */
  public int maxVars() {
    return 31 - Integer.numberOfLeadingZeros(srs.size());
  }

  /** An opening: the value f(u) and its proof. */
  public record Opening(Fr value, HyperKzgProof proof) {}

  /** [f(τ)]_1 = Σ_i e_i·[τ^i]_1 for the 2^n evaluations e (4 limbs each). */
  public G1 commit(long[] evals) {
    int n = numVars(evals);
    return Msm.g1(srs.g1Powers(), evals, 1 << n);
  }

  /**
   * The commitment of the MLE with these signed integer evaluations (v stands for v mod r), equal
   * to {@link #commit} of their Fr forms: {@link Msm#g1SmallInts}, which skips zeros and adds each
   * other entry into the bucket of |v| with one batch-affine addition (about 6 field
   * multiplications) when the values fit 16 bits, one more per further 16 bits.
   */
  public G1 commitIntegers(long[] values) {
    numVarsOfSize(values.length);
    return Msm.g1SmallInts(srs.g1Powers(), values, values.length);
  }

  /**
   * Opens the MLE with evaluations {@code evals} and commitment {@code commitment} (from
   * {@link #commit}) at {@code point} (one coordinate per variable). Absorbs the statement and every
   * prover message into {@code t}.
   */
  public Opening open(Transcript t, G1 commitment, long[] evals, Fr[] point) {
    return open(t, commitment, evals, null, point);
  }

  /**
   * As {@link #open(Transcript, G1, long[], Fr[])}, with the same evaluations also given as signed
   * machine integers ({@code ints[i]} ≡ evals[i], v standing for v mod r; null if they are not
   * integers): the proof and the transcript are the same bit for bit, only cheaper to make. The
   * first folds are then committed from the integers ({@link IntegerFolds}): f_i's commitment is
   * Σ_b eq(b, u_0..u_{i−1})·[Σ_j ints[b + 2^i·j]·τ^j]_1 over the 2^i residues b, small-integer MSMs
   * that skip zeros and cost a few field multiplications per term, where f_i itself has full-size
   * scalars.
   */
  public Opening open(Transcript t, G1 commitment, long[] evals, long[] ints, Fr[] point) {
    if (ints != null && ints.length != evals.length / 4) {
      throw new IllegalArgumentException(ints.length + " integers for " + evals.length / 4 + " evaluations");
    }
    return open(t, commitment, evals, ints, point,
        ints == null ? 0 : IntegerFolds.levels(ints, numVars(evals), IntegerFolds.MIN_FOLD));
  }

  /** As above with the number of folds committed from {@code ints} given (tests). */
  Opening open(Transcript t, G1 commitment, long[] evals, long[] ints, Fr[] point, int fromInts) {
    int n = numVars(evals);
    if (point.length != n) {
      throw new IllegalArgumentException("an MLE of " + n + " variables is opened at a point of "
          + n + " coordinates, not " + point.length);
    }
    long[][] f = new long[n + 1][];
    f[0] = evals;
    long[] u = new long[4];
    for (int i = 0; i < n; i++) {
      point[i].writeTo(u, 0);
      f[i + 1] = Folding.fold(f[i], 1 << (n - i - 1), u, 0);
    }
    Fr value = Fr.readFrom(f[n], 0);
    absorbStatement(t, commitment, point, value);
    if (n == 0) {
      return new Opening(value, HyperKzgProof.empty());
    }
    List<G1> folds = new ArrayList<>();
    for (int i = 1; i < n; i++) {
      G1 c = i <= fromInts ? IntegerFolds.commit(srs.g1Powers(), ints, n, i, point)
          : Msm.g1(srs.g1Powers(), f[i], 1 << (n - i));
      folds.add(c);
      t.absorbG1("hyperkzg fold", c);
    }
    long[] r = new long[4];
    Fr rv = t.challenge("hyperkzg r");
    if (!distinctPoints(rv)) {
      throw new IllegalStateException("the transcript drew r in {0, 1, -1} (probability 3/r)");
    }
    rv.writeTo(r, 0);
    long[] r2 = new long[4];
    Fr.square(r2, 0, r, 0);
    long[] ev = new long[12 * n]; // f_i(r), f_i(−r), f_i(r²)
    for (int i = 0; i < n; i++) {
      Folding.evalPlusMinus(ev, 12 * i, f[i], 1 << (n - i), r, 0);
      Folding.eval(ev, 12 * i + 8, f[i], 1 << (n - i), r2, 0);
    }
    List<Fr> evalList = new ArrayList<>();
    for (int k = 0; k < 3 * n; k++) {
      t.absorbScalar("hyperkzg eval", ev, 4 * k);
      evalList.add(Fr.readFrom(ev, 4 * k));
    }
    Fr q = t.challenge("hyperkzg q");
    // B = Σ_i q^i·f_i, opened at r, −r, r² with the values Σ_i q^i·f_i(point)
    long[] b = evals.clone();
    long[] qi = new long[4];
    Fr.setOne(qi, 0);
    long[] ql = new long[4];
    q.writeTo(ql, 0);
    for (int i = 1; i < n; i++) {
      Fr.mul(qi, 0, qi, 0, ql, 0);
      Folding.addScaled(b, f[i], 1 << (n - i), qi);
    }
    Fr[] at = openingPoints(Fr.readFrom(r, 0));
    G1 w = ThreePointOpening.open(t, srs, b, at, combine(evalList, q, n));
    return new Opening(value, new HyperKzgProof(folds, evalList, List.of(w)));
  }

  /**
   * Whether {@code proof} shows that the MLE committed in {@code commitment} takes {@code value} at
   * {@code point}. Absorbs what the prover absorbed. Returns false (never throws) on any proof.
   */
  public boolean verify(Transcript t, G1 commitment, Fr[] point, Fr value, HyperKzgProof proof) {
    int n = point.length;
    if (commitment == null || value == null || proof == null || n > maxVars()
        || !proof.hasShapeFor(n)) {
      return false;
    }
    for (Fr u : point) {
      if (u == null) {
        return false;
      }
    }
    absorbStatement(t, commitment, point, value);
    if (n == 0) {
      return commitment.equals(srs.g1(0).mul(value));
    }
    for (G1 c : proof.folds()) {
      t.absorbG1("hyperkzg fold", c);
    }
    Fr r = t.challenge("hyperkzg r");
    if (!distinctPoints(r)) {
      return false;
    }
    List<Fr> ev = proof.evals();
    for (Fr e : ev) {
      t.absorbScalar("hyperkzg eval", e);
    }
    Fr q = t.challenge("hyperkzg q");
    // 2r·f_{i+1}(r²) = r(1 − u_i)(f_i(r) + f_i(−r)) + u_i(f_i(r) − f_i(−r)), with f_n(r²) = value
    Fr twoR = r.add(r);
    for (int i = 0; i < n; i++) {
      Fr plus = ev.get(3 * i);
      Fr minus = ev.get(3 * i + 1);
      Fr next = i + 1 < n ? ev.get(3 * (i + 1) + 2) : value;
      Fr ui = point[i];
      Fr rhs = r.mul(Fr.ONE.sub(ui)).mul(plus.add(minus)).add(ui.mul(plus.sub(minus)));
      if (!twoR.mul(next).equals(rhs)) {
        return false;
      }
    }
    G1[] parts = new G1[n]; // C_B = Σ_i q^i·C_i, C_0 = C
    Fr[] weights = new Fr[n];
    Fr qi = Fr.ONE;
    for (int i = 0; i < n; i++) {
      parts[i] = i == 0 ? commitment : proof.folds().get(i - 1);
      weights[i] = qi;
      qi = qi.mul(q);
    }
    return ThreePointOpening.verify(t, srs, g2, parts, weights, openingPoints(r),
        combine(ev, q, n), proof.witnesses().get(0));
  }

  /** As {@link #verify(Transcript, G1, Fr[], Fr, HyperKzgProof)} on the canonical proof bytes. */
  public boolean verify(Transcript t, G1 commitment, Fr[] point, Fr value, byte[] proof) {
    HyperKzgProof p;
    try {
      p = HyperKzgProof.fromBytes(proof, point.length);
    } catch (BadInputException e) {
      return false;
    }
    return verify(t, commitment, point, value, p);
  }

  /** Whether r, −r, r² are distinct and r invertible: r ∉ {0, 1, −1}. */
  private static boolean distinctPoints(Fr r) {
    return !r.isZero() && !r.equals(Fr.ONE) && !r.equals(Fr.ONE.neg());
  }

  /** r, −r, r²: the points every f_i is opened at. */
  static Fr[] openingPoints(Fr r) {
    return new Fr[] {r, r.neg(), r.square()};
  }

  /** Σ_i q^i·f_i(x) for x = r, −r, r², from the 3n evaluations. */
  static Fr[] combine(List<Fr> ev, Fr q, int n) {
    Fr[] out = {Fr.ZERO, Fr.ZERO, Fr.ZERO};
    Fr qi = Fr.ONE;
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < 3; j++) {
        out[j] = out[j].add(qi.mul(ev.get(3 * i + j)));
      }
      qi = qi.mul(q);
    }
    return out;
  }

  static void absorbStatement(Transcript t, G1 commitment, Fr[] point, Fr value) {
    t.absorbBytes("hyperkzg domain", ByteBuffer.allocate(DOMAIN.length + 4).put(DOMAIN)
        .putInt(point.length).array());
    t.absorbG1("hyperkzg commitment", commitment);
    for (Fr u : point) {
      t.absorbScalar("hyperkzg point", u);
    }
    t.absorbScalar("hyperkzg value", value);
  }

  /** n for 4·2^n limbs, checked against the SRS. */
  private int numVars(long[] evals) {
    if (evals.length % 4 != 0) {
      throw new IllegalArgumentException("an MLE has 2^n evaluations of 4 limbs each, got "
          + evals.length + " limbs");
    }
    return numVarsOfSize(evals.length / 4);
  }

  /** n for a table of 2^n entries, checked against the SRS. */
  private int numVarsOfSize(int size) {
    if (size == 0 || Integer.bitCount(size) != 1) {
      throw new IllegalArgumentException("an MLE has 2^n evaluations, got " + size);
    }
    if (size > srs.size()) {
      throw new BadInputException("an MLE of 2^" + Integer.numberOfTrailingZeros(size)
          + " evaluations needs " + size + " powers of tau, the SRS (" + srs.source() + ") has "
          + srs.size() + ": use a larger SRS");
    }
    return Integer.numberOfTrailingZeros(size);
  }
}
