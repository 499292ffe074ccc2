package io.kubz.gkr.model;

import io.kubz.field.Fr;
import io.kubz.field.G1;
import io.kubz.gkr.opening.BatchOpening;
import io.kubz.gkr.opening.Claim;
import io.kubz.gkr.pcs.HyperKzg;
import io.kubz.gkr.pcs.HyperKzgProof;
import io.kubz.gkr.opening.ReductionProof;
import io.kubz.poly.transcript.Transcript;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * Committed boundary tensors (package documentation, "Committed boundaries"): a model input or
 * output that links this proof to another one is committed as C_T = HyperKZG commitment of its
 * integer values zero-padded to 2^vars(T) entries, made deterministically (no blinding), so that
 * the proof producing T and the proofs reading it compute the same C_T on their own.
 */
public final class Boundaries {
  private Boundaries() {}

  /**
   * A claim T~(point) = value on a committed boundary T that the caller brings from outside the
   * layer walk (a PLONK ↔ GKR bridge: the plonkish slice proves value = Σ_i T_i·eq(i, point) over
   * the cells its Poseidon commitment reads). {@code point} has {@link #vars}(size of T)
   * coordinates, variable 0 the least significant index bit: a point of the committed MLE of T
   * zero-padded (no lifting). It joins T's batched opening after the walk's claims, so the opening
   * proves it against C_T; the point must be fixed before the proof (derived from C_T and the other
   * side's commitment), never chosen by the prover after seeing challenges.
   */
  public record External(int tensor, Fr[] point, Fr value) {
    public External {
      point = point.clone();
    }
  }

  /**
   * The walk's claims on each committed tensor with the external ones appended (in the given order),
   * or null when an external claim names no committed tensor or has a point of the wrong length.
   */
  static List<List<Claim>> withExternal(LayeredModel model, int[] committed, List<List<Claim>> claims,
      List<External> external) {
    if (external.isEmpty()) {
      return claims;
    }
    List<List<Claim>> out = new ArrayList<>();
    claims.forEach(c -> out.add(new ArrayList<>(c)));
    for (External e : external) {
      int i = e == null ? -1 : Arrays.binarySearch(committed, e.tensor());
      if (i < 0 || e.value() == null
          || e.point().length != vars(model.layers().get(e.tensor()).size())) {
        return null;
      }
      long[] p = new long[4 * e.point().length];
      for (int j = 0; j < e.point().length; j++) {
        if (e.point()[j] == null) {
          return null;
        }
        e.point()[j].writeTo(p, 4 * j);
      }
      out.get(i).add(new Claim(p, e.value()));
    }
    return out;
  }

  /**
   * The committed tensor ids, sorted and distinct, each an input or an output of {@code model};
   * anything else is an {@link IllegalArgumentException} (a programming error of the caller).
   */
  static int[] check(LayeredModel model, int[] committed) {
    int[] c = committed.clone();
    Arrays.sort(c);
    int[] ins = model.inputs();
    int[] outs = model.outputs();
    for (int i = 0; i < c.length; i++) {
      if (i > 0 && c[i] == c[i - 1]) {
        throw new IllegalArgumentException("tensor " + c[i] + " is committed twice");
      }
      int id = c[i];
      boolean in = Arrays.binarySearch(ins, id) >= 0;
      boolean out = Arrays.stream(outs).anyMatch(o -> o == id);
      if (in == out) {
        throw new IllegalArgumentException("tensor " + c[i] + (in ? " is both an input and an output"
            : " is neither an input nor an output") + " of the model: it cannot be a committed boundary");
      }
    }
    return c;
  }

  /** Variables of the committed MLE of a tensor of {@code size} entries: ⌈log2 size⌉, at least 1. */
  static int vars(int size) {
    return Math.max(1, 32 - Integer.numberOfLeadingZeros(Math.max(1, size) - 1));
  }

  /** The most variables any committed boundary of {@code model} has (0 without any). */
  static int maxVars(LayeredModel model, int[] committed) {
    int v = 0;
    for (int t : committed) {
      v = Math.max(v, vars(model.layers().get(t).size()));
    }
    return v;
  }

  /** C_T: the commitment of {@code values} zero-padded to 2^{@link #vars} entries. */
  static G1 commit(HyperKzg pcs, long[] values) {
    return pcs.commitIntegers(Arrays.copyOf(values, 1 << vars(values.length)));
  }

  /** A claim on T's own MLE as a claim on the committed one (a size-1 tensor gains a 0 coordinate). */
  static Claim lift(Claim c, int size) {
    return c.embed(0, vars(size));
  }

  /** The proof of every committed tensor's claims: one batched reduction and one HyperKZG opening each. */
  record Openings(List<ReductionProof> reductions, List<HyperKzgProof> pcs) {}

  /**
   * Opens, in increasing tensor id, every committed tensor that has claims: the claims are reduced
   * to one point ({@link BatchOpening}) and T is opened there against C_T.
   */
  static Openings prove(int[] committed, G1[] commitments, long[][] values, List<List<Claim>> claims,
      HyperKzg pcs, Transcript t) {
    List<ReductionProof> red = new ArrayList<>();
    List<HyperKzgProof> open = new ArrayList<>();
    for (int i = 0; i < committed.length; i++) {
      List<Claim> cs = claims.get(i);
      if (cs.isEmpty()) {
        continue;
      }
      long[] v = values[committed[i]];
      int n = vars(v.length);
      long[] table = new long[4 << n];
      for (int j = 0; j < v.length; j++) {
        Fr.set(table, 4 * j, v[j]);
      }
      BatchOpening.Output o = BatchOpening.prove(table, cs.stream().map(c -> lift(c, v.length)).toList(), t);
      red.add(o.proof());
      open.add(pcs.open(t, commitments[i], table, Arrays.copyOf(v, 1 << n), coords(o.claim().point())).proof());
    }
    return new Openings(red, open);
  }

  /** Whether every committed tensor's claims open against its C_T; never throws on the proof. */
  static boolean verify(LayeredModel model, int[] committed, List<G1> commitments, List<List<Claim>> claims,
      LayeredProof proof, HyperKzg pcs, Transcript t) {
    int k = 0;
    for (int i = 0; i < committed.length; i++) {
      List<Claim> cs = claims.get(i);
      if (cs.isEmpty()) {
        continue;
      }
      if (k >= proof.boundaryOpenings.size() || k >= proof.boundaryPcs.size()) {
        return false;
      }
      int size = model.layers().get(committed[i]).size();
      int n = vars(size);
      if (n > pcs.maxVars()) {
        return false;
      }
      Optional<Claim> last = BatchOpening.verify(n, cs.stream().map(c -> lift(c, size)).toList(),
          proof.boundaryOpenings.get(k), t);
      if (last.isEmpty() || !pcs.verify(t, commitments.get(i), coords(last.get().point()), last.get().value(),
          proof.boundaryPcs.get(k))) {
        return false;
      }
      k++;
    }
    return k == proof.boundaryOpenings.size() && k == proof.boundaryPcs.size();
  }

  static Fr[] coords(long[] point) {
    Fr[] u = new Fr[point.length / 4];
    for (int i = 0; i < u.length; i++) {
      u[i] = Fr.readFrom(point, 4 * i);
    }
    return u;
  }
}
