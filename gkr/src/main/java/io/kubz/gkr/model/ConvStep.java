package io.kubz.gkr.model;

import io.kubz.field.Fr;
import io.kubz.gkr.mle.Mle;
import io.kubz.gkr.opening.Claim;
import io.kubz.gkr.sumcheck.Composition;
import io.kubz.gkr.sumcheck.SumcheckProof;
import io.kubz.gkr.sumcheck.SumcheckProver;
import io.kubz.gkr.sumcheck.SumcheckVerifier;
import io.kubz.poly.transcript.Transcript;
import java.util.List;
import java.util.Optional;

/**
 * A {@link Layer.Conv} step: im2col as a wiring predicate, never materialised (GKR.md, "Conv").
 * Shapes are {@link ConvShape}'s (three spatial axes); Acc = out − bias[m] is the accumulator.
 * With the claims (r_k, v_k) on out combined by powers of a fresh γ, e(f) = Σ_k γ^k·eq(r_k, f):
 * <ol>
 *   <li>Σ_k γ^k·v_k − Σ_f e(f)·bias[m(f)] = Σ_q E(q)·Acc'(q), a degree-2 sumcheck over the padded
 *       output view q = (b, g, m', o0, o1, o2) (o2 lowest, m = g·mg + m'), E(q) = e(flat(q)) on
 *       valid positions, 0 elsewhere: ends at ρ; the prover sends Acc'~(ρ), the verifier computes
 *       E~(ρ) = Σ_f e(f)·eq(ρ, q(f)) in O(|out|).
 *   <li>Acc'~(ρ) = Σ_p eq(ρ_b, b)·eq(ρ_g, g)·W'(g, c, u)·X''(b, g, c, u) over the padded window view
 *       p = (b, g, c, u0, u1, u2) (u2 lowest), with W'(g, c, u) = Σ_m' eq(ρ_m', m')·w[g·mg + m', c, u]
 *       = W~(g, ρ_m', c, u) and X''(b, g, c, u) = Σ_o eq(ρ_o, o)·x[b, g·cg + c, o·s − p + u·d]
 *       (o = (o0, o1, o2) over valid outputs, positions outside the input dropped): a degree-3
 *       sumcheck, ends at σ; the prover sends X''~(σ); the verifier computes eq(ρ_b, σ_b)·
 *       eq(ρ_g, σ_g) and W~(σ_g, ρ_m', σ_c, σ_u) in O(#weights).
 *   <li>X''~(σ) = Σ_j K(j)·x(j) over x's flat entries, K(j) = eq(σ_b, b)·eq(σ_g, g)·eq(σ_c, c)·
 *       T0(a0)·T1(a1)·T2(a2) for j = (b, g·cg + c, a0, a1, a2), T_d(a) = Σ_(i, u: i·s_d − p_d +
 *       u·d_d = a) eq(σ_(u_d), u)·eq(ρ_(o_d), i) in O(O_d·K_d) per axis: a degree-2 sumcheck, ends
 *       at τ; the prover sends x~(τ) (a claim on the input), the verifier computes K~(τ) in O(|x|).
 * </ol>
 * Step 2 holds because Acc(b, g, m', o) = Σ_(c, u) w·x is an identity on the hypercube: summing it
 * against eq(ρ, ·) gives the right side, with W' and X'' zero at padded (invalid) indices by
 * construction. Step 1 is skipped on one claim whose point already addresses the padded view
 * ({@link #direct}); K~(τ) is a product of per-segment sums on an aligned input
 * ({@link ConvKernels#inputAligned}). Soundness error (γ-combination, then Schwartz–Zippel per round):
 * ((#claims − 1) + 2·outVars + 3·windowVars + 2·vars(x))/|F|. The prover's work is
 * O(|out| + #weights + |x|·Σ_d K_d/s_d + window view); nothing of size |out|·C·K is formed.
 */
final class ConvStep {
  private ConvStep() {}

  private static Fr combined(Fr[] g, List<Claim> cs) {
    Fr c = Fr.ZERO;
    for (int k = 0; k < cs.size(); k++) {
      c = c.add(g[k].mul(cs.get(k).value()));
    }
    return c;
  }

  /** Σ_f e(f)·bias[m(f)]: per channel, the sum of e over its block times the bias. */
  private static Fr biasTerm(Layer.Conv cv, ConvShape s, long[] e) {
    if (cv.bias() == null) {
      return Fr.ZERO;
    }
    long[] acc = new long[4];
    long[] blk = new long[4];
    long[] b = new long[4];
    int area = s.outArea();
    for (int n = 0; n < s.n(); n++) {
      for (int m = 0; m < s.outChannels(); m++) {
        Fr.setZero(blk, 0);
        int base = (n * s.outChannels() + m) * area;
        for (int i = 0; i < area; i++) {
          Fr.add(blk, 0, blk, 0, e, 4 * (base + i));
        }
        Fr.set(b, 0, cv.bias()[m]);
        Fr.mul(blk, 0, blk, 0, b, 0);
        Fr.add(acc, 0, acc, 0, blk, 0);
      }
    }
    return Fr.readFrom(acc, 0);
  }

  /**
   * Whether step 1 is skipped: every claim at one point (a rescale's remainder is looked up in two
   * blocks at the same point), on an output whose flat layout is already the padded view (every
   * flat index is its own padded index, as when every axis but the batch has a power-of-two
   * extent). Then ρ = r_0 and Acc'~(ρ) = v_0 − bias~(r_0), with no message; the verifier checks
   * that every claim's value is v_0.
   */
  static boolean direct(ConvShape s, int vy, List<Claim> cs) {
    if (s.outVars() != vy) {
      return false;
    }
    for (Claim c : cs) {
      if (!java.util.Arrays.equals(c.point(), cs.get(0).point())) {
        return false;
      }
    }
    int[] q = ConvKernels.outIndex(s);
    for (int f = 0; f < q.length; f++) {
      if (q[f] != f) {
        return false;
      }
    }
    return true;
  }

  /**
   * bias~(r) for the broadcast bias on an output whose flat layout is the padded view:
   * [Σ_(b&lt;N) eq(r_b, b)]·[Σ_m eq(r_(g,m'), m)·bias[m]]·Π_d [Σ_(i&lt;O_d) eq(r_(o_d), i)], O(C_out + vars).
   */
  private static Fr biasAt(Layer.Conv cv, ConvShape s, long[] r) {
    if (cv.bias() == null) {
      return Fr.ZERO;
    }
    int[] ow = outWidths(s);
    int at = 0;
    Fr v = Fr.ONE;
    for (int d = 0; d < 3; d++) {
      v = v.mul(Mle.prefix(ConvKernels.part(r, at, ow[d]), ow[d], s.o()[2 - d]));
      at += ow[d];
    }
    long[] eqM = Mle.eq(ConvKernels.part(r, at, ow[3] + ow[4]));
    long[] b = new long[4];
    long[] acc = new long[4];
    for (int m = 0; m < s.outChannels(); m++) {
      Fr.set(b, 0, cv.bias()[m]);
      Fr.mul(b, 0, b, 0, eqM, 4 * m);
      Fr.add(acc, 0, acc, 0, b, 0);
    }
    at += ow[3] + ow[4];
    return v.mul(Fr.readFrom(acc, 0)).mul(Mle.prefix(ConvKernels.part(r, at, ow[5]), ow[5], s.n()));
  }

  /** Segment widths of the output view, lowest first: o2, o1, o0, m', g, b. */
  private static int[] outWidths(ConvShape s) {
    return new int[] {ConvShape.bits(s.o()[2]), ConvShape.bits(s.o()[1]), ConvShape.bits(s.o()[0]),
        ConvShape.bits(s.mg()), ConvShape.bits(s.groups()), ConvShape.bits(s.n())};
  }

  /** Segment widths of the window view, lowest first: u2, u1, u0, c, g, b. */
  private static int[] windowWidths(ConvShape s) {
    return new int[] {ConvShape.bits(s.k()[2]), ConvShape.bits(s.k()[1]), ConvShape.bits(s.k()[0]),
        ConvShape.bits(s.cg()), ConvShape.bits(s.groups()), ConvShape.bits(s.n())};
  }

  static void prove(int id, Layer.Conv cv, List<Claim> cs, Witness w, Transcript t, Messages msg,
      List<List<Claim>> claims) {
    ConvShape s = ConvShape.of(cv);
    int vy = w.layout.vars[id];
    if (direct(s, vy, cs)) {
      long[] r = cs.get(0).point();
      window(cv, s, r, cs.get(0).value().sub(biasAt(cv, s, r)), w, t, msg, claims);
      return;
    }
    Fr[] g = Protocol.gammaPowers(t, cs.size());
    long[] e = Sparse.rowWeights(cs, g, vy);
    Fr c = combined(g, cs).sub(biasTerm(cv, s, e));
    // 1: onto the padded output view
    int vq = s.outVars();
    int[] q = ConvKernels.outIndex(s);
    long[] ep = new long[4 << vq];
    long[] acc = new long[4 << vq];
    long[] y = w.values[id];
    int area = s.outArea();
    for (int f = 0; f < q.length; f++) {
      Fr.copy(ep, 4 * q[f], e, 4 * f);
      long b = cv.bias() == null ? 0 : cv.bias()[(f / area) % s.outChannels()];
      Fr.set(acc, 4 * q[f], Math.subtractExact(y[f], b));
    }
    SumcheckProver.Output o1 = SumcheckProver.prove(Composition.product(2), new long[][] {ep, acc}, c, t);
    msg.sumchecks.add(o1.proof());
    Fr accR = Fr.readFrom(o1.finalValues(), 4);
    msg.send(t, accR);
    window(cv, s, o1.point(), accR, w, t, msg, claims);
  }

  /** Steps 2 and 3 from the claim Acc'~(ρ) = accR. */
  private static void window(Layer.Conv cv, ConvShape s, long[] rho, Fr accR, Witness w, Transcript t,
      Messages msg, List<List<Claim>> claims) {
    long[][] er = ConvKernels.eqs(rho, outWidths(s));
    // 2: the window view
    int[] a = s.a();
    int[] k = s.k();
    int[] o = s.o();
    int nc = s.n() * s.channels();
    long[] x = w.table(cv.input());
    long[] x2 = ConvKernels.contract(x, nc * a[0] * a[1], a[2], 1, s.positions(2), o[2], k[2], er[0]);
    x2 = ConvKernels.contract(x2, nc * a[0], a[1], k[2], s.positions(1), o[1], k[1], er[1]);
    x2 = ConvKernels.contract(x2, nc, a[0], k[1] * k[2], s.positions(0), o[0], k[0], er[2]);
    int vw = s.windowVars();
    int[] ww = windowWidths(s);
    int vu = ww[0] + ww[1] + ww[2];
    int vc = ww[3];
    int vg = ww[4];
    int[] uIdx = ConvKernels.kernelIndex(s);
    int kArea = s.kernelArea();
    long[] xp = new long[4 << vw];
    long[] wp = new long[4 << vw];
    long[] ebg = new long[4 << vw];
    long[] mont = ConvKernels.montgomery(cv.weights());
    long[] wv = new long[4];
    long[] p = new long[4];
    long[] wgc = new long[4 << (vg + vc + vu)]; // W'(g, c, u)
    for (int m = 0; m < s.outChannels(); m++) {
      int gg = m / s.mg();
      for (int ch = 0; ch < s.cg(); ch++) {
        int base = (m * s.cg() + ch) * kArea;
        int head = ((gg << vc) | ch) << vu;
        for (int u = 0; u < kArea; u++) {
          if (cv.weights()[base + u] != 0) {
            ConvKernels.weight(wv, mont, cv.weights()[base + u]);
            Fr.mul(p, 0, wv, 0, er[3], 4 * (m % s.mg()));
            Fr.add(wgc, 4 * (head | uIdx[u]), wgc, 4 * (head | uIdx[u]), p, 0);
          }
        }
      }
    }
    int inner = 1 << (vg + vc + vu);
    for (int b = 0; b < 1 << ww[5]; b++) {
      System.arraycopy(wgc, 0, wp, 4 * b * inner, 4 * inner);
      for (int gg = 0; gg < 1 << vg; gg++) {
        Fr.mul(p, 0, er[5], 4 * b, er[4], 4 * gg);
        int from = (b << vg | gg) << (vc + vu);
        for (int r = 0; r < 1 << (vc + vu); r++) {
          Fr.copy(ebg, 4 * (from + r), p, 0);
        }
      }
    }
    for (int b = 0; b < s.n(); b++) {
      for (int ci = 0; ci < s.channels(); ci++) {
        int gg = ci / s.cg();
        int head = ((((b << vg) | gg) << vc) | (ci % s.cg())) << vu;
        int src = 4 * (b * s.channels() + ci) * kArea;
        for (int u = 0; u < kArea; u++) {
          Fr.copy(xp, 4 * (head | uIdx[u]), x2, src + 4 * u);
        }
      }
    }
    SumcheckProver.Output o2 = SumcheckProver.prove(Composition.product(3),
        new long[][] {ebg, wp, xp}, accR, t);
    msg.sumchecks.add(o2.proof());
    Fr x2r = Fr.readFrom(o2.finalValues(), 8);
    msg.send(t, x2r);
    // 3: back to x's flat entries
    long[] kt = inputWeights(s, rho, o2.point(), w.layout.vars[cv.input()]);
    SumcheckProver.Output o3 = SumcheckProver.prove(Composition.product(2), new long[][] {kt, x}, x2r, t);
    msg.sumchecks.add(o3.proof());
    Fr xr = Fr.readFrom(o3.finalValues(), 4);
    msg.send(t, xr);
    claims.get(cv.input()).add(new Claim(o3.point(), xr));
  }

  /** K over x's flat entries for the output point ρ and the window point σ (step 3). */
  private static long[] inputWeights(ConvShape s, long[] rho, long[] sigma, int vars) {
    long[][] er = ConvKernels.eqs(rho, outWidths(s));
    long[][] es = ConvKernels.eqs(sigma, windowWidths(s));
    long[][] t = new long[3][];
    for (int d = 0; d < 3; d++) {
      t[d] = ConvKernels.axisWeights(s.positions(d), s.a()[d], s.o()[d], s.k()[d], er[2 - d], es[2 - d]);
    }
    return ConvKernels.inputWeights(s, es[5], es[4], es[3], t, vars);
  }

  /** The verifier's side; false on a wrong or short proof, never an exception. */
  static boolean verify(Layer.Conv cv, List<Claim> cs, Layout layout, Transcript t, Messages msg,
      List<List<Claim>> claims, int vy) {
    ConvShape s = ConvShape.of(cv);
    if (direct(s, vy, cs)) {
      for (Claim k : cs) {
        if (!k.value().equals(cs.get(0).value())) {
          return false; // one point, two values: one of them is false
        }
      }
      long[] r = cs.get(0).point();
      return window(cv, s, r, cs.get(0).value().sub(biasAt(cv, s, r)), layout, t, msg, claims);
    }
    Fr[] g = Protocol.gammaPowers(t, cs.size());
    long[] e = Sparse.rowWeights(cs, g, vy);
    Fr c = combined(g, cs).sub(biasTerm(cv, s, e));
    Optional<SumcheckVerifier.Result> r1 = sumcheck(msg, s.outVars(), 2, c, t);
    Fr accR = r1.isEmpty() ? null : msg.read(t);
    if (accR == null) {
      return false;
    }
    long[] rho = r1.get().point();
    long[] eqRho = Mle.eq(rho);
    int[] q = ConvKernels.outIndex(s);
    long[] ev = new long[4];
    long[] prod = new long[4];
    for (int f = 0; f < q.length; f++) {
      Fr.mul(prod, 0, e, 4 * f, eqRho, 4 * q[f]);
      Fr.add(ev, 0, ev, 0, prod, 0);
    }
    if (!Fr.readFrom(ev, 0).mul(accR).equals(r1.get().value())) {
      return false;
    }
    return window(cv, s, rho, accR, layout, t, msg, claims);
  }

  /** The verifier's steps 2 and 3 from the claim Acc'~(ρ) = accR. */
  private static boolean window(Layer.Conv cv, ConvShape s, long[] rho, Fr accR, Layout layout, Transcript t,
      Messages msg, List<List<Claim>> claims) {
    Optional<SumcheckVerifier.Result> r2 = sumcheck(msg, s.windowVars(), 3, accR, t);
    Fr x2r = r2.isEmpty() ? null : msg.read(t);
    if (x2r == null) {
      return false;
    }
    long[] sigma = r2.get().point();
    int[] ow = outWidths(s);
    int[] ww = windowWidths(s);
    int vu = ww[0] + ww[1] + ww[2];
    int oAt = ow[0] + ow[1] + ow[2];
    // eq(ρ_b, σ_b)·eq(ρ_g, σ_g): g and b are the top segments of both views
    int bg = ww[4] + ww[5];
    Fr ebg = Mle.eqAt(rho, 4 * (oAt + ow[3]), sigma, 4 * (vu + ww[3]), bg);
    Fr wr = ConvKernels.weightAt(cv, s, Mle.eq(ConvKernels.part(sigma, vu + ww[3], ww[4])),
        Mle.eq(ConvKernels.part(rho, oAt, ow[3])), Mle.eq(ConvKernels.part(sigma, vu, ww[3])),
        Mle.eq(ConvKernels.part(sigma, 0, vu)));
    if (!ebg.mul(wr).mul(x2r).equals(r2.get().value())) {
      return false;
    }
    int vx = layout.vars[cv.input()];
    Optional<SumcheckVerifier.Result> r3 = sumcheck(msg, vx, 2, x2r, t);
    Fr xr = r3.isEmpty() ? null : msg.read(t);
    if (xr == null) {
      return false;
    }
    long[] tau = r3.get().point();
    Fr kr = ConvKernels.inputAligned(s, vx)
        ? ConvKernels.inputWeightAt(s, ConvKernels.eqs(rho, ow), ConvKernels.eqs(sigma, ww), tau)
        : ConvKernels.dot(inputWeights(s, rho, sigma, vx), Mle.eq(tau));
    if (!kr.mul(xr).equals(r3.get().value())) {
      return false;
    }
    claims.get(cv.input()).add(new Claim(tau, xr));
    return true;
  }

  private static Optional<SumcheckVerifier.Result> sumcheck(Messages msg, int vars, int degree, Fr claim,
      Transcript t) {
    SumcheckProof p = msg.readSumcheck();
    return p == null ? Optional.empty() : SumcheckVerifier.verify(vars, degree, claim, p, t);
  }
}
