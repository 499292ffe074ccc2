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
final class Boundaries {
  private Boundaries() {}

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
