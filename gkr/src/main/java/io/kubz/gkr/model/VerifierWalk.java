package io.kubz.gkr.model;

import io.kubz.field.Fr;
import io.kubz.gkr.logup.LogupProof;
import io.kubz.gkr.logup.Segment;
import io.kubz.gkr.mle.Mle;
import io.kubz.gkr.opening.Claim;
import io.kubz.gkr.sumcheck.SumcheckProof;
import io.kubz.gkr.sumcheck.SumcheckVerifier;
import io.kubz.poly.transcript.Transcript;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The verifier's side of {@link ProverWalk}, step by step: every point is drawn here, every value
 * read from the proof is absorbed before the next challenge, every check's result ends the walk
 * when it fails. Each method returns false on a wrong or short proof and never throws on one.
 */
final class VerifierWalk {
  private final Layout layout;
  private final Transcript t;
  private final Messages msg;
  private final long[][] inputs;
  private final long[][] outputs;
  final List<List<Claim>> claims = new ArrayList<>();
  final List<Claim> witClaims = new ArrayList<>();

  VerifierWalk(Layout layout, Transcript t, Messages msg, long[][] inputs, long[][] outputs) {
    this.layout = layout;
    this.t = t;
    this.msg = msg;
    this.inputs = inputs;
    this.outputs = outputs;
    for (int i = 0; i < layout.vars.length; i++) {
      claims.add(new ArrayList<>());
    }
  }

  boolean msgExhausted() {
    return msg.exhausted();
  }

  private void onSlot(int s, long[] point, Fr value) {
    witClaims.add(new Claim(point, value).embed(layout.block(s), layout.witVars));
  }

  /** eq(bits of block, z[from..to)): the selector of an aligned block inside a column. */
  static Fr eqBits(long[] z, int from, int to, long block) {
    Fr w = Fr.ONE;
    for (int i = from; i < to; i++) {
      Fr zi = Fr.readFrom(z, 4 * i);
      w = w.mul(((block >>> (i - from)) & 1) == 1 ? zi : Fr.ONE.sub(zi));
    }
    return w;
  }

  /** Each column's value is Σ_b eq(block b, z_high)·scale_b·X_b(z_low) over its blocks' values. */
  boolean lookups(List<LogupProof.Claims> leaf) {
    for (int k = 0; k < leaf.size(); k++) {
      Layout.TableUse u = layout.tables.get(k);
      LogupProof.Claims c = leaf.get(k);
      onSlot(u.multSlot(), c.multiplicityPoint(), c.multiplicityValue());
      long[] zc = c.columnPoint();
      for (int col = 0; col < u.table().width(); col++) {
        Fr sum = Fr.ZERO;
        for (int b = 0; b < u.segments().size(); b++) {
          Segment g = u.segments().get(b);
          Layout.Source src = u.blocks().get(b)[col];
          long[] z = Arrays.copyOf(zc, 4 * g.logSize());
          // scale·(Σ coef·X(z) + maskCoef·mask(z))
          Fr v = Fr.of(src.maskCoef()).mul(Mle.prefix(z, g.logSize(), g.count()));
          for (Layout.Part p : src.parts()) {
            Fr x = msg.read(t);
            if (x == null) {
              return false;
            }
            v = v.add(Fr.of(p.coef()).mul(x));
            if (p.tensor() >= 0) {
              claims.get(p.tensor()).add(new Claim(z, x));
            } else {
              onSlot(p.slot(), z, x);
            }
          }
          sum = sum.add(eqBits(zc, g.logSize(), u.logRows(), (long) g.offset() >>> g.logSize())
              .mul(Fr.of(src.scale())).mul(v));
        }
        if (!sum.equals(c.columnValues().get(col))) {
          return false;
        }
      }
    }
    return true;
  }

  /**
   * Output claims at fresh points: a public output evaluated here, a committed one's value read
   * from the proof (opened against C_T later). False on a short proof.
   */
  boolean outputs(boolean[] committed) {
    int[] outs = layout.model.outputs();
    for (int i = 0; i < outs.length; i++) {
      Protocol.beginLayer(t, -1 - i);
      int v = layout.vars[outs[i]];
      long[] r = Protocol.point(t, "layered-r-out", v);
      Fr y = committed[outs[i]] ? msg.read(t) : Protocol.evaluatePublic(outputs[i], v, r);
      if (y == null) {
        return false;
      }
      claims.get(outs[i]).add(new Claim(r, y));
    }
    return true;
  }

  boolean layers() {
    int[] inputIds = layout.model.inputs();
    for (int id = layout.vars.length - 1; id >= 0; id--) {
      List<Claim> cs = claims.get(id);
      if (cs.isEmpty()) {
        continue;
      }
      Protocol.beginLayer(t, id);
      Layer l = layout.model.layers().get(id);
      boolean ok;
      if (l instanceof Layer.Linear lin) {
        ok = linear(id, lin, cs);
      } else if (l instanceof Layer.Rescale) {
        ok = rescale(id, cs);
      } else if (l instanceof Layer.Lookup) {
        for (Claim c : cs) {
          onSlot(layout.outSlot[id], c.point(), c.value());
        }
        ok = true;
      } else if (l instanceof Layer.Max mx) {
        ok = max(id, mx, cs);
      } else if (l instanceof Layer.Product p) {
        ok = product(id, p, cs);
      } else if (l instanceof Layer.Input) {
        // a committed input (no values: null) is opened against its C_T after the walk
        long[] x = inputs[Arrays.binarySearch(inputIds, id)];
        ok = true;
        cs = x == null ? List.of() : cs;
        for (Claim c : cs) {
          ok &= Protocol.evaluatePublic(x, layout.vars[id], c.point()).equals(c.value());
        }
      } else if (l instanceof Layer.MatMul mm) {
        ok = MatMulStep.verify(mm, cs, layout, t, msg, claims, layout.vars[id]);
      } else if (l instanceof Layer.Conv cv) {
        ok = ConvStep.verify(cv, cs, layout, t, msg, claims, layout.vars[id]);
      } else {
        ok = false;
      }
      if (!ok) {
        return false;
      }
    }
    return true;
  }

  private boolean linear(int id, Layer.Linear lin, List<Claim> cs) {
    Fr[] g = Protocol.gammaPowers(t, cs.size());
    long[] e = Sparse.rowWeights(cs, g, layout.vars[id]);
    Fr c = Fr.ZERO;
    for (int k = 0; k < cs.size(); k++) {
      c = c.add(g[k].mul(cs.get(k).value()));
    }
    c = c.sub(Sparse.biasTerm(e, lin.bias()));
    int n = lin.terms().size();
    Fr[] sums = n == 1 ? new Fr[] {c} : msg.read(t, n);
    if (sums == null) {
      return false;
    }
    Fr total = Fr.ZERO;
    for (Fr s : sums) {
      total = total.add(s);
    }
    if (!total.equals(c)) {
      return false;
    }
    for (int i = 0; i < n; i++) {
      Layer.Term term = lin.terms().get(i);
      int vx = layout.vars[term.tensor()];
      Optional<SumcheckVerifier.Result> r = verifySumcheck(vx, 2, sums[i]);
      Fr xr = r.isEmpty() ? null : msg.read(t);
      if (xr == null) {
        return false;
      }
      long[] rho = r.get().point();
      Fr a = Sparse.bilinear(term.matrix(), e, Mle.eq(rho));
      if (!a.mul(xr).equals(r.get().value())) {
        return false;
      }
      claims.get(term.tensor()).add(new Claim(rho, xr));
    }
    return true;
  }

  private Optional<SumcheckVerifier.Result> verifySumcheck(int vars, int degree, Fr claim) {
    SumcheckProof p = msg.readSumcheck();
    return p == null ? Optional.empty() : SumcheckVerifier.verify(vars, degree, claim, p, t);
  }

  /** Reads a limbed value's limbs at z, makes them Wit claims, returns the value (null: short proof). */
  private Fr limbs(Layout.Limbed v, long[] z, int id) {
    Fr[] e = msg.read(t, v.slots().length);
    if (e == null) {
      return null;
    }
    for (int j = 0; j < e.length; j++) {
      onSlot(v.slots()[j], z, e[j]);
    }
    return Protocol.limbed(v, layout.limbBits, e, z, layout.vars[id],
        layout.model.layers().get(id).size());
  }

  private boolean rescale(int id, List<Claim> cs) {
    for (Claim c : cs) {
      Fr out = limbs(layout.rescaleOut[id], c.point(), id);
      if (out == null || !out.equals(c.value())) {
        return false;
      }
    }
    return true;
  }

  private boolean max(int id, Layer.Max mx, List<Claim> cs) {
    int slot = layout.outSlot[id];
    for (Claim c : cs) {
      onSlot(slot, c.point(), c.value());
    }
    long[] z = cs.get(0).point();
    int m = mx.inputs().length;
    Optional<SumcheckVerifier.Result> r = verifySumcheck(layout.vars[id], m + 1, Fr.ZERO);
    Fr yr = r.isEmpty() ? null : msg.read(t);
    Fr[] xr = yr == null ? null : msg.read(t, m);
    if (xr == null) {
      return false;
    }
    long[] rho = r.get().point();
    onSlot(slot, rho, yr);
    // eq(z, ρ)·Π_k (y(ρ) − x_k(ρ))
    Fr prod = Mle.eqAt(z, 0, rho, 0, layout.vars[id]);
    for (int k = 0; k < m; k++) {
      prod = prod.mul(yr.sub(xr[k]));
      claims.get(mx.inputs()[k]).add(new Claim(rho, xr[k]));
    }
    return prod.equals(r.get().value());
  }

  private boolean product(int id, Layer.Product p, List<Claim> cs) {
    Fr[] g = Protocol.gammaPowers(t, cs.size());
    Fr c = Fr.ZERO;
    for (int k = 0; k < cs.size(); k++) {
      c = c.add(g[k].mul(cs.get(k).value()));
    }
    int v = layout.vars[id];
    Optional<SumcheckVerifier.Result> r = verifySumcheck(v, 3, c);
    Fr ar = r.isEmpty() ? null : msg.read(t);
    Fr br = ar == null ? null : msg.read(t);
    if (br == null) {
      return false;
    }
    long[] rho = r.get().point();
    Fr e = Fr.ZERO;
    for (int k = 0; k < cs.size(); k++) {
      e = e.add(g[k].mul(Mle.eqAt(cs.get(k).point(), 0, rho, 0, v)));
    }
    if (!e.mul(ar).mul(br).equals(r.get().value())) {
      return false;
    }
    claims.get(p.a()).add(new Claim(rho, ar));
    claims.get(p.b()).add(new Claim(rho, br));
    return true;
  }
}
