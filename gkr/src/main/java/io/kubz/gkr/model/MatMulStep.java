package io.kubz.gkr.model;

import io.kubz.field.Fr;
import io.kubz.gkr.mle.Mle;
import io.kubz.gkr.opening.Claim;
import io.kubz.gkr.sumcheck.Composition;
import io.kubz.gkr.sumcheck.SumcheckProver;
import io.kubz.gkr.sumcheck.SumcheckVerifier;
import io.kubz.poly.transcript.Transcript;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * A {@link Layer.MatMul} step (Thaler, CRYPTO 2013, on padded views). The flat tensors have
 * arbitrary dimensions; their padded views put every dimension on its own bits: Y'(s, i, k),
 * A'(s, i, j), B'(s, j, k) with k (or j) the low bits, each dimension padded to a power of two with
 * zeros. Four degree-2 sumchecks:
 * <ol>
 *   <li>Σ_k γ^k·v_k = Σ_q E(q)·Y'(q), E(s, i, k) = Σ_k γ^k·eq(r_k, flat(s, i, k)) on valid
 *       positions: ends at ρ = (ρ_k, ρ_i, ρ_s); the prover sends Y'~(ρ), the verifier evaluates
 *       E~(ρ) in O(batch·m·p).
 *   <li>Y'~(ρ) = Σ_(s,j) eq(ρ_s, s)·A'~(s, ρ_i, j)·B'~(s, j, ρ_k) (the batch is shared, not
 *       summed, so it stays a variable: degree 3): ends at (ρ_j, σ); the prover sends both
 *       factors, the verifier evaluates eq(ρ_s, σ).
 *   <li>and 4. each padded claim back to its flat tensor: A'~(q) = Σ_f a(f)·eq(q, pos(f)), a sumcheck
 *       over a's variables; the prover sends a~(ρ_a), the verifier evaluates the weight itself.
 * </ol>
 */
final class MatMulStep {
  private MatMulStep() {}

  record Dims(int vs, int vi, int vj, int vk) {
    static Dims of(Layer.MatMul m) {
      return new Dims(Layout.log2(m.batch()), Layout.log2(m.m()), Layout.log2(m.n()), Layout.log2(m.p()));
    }
  }

  /** A slice of a flat point. */
  private static long[] part(long[] p, int from, int len) {
    return Arrays.copyOfRange(p, 4 * from, 4 * (from + len));
  }

  /** w(f) = ea[x]·eb[y]·ec[z] at f = (x·ny + y)·nz + z for x &lt; nx, y &lt; ny, z &lt; nz (2^vars entries). */
  static long[] weights(long[] ea, long[] eb, long[] ec, int nx, int ny, int nz, int vars) {
    long[] w = new long[4 << vars];
    long[] xy = new long[4];
    for (int x = 0; x < nx; x++) {
      for (int y = 0; y < ny; y++) {
        Fr.mul(xy, 0, ea, 4 * x, eb, 4 * y);
        int base = (x * ny + y) * nz;
        for (int z = 0; z < nz; z++) {
          Fr.mul(w, 4 * (base + z), xy, 0, ec, 4 * z);
        }
      }
    }
    return w;
  }

  static void prove(int id, Layer.MatMul mm, List<Claim> cs, Witness w, Transcript t, Messages msg,
      List<List<Claim>> claims) {
    int vy = w.layout.vars[id];
    Dims d = Dims.of(mm);
    Fr[] g = Protocol.gammaPowers(t, cs.size());
    long[] e = Sparse.rowWeights(cs, g, vy);
    Fr c = Fr.ZERO;
    for (int k = 0; k < cs.size(); k++) {
      c = c.add(g[k].mul(cs.get(k).value()));
    }
    int vq = d.vs() + d.vi() + d.vk();
    long[] ep = new long[4 << vq];
    long[] yp = new long[4 << vq];
    long[] y = w.table(id);
    for (int s = 0; s < mm.batch(); s++) {
      for (int i = 0; i < mm.m(); i++) {
        for (int k = 0; k < mm.p(); k++) {
          int f = (s * mm.m() + i) * mm.p() + k;
          int q = (((s << d.vi()) | i) << d.vk()) | k;
          Fr.copy(ep, 4 * q, e, 4 * f);
          Fr.copy(yp, 4 * q, y, 4 * f);
        }
      }
    }
    SumcheckProver.Output o1 = SumcheckProver.prove(Composition.product(2), new long[][] {ep, yp}, c, t);
    msg.sumchecks.add(o1.proof());
    Fr y1 = Fr.readFrom(o1.finalValues(), 4);
    msg.send(t, y1);
    long[] r = o1.point();
    long[] eqK = Mle.eq(part(r, 0, d.vk()));
    long[] eqI = Mle.eq(part(r, d.vk(), d.vi()));
    long[] eqS = Mle.eq(part(r, d.vk() + d.vi(), d.vs()));
    // over (j, s), j the low bits: E = eq(ρ_s, s), A = Σ_i eq(ρ_i, i)·a[s,i,j], B = Σ_k eq(ρ_k, k)·b[s,j,k]
    int vjs = d.vj() + d.vs();
    long[] es = new long[4 << vjs];
    long[] aj = new long[4 << vjs];
    long[] bj = new long[4 << vjs];
    long[] p = new long[4];
    for (int s = 0; s < 1 << d.vs(); s++) {
      for (int j = 0; j < 1 << d.vj(); j++) {
        int q = 4 * ((s << d.vj()) | j);
        Fr.copy(es, q, eqS, 4 * s);
        if (s >= mm.batch() || j >= mm.n()) {
          continue;
        }
        for (int i = 0; i < mm.m(); i++) {
          Fr.mul(p, 0, w.table(mm.a()), 4 * ((s * mm.m() + i) * mm.n() + j), eqI, 4 * i);
          Fr.add(aj, q, aj, q, p, 0);
        }
        for (int k = 0; k < mm.p(); k++) {
          Fr.mul(p, 0, w.table(mm.b()), 4 * ((s * mm.n() + j) * mm.p() + k), eqK, 4 * k);
          Fr.add(bj, q, bj, q, p, 0);
        }
      }
    }
    SumcheckProver.Output o2 = SumcheckProver.prove(Composition.product(3), new long[][] {es, aj, bj},
        y1, t);
    msg.sumchecks.add(o2.proof());
    Fr av = Fr.readFrom(o2.finalValues(), 4);
    Fr bv = Fr.readFrom(o2.finalValues(), 8);
    msg.send(t, av);
    msg.send(t, bv);
    long[] eqJ = Mle.eq(part(o2.point(), 0, d.vj()));
    long[] eqS2 = Mle.eq(part(o2.point(), d.vj(), d.vs()));
    long[] wA = weights(eqS2, eqI, eqJ, mm.batch(), mm.m(), mm.n(), w.layout.vars[mm.a()]);
    long[] wB = weights(eqS2, eqJ, eqK, mm.batch(), mm.n(), mm.p(), w.layout.vars[mm.b()]);
    flat(mm.a(), wA, av, w, t, msg, claims);
    flat(mm.b(), wB, bv, w, t, msg, claims);
  }

  /** Reduces a claim on a padded view to one on the flat tensor x: Σ_f W(f)·x(f) = value. */
  private static void flat(int x, long[] wt, Fr value, Witness w, Transcript t, Messages msg,
      List<List<Claim>> claims) {
    SumcheckProver.Output o = SumcheckProver.prove(Composition.product(2), new long[][] {wt, w.table(x)},
        value, t);
    msg.sumchecks.add(o.proof());
    Fr xr = Fr.readFrom(o.finalValues(), 4);
    msg.send(t, xr);
    claims.get(x).add(new Claim(o.point(), xr));
  }

  /** The verifier's side; false on a wrong or short proof. */
  static boolean verify(Layer.MatMul mm, List<Claim> cs, Layout layout, Transcript t, Messages msg,
      List<List<Claim>> claims, int vy) {
    Dims d = Dims.of(mm);
    Fr[] g = Protocol.gammaPowers(t, cs.size());
    long[] e = Sparse.rowWeights(cs, g, vy);
    Fr c = Fr.ZERO;
    for (int k = 0; k < cs.size(); k++) {
      c = c.add(g[k].mul(cs.get(k).value()));
    }
    Optional<SumcheckVerifier.Result> r1 = sumcheck(msg, d.vs() + d.vi() + d.vk(), 2, c, t);
    Fr y1 = r1.isEmpty() ? null : msg.read(t);
    if (y1 == null) {
      return false;
    }
    long[] r = r1.get().point();
    long[] eqK = Mle.eq(part(r, 0, d.vk()));
    long[] eqI = Mle.eq(part(r, d.vk(), d.vi()));
    long[] eqS = Mle.eq(part(r, d.vk() + d.vi(), d.vs()));
    // E~(ρ) = Σ_(s,i,k) e(flat)·eq(ρ, (s, i, k))
    long[] we = weights(eqS, eqI, eqK, mm.batch(), mm.m(), mm.p(), vy);
    Fr ev = ConvKernels.dot(we, e);
    if (!ev.mul(y1).equals(r1.get().value())) {
      return false;
    }
    Optional<SumcheckVerifier.Result> r2 = sumcheck(msg, d.vj() + d.vs(), 3, y1, t);
    Fr av = r2.isEmpty() ? null : msg.read(t);
    Fr bv = av == null ? null : msg.read(t);
    if (bv == null) {
      return false;
    }
    long[] sigma = part(r2.get().point(), d.vj(), d.vs());
    Fr es = Mle.eqAt(part(r, d.vk() + d.vi(), d.vs()), 0, sigma, 0, d.vs());
    if (!es.mul(av).mul(bv).equals(r2.get().value())) {
      return false;
    }
    long[] eqJ = Mle.eq(part(r2.get().point(), 0, d.vj()));
    long[] eqS2 = Mle.eq(sigma);
    return flatVerify(mm.a(), weights(eqS2, eqI, eqJ, mm.batch(), mm.m(), mm.n(), layout.vars[mm.a()]),
        av, layout, t, msg, claims)
        && flatVerify(mm.b(), weights(eqS2, eqJ, eqK, mm.batch(), mm.n(), mm.p(), layout.vars[mm.b()]),
        bv, layout, t, msg, claims);
  }

  private static boolean flatVerify(int x, long[] wt, Fr value, Layout layout, Transcript t,
      Messages msg, List<List<Claim>> claims) {
    Optional<SumcheckVerifier.Result> r = sumcheck(msg, layout.vars[x], 2, value, t);
    Fr xr = r.isEmpty() ? null : msg.read(t);
    if (xr == null) {
      return false;
    }
    long[] rho = r.get().point();
    Fr wv = ConvKernels.dot(wt, Mle.eq(rho));
    if (!wv.mul(xr).equals(r.get().value())) {
      return false;
    }
    claims.get(x).add(new Claim(rho, xr));
    return true;
  }

  private static Optional<SumcheckVerifier.Result> sumcheck(Messages msg, int vars, int degree, Fr claim,
      Transcript t) {
    io.kubz.gkr.sumcheck.SumcheckProof p = msg.readSumcheck();
    return p == null ? Optional.empty() : SumcheckVerifier.verify(vars, degree, claim, p, t);
  }
}
