package io.kubz.slicer.lower;

import io.kubz.field.Fr;
import io.kubz.plonkish.builder.AssignedCell;
import io.kubz.poly.transcript.Keccak256Transcript;
import java.nio.charset.StandardCharsets;

/**
 * The PLONK ↔ GKR bridge of one tensor T of N values (GKR.md "Slices and links"; package
 * documentation "Bridged boundaries"): the plonkish slice that exposes T by its salted Poseidon
 * commitment C also proves
 * <pre>  y = Σ_{i &lt; N} v_i·eq(i, r),   eq(i, r) = Π_j (bit_j(i) ? r_j : 1 − r_j)  </pre>
 * over the same cells v_i its commitment reads, for public r (v = max(1, ⌈log2 N⌉) coordinates,
 * variable 0 the least significant index bit, as the GKR module's MLEs) and public y: y is the
 * multilinear extension of T zero-padded to 2^v entries at r, the value the GKR slice opens its
 * C_T at. r = {@link #point}(C, C_T, T's name and shape), derived by prover and verifier alike.
 *
 * <p>Circuit: s_j = 1 − r_j (one row each), then the standard doubling: E_0 = (1),
 * E_{j+1}[i] = E_j[i]·s_j, E_{j+1}[i + 2^j] = E_j[i]·r_j, keeping only the first min(2^{j+1}, N)
 * entries (an index ≥ N of a level is the low part of no index &lt; N of the last one), one product
 * row each; then acc_i = v_i·E_v[i] + acc_{i−1} (one row each, acc_{−1} = 0). Every row is the
 * general arithmetic row of {@link Arith} with its inputs copied, so each cell is pinned: a changed
 * r_j, E entry or partial sum breaks a row or a copy.
 */
public final class Bridge {
  private static final String SUFFIX = "@bridge";
  private static final byte[] DOMAIN = "kubz-bridge-v1".getBytes(StandardCharsets.US_ASCII);

  private Bridge() {}

  /** The layout entry of T's bridge (r then y: {@link #vars}(N) + 1 instance rows). */
  public static String entry(String tensor) {
    return tensor + SUFFIX;
  }

  /** Whether a layout entry is a bridge entry, not a tensor. */
  public static boolean isEntry(String name) {
    return name.endsWith(SUFFIX);
  }

  /** The tensor of a bridge entry. */
  public static String tensor(String entry) {
    return entry.substring(0, entry.length() - SUFFIX.length());
  }

  /** Coordinates of r for N values: ⌈log2 N⌉, at least 1 (the GKR committed boundary's variables). */
  public static int vars(int n) {
    return Math.max(1, 32 - Integer.numberOfLeadingZeros(Math.max(1, n) - 1));
  }

  /**
   * r = Keccak transcript over a domain tag, C (the Poseidon commitment of the plonkish side), C_T
   * (the compressed HyperKZG commitment of the GKR side), T's name and its number of values N (its
   * shape is bound by the model digest: the keys and layouts of both slices); {@link #vars}(N)
   * challenges. Both commitments are binding and fixed before r exists, so r is a random point for
   * the pair of tensors they commit.
   */
  public static Fr[] point(Fr c, byte[] cT, String tensor, int size) {
    Keccak256Transcript t = new Keccak256Transcript("kubz-bridge");
    t.absorbBytes("bridge-domain", DOMAIN);
    t.absorbScalar("bridge-poseidon", c);
    t.absorbBytes("bridge-kzg", cT);
    t.absorbBytes("bridge-tensor", tensor.getBytes(StandardCharsets.UTF_8));
    t.absorbScalar("bridge-size", Fr.of(size));
    return t.challenges("bridge-r", vars(size));
  }

  /** y = Σ v_i·eq(i, r) natively (the oracle of the gadget and the prover's instance value). */
  public static Fr evaluate(long[] values, Fr[] r) {
    Fr[] eq = eq(r, values.length);
    Fr y = Fr.ZERO;
    for (int i = 0; i < values.length; i++) {
      y = y.add(Fr.of(values[i]).mul(eq[i]));
    }
    return y;
  }

  /** The first n entries of eq(·, r) by the doubling above. */
  static Fr[] eq(Fr[] r, int n) {
    Fr[] e = {Fr.ONE};
    for (int j = 0; j < r.length; j++) {
      int half = e.length;
      int size = (int) Math.min(2L * half, n);
      Fr[] next = new Fr[size];
      Fr s = Fr.ONE.sub(r[j]);
      for (int i = 0; i < size; i++) {
        next[i] = i < half ? e[i].mul(s) : e[i - half].mul(r[j]);
      }
      e = next;
    }
    return e;
  }

  /** Rows of the gadget for N values, with the storage of r and y. */
  static long rows(int n) {
    int v = vars(n);
    long rows = v + n + (v + Arith.WIDTH) / Arith.WIDTH + 1;
    for (int j = 1; j <= v; j++) {
      rows += Math.min(1L << j, n);
    }
    return rows;
  }

  /**
   * Constrains and returns the cell y = Σ values_i·eq(i, r) (see the class documentation); {@code r}
   * holds {@link #vars}(values.length) cells (the caller ties them and y to the instance).
   */
  static AssignedCell evaluate(Arith arith, AssignedCell[] values, AssignedCell[] r) {
    int n = values.length;
    if (r.length != vars(n)) {
      throw new IllegalArgumentException("a bridge of " + n + " values takes " + vars(n) + " coordinates, got "
          + r.length);
    }
    Fr minus = Fr.ONE.neg();
    AssignedCell[] e = {arith.constant(1)};
    for (int j = 0; j < r.length; j++) {
      // s_j − 1 + r_j = 0
      AssignedCell s = arith.row("bridge 1-r", new Fr[] {Fr.ONE, Fr.ONE}, null, minus,
          new AssignedCell[] {null, r[j]}, new Fr[] {Fr.ONE.sub(r[j].value())})[0];
      int half = e.length;
      int size = (int) Math.min(2L * half, n);
      AssignedCell[] next = new AssignedCell[size];
      for (int i = 0; i < size; i++) {
        AssignedCell parent = e[i < half ? i : i - half];
        AssignedCell factor = i < half ? s : r[j];
        // parent·factor − out = 0
        next[i] = arith.row("bridge eq", new Fr[] {null, null, minus}, Fr.ONE, null,
            new AssignedCell[] {parent, factor}, new Fr[] {null, null, parent.value().mul(factor.value())})[2];
      }
      e = next;
    }
    AssignedCell acc = null;
    for (int i = 0; i < n; i++) {
      Fr prod = values[i].value().mul(e[i].value());
      if (acc == null) { // v_0·eq_0 − acc_0 = 0
        acc = arith.row("bridge sum", new Fr[] {null, null, minus}, Fr.ONE, null,
            new AssignedCell[] {values[i], e[i]}, new Fr[] {null, null, prod})[2];
      } else { // v_i·eq_i + acc_{i−1} − acc_i = 0
        acc = arith.row("bridge sum", new Fr[] {null, null, Fr.ONE, minus}, Fr.ONE, null,
            new AssignedCell[] {values[i], e[i], acc}, new Fr[] {null, null, null, acc.value().add(prod)})[3];
      }
    }
    return acc;
  }
}
