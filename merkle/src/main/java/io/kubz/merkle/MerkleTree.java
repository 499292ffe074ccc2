package io.kubz.merkle;

import io.kubz.field.Fr;
import io.kubz.field.Parallel;
import java.util.List;

/**
 * A Merkle tree of arity a = 2..16 over Fr leaves (specified in {@code package-info.java}): a node
 * is circomlib's Poseidon of its a children, {@code H(c_0, …, c_{a−1})} with t = a + 1; the n leaves
 * are zero-padded to a^depth with depth = ⌈log_a n⌉ (0 for one leaf, whose root is the leaf).
 * Padding is never materialised: the digest of an all-padding subtree of height l is
 * Z_l (Z_0 = 0, Z_{l+1} = H(Z_l, …, Z_l)). Levels are flat Montgomery {@code long[]}.
 */
public final class MerkleTree {
  private static final int L = Fr.LIMBS;
  public static final int MAX_ARITY = PoseidonParams.MAX_WIDTH - 1;

  private final int arity;
  private final int size;
  /** levels[l] holds the ⌈n / a^l⌉ real nodes of level l; levels[depth] holds the root. */
  private final long[][] levels;
  /** zeros[l] = Z_l. */
  private final long[] zeros;

  private MerkleTree(int arity, int size, long[][] levels, long[] zeros) {
    this.arity = arity;
    this.size = size;
    this.levels = levels;
    this.zeros = zeros;
  }

  /**
   * Builds the tree over the n Montgomery-form leaves at {@code leaves[lo ..]} (copied).
   *
   * @throws IllegalArgumentException for an empty tree or an arity outside 2..16
   * @throws io.kubz.field.BadInputException if a leaf is not a reduced field element
   */
  public static MerkleTree build(int arity, long[] leaves, int lo, int n) {
    checkArity(arity);
    if (n <= 0) {
      throw new IllegalArgumentException("a Merkle tree needs at least one leaf, got " + n);
    }
    Inputs.checkReduced(leaves, lo, n, "Merkle leaves");
    int depth = 0;
    for (long c = 1; c < n; c *= arity) {
      depth++;
    }
    long[][] levels = new long[depth + 1][];
    levels[0] = new long[L * n];
    System.arraycopy(leaves, lo, levels[0], 0, L * n);
    long[] zeros = zeroDigests(arity, depth);
    for (int l = 0; l < depth; l++) {
      long[] below = levels[l];
      int count = below.length / L;
      int parents = (count + arity - 1) / arity;
      long[] above = new long[L * parents];
      int level = l;
      Parallel.forRange(0, parents, 16, (from, to) -> {
        long[] group = new long[L * arity];
        for (int p = from; p < to; p++) {
          gather(group, below, count, p, arity, zeros, level);
          Poseidon.hash(above, p * L, group, 0, arity);
        }
      });
      levels[l + 1] = above;
    }
    return new MerkleTree(arity, n, levels, zeros);
  }

  /** Builds the tree over a list of leaves. */
  public static MerkleTree of(int arity, List<Fr> leaves) {
    long[] a = new long[L * leaves.size()];
    for (int i = 0; i < leaves.size(); i++) {
      leaves.get(i).writeTo(a, i * L);
    }
    return build(arity, a, 0, leaves.size());
  }

  static void checkArity(int arity) {
    if (arity < 2 || arity > MAX_ARITY) {
      throw new IllegalArgumentException("Merkle arity must be 2..16 (circomlib's Poseidon widths), got " + arity);
    }
  }

  /** Z_0 .. Z_depth, 4 limbs each. */
  static long[] zeroDigests(int arity, int depth) {
    long[] z = new long[L * (depth + 1)];
    long[] group = new long[L * arity];
    for (int l = 0; l < depth; l++) {
      for (int k = 0; k < arity; k++) {
        Fr.copy(group, k * L, z, l * L);
      }
      Poseidon.hash(z, (l + 1) * L, group, 0, arity);
    }
    return z;
  }

  /** Copies the a children of parent p (Z_level beyond the count real nodes) into group. */
  private static void gather(long[] group, long[] level, int count, int p, int arity, long[] zeros, int l) {
    for (int k = 0; k < arity; k++) {
      int c = p * arity + k;
      if (c < count) {
        Fr.copy(group, k * L, level, c * L);
      } else {
        Fr.copy(group, k * L, zeros, l * L);
      }
    }
  }

  public int arity() {
    return arity;
  }

  /** The number of leaves (before padding). */
  public int size() {
    return size;
  }

  public int depth() {
    return levels.length - 1;
  }

  public Fr root() {
    return Fr.readFrom(levels[depth()], 0);
  }

  public Fr leaf(int index) {
    checkIndex(index);
    return Fr.readFrom(levels[0], index * L);
  }

  /** The authentication path of leaf {@code index}. */
  public MerklePath path(int index) {
    checkIndex(index);
    int depth = depth();
    long[] siblings = new long[L * depth * (arity - 1)];
    long[] group = new long[L * arity];
    int pos = index;
    int s = 0;
    for (int l = 0; l < depth; l++) {
      long[] level = levels[l];
      gather(group, level, level.length / L, pos / arity, arity, zeros, l);
      for (int k = 0; k < arity; k++) {
        if (k != pos % arity) {
          Fr.copy(siblings, s, group, k * L);
          s += L;
        }
      }
      pos /= arity;
    }
    return new MerklePath(arity, index, siblings);
  }

  private void checkIndex(int index) {
    if (index < 0 || index >= size) {
      throw new IllegalArgumentException("leaf index " + index + " is out of range: the tree has " + size
          + " leaves (indices 0.." + (size - 1) + ")");
    }
  }
}
