package io.kubz.poly.kzg;

import io.kubz.field.BadInputException;
import io.kubz.field.Fr;
import io.kubz.field.G1;
import io.kubz.field.G2;
import io.kubz.field.Msm;
import io.kubz.field.Pairing;
import io.kubz.poly.CoeffPoly;
import io.kubz.poly.LagrangePoly;
import io.kubz.poly.srs.Srs;
import io.kubz.poly.transcript.Transcript;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** KZG with GWC batch openings over an {@link Srs} (see the package documentation). */
public final class Kzg implements PolynomialCommitment {
  private final Srs srs;

  public Kzg(Srs srs) {
    this.srs = srs;
  }

  public Srs srs() {
    return srs;
  }

  @Override
  public int maxSize() {
    return srs.size();
  }

  @Override
  public G1 commit(CoeffPoly p) {
    int n = p.degree() + 1;
    if (n > srs.size()) {
      throw new BadInputException("a polynomial of degree " + (n - 1) + " needs " + n
          + " powers of tau, the SRS (" + srs.source() + ") has " + srs.size()
          + ": use a larger SRS");
    }
    return n == 0 ? G1.INFINITY : Msm.g1(srs.g1Powers(), p.limbs(), n);
  }

  @Override
  public G1 commitLagrange(LagrangePoly p) {
    if (p.onCoset()) {
      throw new IllegalArgumentException("commitLagrange takes evaluations on H, not on a coset");
    }
    // Σ e_i·[L_i(τ)]: the same point as committing the coefficients, cheap for sparse or small e
    java.util.Optional<long[]> basis = srs.lagrange(p.domain().log2Size());
    if (basis.isPresent()) {
      return Msm.g1(basis.get(), p.limbs(), p.size());
    }
    return commit(p.toCoeff());
  }

  @Override
  public Opening open(CoeffPoly p, Fr z) {
    return new Opening(p.evaluate(z), commit(p.divideByLinear(z)));
  }

  @Override
  public boolean verify(G1 c, Fr z, Fr y, G1 w) {
    // e(W, [τ]_2) = e(C − y·G + z·W, [1]_2)
    G1 rhs = c.add(G1.generator().mul(y).neg()).add(w.mul(z));
    return Pairing.check(new G1[] {w, rhs.neg()}, new G2[] {srs.tauG2(), srs.g2()});
  }

  @Override
  public BatchOpening openBatch(Transcript t, List<ProverQuery> queries) {
    for (ProverQuery q : queries) {
      t.absorbScalar("kzg point", q.point());
      t.absorbScalar("kzg eval", q.eval());
    }
    Fr v = t.challenge("kzg v");
    Map<Fr, List<ProverQuery>> groups = new LinkedHashMap<>();
    for (ProverQuery q : queries) {
      groups.computeIfAbsent(q.point(), k -> new ArrayList<>()).add(q);
    }
    List<G1> witnesses = new ArrayList<>();
    for (Map.Entry<Fr, List<ProverQuery>> g : groups.entrySet()) {
      CoeffPoly combined = CoeffPoly.zero(0);
      Fr vk = Fr.ONE;
      for (ProverQuery q : g.getValue()) {
        combined = combined.add(q.poly().scale(vk));
        vk = vk.mul(v);
      }
      // dividing drops the remainder P_j(z_j), so the quotient is (P_j − P_j(z_j))/(X − z_j)
      G1 w = commit(combined.divideByLinear(g.getKey()));
      witnesses.add(w);
      t.absorbG1("kzg witness", w);
    }
    t.challenge("kzg u");
    return new BatchOpening(witnesses);
  }

  @Override
  public boolean verifyBatch(Transcript t, List<VerifierQuery> queries, BatchOpening proof) {
    if (proof == null || queries.isEmpty()) {
      return false;
    }
    for (VerifierQuery q : queries) {
      t.absorbScalar("kzg point", q.point());
      t.absorbScalar("kzg eval", q.eval());
    }
    Fr v = t.challenge("kzg v");
    Map<Fr, List<VerifierQuery>> groups = new LinkedHashMap<>();
    for (VerifierQuery q : queries) {
      groups.computeIfAbsent(q.point(), k -> new ArrayList<>()).add(q);
    }
    if (proof.witnesses().size() != groups.size()) {
      return false;
    }
    for (G1 w : proof.witnesses()) {
      t.absorbG1("kzg witness", w);
    }
    Fr u = t.challenge("kzg u");
    // left = Σ u^j W_j; right = Σ u^j (Σ_k v^k C_{j,k} − (Σ_k v^k y_{j,k})·G + z_j W_j)
    int m = queries.size() + 2 * groups.size();
    long[] bases = new long[G1.AFFINE_LONGS * m];
    long[] scalars = new long[4 * m];
    long[] wBases = new long[G1.AFFINE_LONGS * groups.size()];
    long[] wScalars = new long[4 * groups.size()];
    int at = 0;
    int j = 0;
    Fr uj = Fr.ONE;
    for (Map.Entry<Fr, List<VerifierQuery>> g : groups.entrySet()) {
      Fr vk = Fr.ONE;
      Fr y = Fr.ZERO;
      for (VerifierQuery q : g.getValue()) {
        q.commitment().writeAffine(bases, G1.AFFINE_LONGS * at);
        uj.mul(vk).writeTo(scalars, 4 * at++);
        y = y.add(vk.mul(q.eval()));
        vk = vk.mul(v);
      }
      G1 w = proof.witnesses().get(j);
      G1.generator().writeAffine(bases, G1.AFFINE_LONGS * at);
      uj.mul(y).neg().writeTo(scalars, 4 * at++);
      w.writeAffine(bases, G1.AFFINE_LONGS * at);
      uj.mul(g.getKey()).writeTo(scalars, 4 * at++);
      w.writeAffine(wBases, G1.AFFINE_LONGS * j);
      uj.writeTo(wScalars, 4 * j);
      uj = uj.mul(u);
      j++;
    }
    G1 left = Msm.g1(wBases, wScalars, groups.size());
    G1 right = Msm.g1(bases, scalars, m);
    return Pairing.check(new G1[] {left, right.neg()}, new G2[] {srs.tauG2(), srs.g2()});
  }
}
