package io.kubz.gkr.model;

import io.kubz.field.Fr;
import io.kubz.gkr.logup.LogupProof;
import io.kubz.gkr.logup.Segment;
import io.kubz.gkr.opening.Claim;
import io.kubz.gkr.sumcheck.Composition;
import io.kubz.gkr.sumcheck.EqSumcheckProver;
import io.kubz.gkr.sumcheck.SumcheckProver;
import io.kubz.poly.transcript.Transcript;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The prover's side of the claim flow (see the package documentation): lookup leaf claims, output
 * claims, then every layer from the last tensor down to 0, each turning the claims on its output
 * into claims on its inputs and on Wit. {@link VerifierWalk} mirrors it step by step.
 */
final class ProverWalk {
  private final Layout layout;
  private final Witness w;
  private final Transcript t;
  final Messages msg = new Messages();
  final List<List<Claim>> claims = new ArrayList<>();
  final List<Claim> witClaims = new ArrayList<>();

  ProverWalk(Layout layout, Witness w, Transcript t) {
    this.layout = layout;
    this.w = w;
    this.t = t;
    for (int i = 0; i < layout.vars.length; i++) {
      claims.add(new ArrayList<>());
    }
  }

  private void onSlot(int s, long[] point, Fr value) {
    witClaims.add(new Claim(point, value).embed(layout.block(s), layout.witVars));
  }

  /** Sends every lookup block's evaluation at the low coordinates of its column's point. */
  void lookups(List<LogupProof.Claims> leaf) {
    for (int k = 0; k < leaf.size(); k++) {
      Layout.TableUse u = layout.tables.get(k);
      LogupProof.Claims c = leaf.get(k);
      onSlot(u.multSlot(), c.multiplicityPoint(), c.multiplicityValue());
      for (int col = 0; col < u.table().width(); col++) {
        for (int b = 0; b < u.segments().size(); b++) {
          Segment g = u.segments().get(b);
          Layout.Source src = u.blocks().get(b)[col];
          long[] z = Arrays.copyOf(c.columnPoint(), 4 * g.logSize());
          for (Layout.Part p : src.parts()) {
            if (p.tensor() >= 0) {
              Fr x = w.eval(p.tensor(), z);
              msg.send(t, x);
              claims.get(p.tensor()).add(new Claim(z, x));
            } else {
              Fr x = w.evalSlot(p.slot(), z);
              msg.send(t, x);
              onSlot(p.slot(), z, x);
            }
          }
        }
      }
    }
  }

  /**
   * Output i's claim at a fresh r_out: the verifier evaluates a public output there; the value of a
   * committed one ({@code committed[tensor]}) is sent, and opened against C_T later.
   */
  void outputs(boolean[] committed) {
    int[] outs = layout.model.outputs();
    for (int i = 0; i < outs.length; i++) {
      Protocol.beginLayer(t, -1 - i);
      long[] r = Protocol.point(t, "layered-r-out", layout.vars[outs[i]]);
      Fr v = w.eval(outs[i], r);
      if (committed[outs[i]]) {
        msg.send(t, v);
      }
      claims.get(outs[i]).add(new Claim(r, v));
    }
  }

  void layers() {
    for (int id = layout.vars.length - 1; id >= 0; id--) {
      List<Claim> cs = claims.get(id);
      if (cs.isEmpty()) {
        continue;
      }
      Protocol.beginLayer(t, id);
      Layer l = layout.model.layers().get(id);
      if (l instanceof Layer.Linear lin) {
        linear(id, lin, cs);
      } else if (l instanceof Layer.Rescale) {
        rescale(id, cs);
      } else if (l instanceof Layer.Lookup) {
        for (Claim c : cs) {
          onSlot(layout.outSlot[id], c.point(), c.value());
        }
      } else if (l instanceof Layer.Max mx) {
        max(id, mx, cs);
      } else if (l instanceof Layer.Product p) {
        product(id, p, cs);
      } else if (l instanceof Layer.MatMul mm) {
        MatMulStep.prove(id, mm, cs, w, t, msg, claims);
      } else if (l instanceof Layer.Conv cv) {
        ConvStep.prove(id, cv, cs, w, t, msg, claims);
      }
      // Input: the verifier evaluates a public input itself; a committed one is opened against C_T
    }
  }

  private void linear(int id, Layer.Linear lin, List<Claim> cs) {
    Fr[] g = Protocol.gammaPowers(t, cs.size());
    long[] e = Sparse.rowWeights(cs, g, layout.vars[id]);
    List<long[]> as = new ArrayList<>();
    for (Layer.Term term : lin.terms()) {
      as.add(Sparse.columnWeights(term.matrix(), e, layout.vars[term.tensor()]));
    }
    Fr[] sums = new Fr[lin.terms().size()];
    if (sums.length == 1) {
      Fr c = Fr.ZERO;
      for (int k = 0; k < cs.size(); k++) {
        c = c.add(g[k].mul(cs.get(k).value()));
      }
      sums[0] = c.sub(Sparse.biasTerm(e, lin.bias()));
    } else {
      for (int i = 0; i < sums.length; i++) {
        sums[i] = inner(as.get(i), w.table(lin.terms().get(i).tensor()));
        msg.send(t, sums[i]);
      }
    }
    for (int i = 0; i < sums.length; i++) {
      int x = lin.terms().get(i).tensor();
      SumcheckProver.Output o = SumcheckProver.prove(Composition.product(2),
          new long[][] {as.get(i), w.table(x)}, sums[i], t);
      msg.sumchecks.add(o.proof());
      Fr xr = Fr.readFrom(o.finalValues(), 4);
      msg.send(t, xr);
      claims.get(x).add(new Claim(o.point(), xr));
    }
  }

  private static Fr inner(long[] a, long[] b) {
    long[] acc = new long[4];
    long[] p = new long[4];
    for (int i = 0; i < a.length; i += 4) {
      Fr.mul(p, 0, a, i, b, i);
      Fr.add(acc, 0, acc, 0, p, 0);
    }
    return Fr.readFrom(acc, 0);
  }

  /** Sends limb_j~(z) of a limbed value and makes each a Wit claim. */
  private void limbs(Layout.Limbed v, long[] z) {
    for (int s : v.slots()) {
      Fr x = w.evalSlot(s, z);
      msg.send(t, x);
      onSlot(s, z, x);
    }
  }

  /** Each claim on out becomes claims on its limbs: the rest of a rescale is in its range lookups. */
  private void rescale(int id, List<Claim> cs) {
    for (Claim c : cs) {
      limbs(layout.rescaleOut[id], c.point());
    }
  }

  /** Σ_x eq(z, x)·Π_k (y − x_k)(x) = 0 at z = r_0: one difference is zero at every entry. */
  private void max(int id, Layer.Max mx, List<Claim> cs) {
    int slot = layout.outSlot[id];
    for (Claim c : cs) {
      onSlot(slot, c.point(), c.value());
    }
    int m = mx.inputs().length;
    long[][] d = new long[m][];
    long[] y = w.table(id);
    for (int k = 0; k < m; k++) {
      long[] x = w.table(mx.inputs()[k]);
      d[k] = new long[y.length];
      for (int i = 0; i < y.length; i += 4) {
        Fr.sub(d[k], i, y, i, x, i);
      }
    }
    SumcheckProver.Output o = EqSumcheckProver.prove(cs.get(0).point(), Composition.product(m), d,
        Fr.ZERO, t);
    msg.sumchecks.add(o.proof());
    long[] rho = o.point();
    Fr yr = w.eval(id, rho);
    msg.send(t, yr);
    onSlot(slot, rho, yr);
    for (int k = 0; k < m; k++) {
      int x = mx.inputs()[k];
      Fr xr = w.eval(x, rho);
      msg.send(t, xr);
      claims.get(x).add(new Claim(rho, xr));
    }
  }

  private void product(int id, Layer.Product p, List<Claim> cs) {
    Fr[] g = Protocol.gammaPowers(t, cs.size());
    long[] a = w.table(p.a());
    long[] b = w.table(p.b());
    SumcheckProver.Output o;
    if (cs.size() == 1) {
      o = EqSumcheckProver.prove(cs.get(0).point(), Composition.product(2), new long[][] {a, b},
          cs.get(0).value(), t);
    } else {
      long[] e = Sparse.rowWeights(cs, g, layout.vars[id]);
      Fr c = Fr.ZERO;
      for (int k = 0; k < cs.size(); k++) {
        c = c.add(g[k].mul(cs.get(k).value()));
      }
      o = SumcheckProver.prove(Composition.product(3), new long[][] {e, a, b}, c, t);
    }
    msg.sumchecks.add(o.proof());
    int off = cs.size() == 1 ? 0 : 4;
    Fr ar = Fr.readFrom(o.finalValues(), off);
    Fr br = Fr.readFrom(o.finalValues(), off + 4);
    msg.send(t, ar);
    msg.send(t, br);
    claims.get(p.a()).add(new Claim(o.point(), ar));
    claims.get(p.b()).add(new Claim(o.point(), br));
  }
}
